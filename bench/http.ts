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

export async function benchHttp(seconds = 5): Promise<void> {
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
      const ours = await load(real, seconds);
      const base = await load(bare, seconds);
      figure(`http: ${name}`, ours, 'req/s');
      figure(`http: ${name}, bare Fastify route`, base, 'req/s');
      figure(`http: ${name}, ratio to bare`, (100 * ours) / base, '%', goal || undefined);
    }
  } finally {
    child.kill();
  }
}
