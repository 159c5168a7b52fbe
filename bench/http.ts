// GET of one pod, LIST of 1,000 pods and CREATE of pods over HTTP with autocannon, each
// beside a bare Fastify route answering the same bytes, measured in the same run.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { benchPod } from './fixtures.js';
import { figure } from './report.js';

interface Load {
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}

async function load(l: Load, seconds: number): Promise<number> {
  const result = await autocannon({ url: l.url, method: l.method ?? 'GET', body: l.body, headers: l.headers, connections: 16, duration: seconds, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${l.url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return result.requests.average;
}

const ROUNDS = 3;

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function benchHttp(seconds = 3): Promise<void> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'http-server.js')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const urls = await new Promise<{ kubesim: string; bare: string }>((resolve) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0]));
    });
  });
  try {
    const pod = { ...benchPod('x', 'creates'), metadata: { ...benchPod('x', 'creates').metadata, name: undefined, generateName: 'bench-' } };
    const json = { 'content-type': 'application/json' };
    const cases: [string, Load, Load, string][] = [
      ['GET one pod', { url: `${urls.kubesim}/api/v1/namespaces/default/pods/one` }, { url: `${urls.bare}/pod` }, '>= 75% of bare'],
      ['LIST 1,000 pods', { url: `${urls.kubesim}/api/v1/namespaces/bench/pods` }, { url: `${urls.bare}/list` }, ''],
      [
        'CREATE pod',
        { url: `${urls.kubesim}/api/v1/namespaces/creates/pods`, method: 'POST', body: JSON.stringify(pod), headers: json },
        { url: `${urls.bare}/create`, method: 'POST', body: JSON.stringify(pod), headers: json },
        '>= 40% of bare',
      ],
    ];
    for (const [name, real, bare, goal] of cases) {
      // Rounds of ours-then-bare, and the median of each: on a shared 2-core machine one pair of
      // runs moved the ratio by 20 points from one invocation to the next.
      const ours: number[] = [];
      const base: number[] = [];
      const ratios: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        ours.push(await load(real, seconds));
        base.push(await load(bare, seconds));
        ratios.push((100 * ours[round]) / base[round]);
      }
      figure(`http: ${name} (median of ${ROUNDS} rounds)`, median(ours), 'req/s');
      figure(`http: ${name}, bare Fastify route`, median(base), 'req/s');
      figure(`http: ${name}, ratio to bare`, median(ratios), '%', goal || undefined);
    }
  } finally {
    child.kill();
  }
}
