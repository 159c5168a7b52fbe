// npm run bench: every benchmark, one figure per line. Not part of npm test.
// Pass names to run some: node --expose-gc dist/bench/run.js startup http watch heap
import { benchControllers } from './controllers.js';
import { benchHeap } from './heap.js';
import { benchHttp } from './http.js';
import { benchKubelet } from './kubelet-pods.js';
import { benchScheduler } from './scheduler.js';
import { benchStartup } from './startup.js';
import { benchWatchFanout } from './watch-fanout.js';

const all: Record<string, () => Promise<void>> = { startup: benchStartup, http: () => benchHttp(), watch: benchWatchFanout, heap: benchHeap, scheduler: () => benchScheduler(), kubelet: () => benchKubelet(), controllers: benchControllers };
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(all);
for (const name of chosen) {
  const run = all[name];
  if (!run) throw new Error(`unknown benchmark ${name}; choose from ${Object.keys(all).join(', ')}`);
  await run();
}
process.exit(0);
