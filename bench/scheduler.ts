// Scheduler throughput with the default plugins: pods placed per second and the 99th percentile
// of scheduling latency, at 500 and 5,000 nodes with 10,000 pods. In-process: pure cycles over
// a snapshot updated with assumePod after each placement. Through the API server: nodes as
// plain Node objects (no kubelets), the real scheduler loop, pods created through the Client;
// latency runs from the pod's create call to the moment its binding is seen in a watch.
// Run: npm run bench -- scheduler   (or node dist/bench/run.js scheduler [nodes...])
import type { Node } from '../src/api/types/node.js';
import type { Pod } from '../src/api/types/pod.js';
import type { Frozen } from '../src/api/types.js';
import { SeededRandom } from '../src/clock/random.js';
import { Client, InProcessTransport, Informer, NODES, PODS, type HasMetadata } from '../src/client/index.js';
import { scheduleCycle } from '../src/scheduler/cycle.js';
import { defaultProfile } from '../src/scheduler/profile.js';
import { startScheduler } from '../src/scheduler/scheduler.js';
import { assumePod, buildSnapshot } from '../src/scheduler/snapshot.js';
import { createCluster } from '../src/sim/cluster.js';
import { figure } from './report.js';

const ZONES = ['zone-a', 'zone-b', 'zone-c'];

function benchNode(i: number): Node {
  const name = `node-${i}`;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': ZONES[i % ZONES.length] } },
    spec: {},
    status: {
      capacity: { cpu: '32', memory: '128Gi', pods: '110' },
      allocatable: { cpu: '32', memory: '128Gi', pods: '110' },
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
      images: [{ names: ['docker.io/library/nginx:1.27', 'nginx:1.27'], sizeBytes: 70_000_000 }],
    },
  } as Node;
}

function benchPod(i: number): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p-${i}`, namespace: 'default', uid: `uid-${i}`, labels: { app: `app-${i % 20}` } },
    spec: { schedulerName: 'default-scheduler', containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
  } as Pod;
}

const p99 = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))];

export function benchInProcess(nodes: number, pods: number): void {
  const profile = defaultProfile();
  const random = new SeededRandom(1);
  let snapshot = buildSnapshot({ nodes: Array.from({ length: nodes }, (_, i) => benchNode(i)), pods: [] });
  const latencies: number[] = [];
  let startIndex = 0;
  const t0 = performance.now();
  for (let i = 0; i < pods; i++) {
    const s = performance.now();
    const pod = benchPod(i);
    const out = scheduleCycle({ profile, snapshot, pod, startIndex, tieBreak: random.next() });
    startIndex = out.nextStartIndex;
    if (out.result.kind !== 'scheduled') throw new Error(`pod ${i} not scheduled: ${out.result.kind}`);
    snapshot = assumePod(snapshot, pod, out.result.nodeName);
    latencies.push(performance.now() - s);
  }
  const ms = performance.now() - t0;
  figure(`scheduler in-process, ${nodes} nodes, ${pods} pods`, (pods / ms) * 1000, 'pods/s', nodes >= 5000 ? '>= 2000' : undefined);
  figure(`scheduler in-process, ${nodes} nodes: p99 cycle`, p99(latencies), 'ms');
}

export async function benchThroughApi(nodes: number, pods: number): Promise<void> {
  const cluster = await createCluster();
  const client = new Client(new InProcessTransport(cluster.apiServer));
  for (let i = 0; i < nodes; i++) await client.create(NODES, benchNode(i) as Frozen<Node>);
  const scheduler = await startScheduler({ client, clock: cluster.clock, random: new SeededRandom(1) });
  const created = new Map<string, number>();
  const latencies: number[] = [];
  let resolveDone!: () => void;
  const done = new Promise<void>((r) => (resolveDone = r));
  const watcher = new Informer<Pod & HasMetadata>(client, PODS as never, { clock: cluster.clock });
  watcher.addEventHandler({
    onUpdate: (old, p) => {
      if (old.spec?.nodeName || !p.spec?.nodeName) return;
      latencies.push(performance.now() - created.get(p.metadata.name!)!);
      if (latencies.length === pods) resolveDone();
    },
  });
  watcher.start();
  await watcher.waitForSync();
  const t0 = performance.now();
  for (let i = 0; i < pods; i++) {
    const pod = benchPod(i);
    delete (pod.metadata as { uid?: string }).uid;
    created.set(pod.metadata.name!, performance.now());
    await client.create(PODS, pod as Frozen<Pod>);
  }
  await done;
  const ms = performance.now() - t0;
  figure(`scheduler through the API, ${nodes} nodes, ${pods} pods`, (pods / ms) * 1000, 'pods/s', '>= 500');
  figure(`scheduler through the API, ${nodes} nodes: p99 create->bound`, p99(latencies), 'ms');
  watcher.stop();
  await scheduler.stop();
  await cluster.stop();
}

export async function benchScheduler(sizes: readonly number[] = [500, 5000], pods = 10_000): Promise<void> {
  for (const n of sizes) benchInProcess(n, pods);
  for (const n of sizes) await benchThroughApi(n, pods);
}

if (process.argv[1]?.endsWith('scheduler.js')) {
  const args = process.argv.slice(2).map(Number);
  await benchScheduler(args.length > 1 ? args.slice(0, -1) : [500, 5000], args.length > 1 ? args[args.length - 1] : 10_000);
  process.exit(0);
}
