// The dependency arrows of DESIGN.md, and the clock rule, held by a test: components see the
// cluster only through the client, `api` and `clock` stand alone, time and randomness come only
// from src/clock.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

interface Import {
  from: string; // folder under src of the importing file
  to: string; // folder under src of the imported file
  typeOnly: boolean;
  file: string;
}

const area = (path: string): string => relative(SRC, path).split('/')[0];

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const out: Import[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?[^'"]*?from\s+'(\.[^']+)'/gm)) {
    const target = resolve(dirname(file), m[3]);
    out.push({ from: area(file), to: area(target), typeOnly: !!m[2], file: relative(SRC, file) });
  }
  return out;
}

/** Which folders each folder may import values from (its own always). */
const ALLOWED: Record<string, readonly string[]> = {
  clock: [],
  api: ['clock'],
  apiserver: ['api', 'clock'],
  client: ['api', 'clock'],
  scheduler: ['client', 'api', 'clock'],
  kubelet: ['client', 'api', 'clock'],
  controllers: ['client', 'api', 'clock'],
  sim: ['apiserver', 'client', 'scheduler', 'kubelet', 'controllers', 'api', 'clock'],
  cli: ['sim', 'scheduler', 'api', 'clock'],
};

describe('dependency arrows', () => {
  const all = files(SRC).flatMap(importsOf);

  it('sees the imports it checks', () => {
    expect(all.some((i) => i.from === 'scheduler' && i.to === 'client' && !i.typeOnly)).toBe(true);
    expect(all.some((i) => i.from === 'sim' && i.to === 'apiserver')).toBe(true);
  });

  it('every value import follows the arrows of DESIGN.md', () => {
    const wrong = all
      .filter((i) => i.from !== i.to && !i.typeOnly && !(ALLOWED[i.from] ?? []).includes(i.to))
      .map((i) => `${i.file} -> ${i.to}`);
    expect(wrong).toEqual([]);
  });

  it('api and clock import no other part of kubesim, not even types', () => {
    const wrong = all.filter((i) => (i.from === 'api' || i.from === 'clock') && i.from !== i.to && !ALLOWED[i.from].includes(i.to)).map((i) => `${i.file} -> ${i.to}`);
    expect(wrong).toEqual([]);
  });

  it('only src/clock reads the system clock, arms system timers or draws unseeded randomness', () => {
    const wrong = files(SRC)
      .filter((f) => area(f) !== 'clock')
      .filter((f) => /Math\.random\(|Date\.now\(|[^.\w]setTimeout\(|[^.\w]setInterval\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f));
    expect(wrong).toEqual([]);
  });
});
