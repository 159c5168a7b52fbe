// Time from process start to the first /readyz that answers ok, for `kubesim start`.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { figure } from './report.js';

const CLI = join(import.meta.dirname, '..', 'src', 'cli', 'main.js');

async function once(): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'kubesim-bench-'));
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [CLI, 'start', '--port', '0', '--kubeconfig', join(dir, 'kubeconfig')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening at (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(`kubesim exited early: ${out}`)));
  });
  for (;;) {
    const res = await fetch(`${url}/readyz`).catch(() => undefined);
    if (res?.ok && (await res.text()) === 'ok') break;
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
  return ms;
}

export async function benchStartup(): Promise<void> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) runs.push(await once());
  runs.sort((a, b) => a - b);
  figure('startup: process start to /readyz ok (median of 5)', runs[2], 'ms', '< 300 ms');
}
