// Watch fan-out: 100 HTTP watchers (in a worker thread, on the other core) and 10,000 updates.
// Reports events delivered per second and the slowest watcher's lag behind the last write.
import { produce } from 'immer';
import { Worker } from 'node:worker_threads';
import { createCluster } from '../src/sim/cluster.js';
import type { KubeObject } from '../src/api/types.js';
import { figure } from './report.js';

const WATCHERS = 100;
const UPDATES = 10_000;

// The worker: opens the watches, counts lines, reports when each has seen every update.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, watchers, updates } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: watchers });
let opened = 0;
for (let i = 0; i < watchers; i++) {
  http.get(url, { agent }, (res) => {
    let seen = 0;
    res.on('data', (chunk) => {
      for (let j = 0; j < chunk.length; j++) if (chunk[j] === 10) seen++;
      if (seen === updates) parentPort.postMessage({ done: performance.timeOrigin + performance.now() });
    });
    if (++opened === watchers) parentPort.postMessage({ ready: true });
  });
}
`;

export async function benchWatchFanout(): Promise<void> {
  const cluster = await createCluster({ historyCapacity: UPDATES + 10 });
  const { storage } = cluster;
  const key = { namespace: 'default', name: 'hot' };
  await storage.create('configmaps', key, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { ...key }, data: { n: '0' } });
  const server = await cluster.listen('127.0.0.1', 0);
  const url = `${server.url}/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=${storage.revision}`;
  const worker = new Worker(WORKER, { eval: true, workerData: { url, watchers: WATCHERS, updates: UPDATES } });
  const finished: number[] = [];
  const allDone = new Promise<void>((resolve) =>
    worker.on('message', (m: { done?: number }) => {
      if (m.done !== undefined && finished.push(m.done) === WATCHERS) resolve();
    }),
  );
  await new Promise<void>((resolve) => worker.once('message', () => resolve()));
  // Let every watch reach the server's watcher set before writing.
  while (storage.watcherCount('configmaps') < WATCHERS) await new Promise((r) => setTimeout(r, 5));
  const now = () => performance.timeOrigin + performance.now();
  const start = now();
  for (let i = 1; i <= UPDATES; i++) {
    await storage.guaranteedUpdate('configmaps', key, undefined, (cur) =>
      produce(cur, (d) => {
        (d.data as Record<string, string>).n = String(i);
      }) as KubeObject,
    );
    // Yield now and then, as writes arriving over HTTP would, so sockets drain while we write.
    if (i % 100 === 0) await new Promise((r) => setImmediate(r));
  }
  const lastWrite = now();
  await allDone;
  const slowest = Math.max(...finished);
  figure('watch: events delivered per second (100 x 10,000)', (WATCHERS * UPDATES) / ((slowest - start) / 1000), 'events/s', '>= 200,000');
  figure('watch: slowest watcher lag after the last write', slowest - lastWrite, 'ms');
  figure('watch: writes per second while fanning out', UPDATES / ((lastWrite - start) / 1000), 'writes/s');
  await worker.terminate();
  await cluster.stop();
}
