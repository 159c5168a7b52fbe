// Kubelet benchmark, wired into bench/run.ts as `kubelet` (not part of npm test): pods taken
// from bound to Running per second by 1,000 simulated kubelets on virtual time, the API writes
// that took, and heap per idle node and per running pod with the kubelets' own share apart
// from the API objects (Node, Lease, Pod, Event) they leave in the store.
// Run: npx tsc -p tsconfig.json && node --expose-gc dist/bench/run.js kubelet
//
// Measuring the kubelets' own share: the objects they write stay in the store when they stop,
// so the heap a stopped-and-dropped fleet gives back is what the kubelets themselves held.
import type { Frozen } from '../src/api/types.js';
import type { Pod } from '../src/api/types/pod.js';
import { SeededRandom } from '../src/clock/random.js';
import { VirtualClock } from '../src/clock/virtual-clock.js';
import { Client } from '../src/client/client.js';
import { InProcessTransport } from '../src/client/in-process-transport.js';
import { PODS } from '../src/client/resources.js';
import type { ApiRequest, ApiResponse, Transport } from '../src/client/transport.js';
import { PodDispatcher, PodLogStore, startNodeAgent, type NodeAgent, type NodePodSource, type PodHandlers } from '../src/kubelet/index.js';
import { createCluster } from '../src/sim/cluster.js';
import { figure } from './report.js';

/** The JavaScript heap plus the Buffers outside it, after full collections. */
function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Counts the kubelets' writes by kind ("PUT pods/status", "POST events"), to show what a pod costs. */
class CountingTransport implements Transport {
  readonly writes = new Map<string, number>();
  constructor(private readonly inner: Transport) {}
  request(req: ApiRequest): Promise<ApiResponse> {
    if (req.method !== 'GET') {
      const parts = req.path.split('/');
      // /api/v1/namespaces/ns/pods/name/status -> pods/status; /api/v1/nodes/name -> nodes
      const at = parts.indexOf('namespaces') >= 0 && parts.length > 5 ? 5 : parts[1] === 'apis' ? 4 : 3;
      const kind = `${req.method} ${parts[at] ?? ''}${parts[at + 2] ? `/${parts[at + 2]}` : ''}`;
      this.writes.set(kind, (this.writes.get(kind) ?? 0) + 1);
    }
    return this.inner.request(req);
  }
  reset(): void {
    this.writes.clear();
  }
}

/**
 * A node's pod source that holds the pods back until opened: pods are created and bound before
 * the clock starts, then every kubelet is handed its pods at once, as after a watch resumes.
 */
function gated(inner: NodePodSource, gate: { open: boolean; waiting: (() => void)[] }): NodePodSource {
  return {
    start: async (handlers: PodHandlers) => {
      const held: PodHandlers = { onPod: (p) => gate.open && handlers.onPod(p), onPodDeleted: (p) => gate.open && handlers.onPodDeleted(p) };
      await inner.start(held);
      gate.waiting.push(() => {
        for (const pod of inner.list()) handlers.onPod(pod);
      });
    },
    stop: () => inner.stop(),
    list: () => inner.list(),
  };
}

interface Fleet {
  agents: NodeAgent[];
  dispatcher: PodDispatcher;
  gate: { open: boolean; waiting: (() => void)[] };
}

async function startFleet(client: Client, clock: VirtualClock, logs: PodLogStore, nodes: number): Promise<Fleet> {
  const random = new SeededRandom(1);
  // One shared pod watch dispatched by spec.nodeName, as src/sim wires it.
  const dispatcher = new PodDispatcher(client, clock);
  const gate = { open: false, waiting: [] as (() => void)[] };
  const agents: NodeAgent[] = [];
  for (let i = 0; i < nodes; i++) {
    const name = `node-${i}`;
    const node = { name, cpu: '64', memory: '256Gi', pods: 110, podCIDR: `10.${100 + (i >> 8)}.${i & 255}.0/24`, address: `172.18.${Math.floor((i + 1) / 250)}.${((i + 1) % 250) + 2}` };
    agents.push(startNodeAgent({ client, clock, random: random.fork(), logs, pods: gated(dispatcher.sourceFor(name), gate), node }));
  }
  await Promise.all(agents.map((a) => a.ready));
  return { agents, dispatcher, gate };
}

/** Stops every kubelet and lets go of it; cancelled timers leave the clock once their time passes. */
async function dropFleet(fleet: Fleet, clock: VirtualClock): Promise<void> {
  await Promise.all(fleet.agents.map((a) => a.stop()));
  fleet.dispatcher.stop();
  fleet.agents.length = 0;
  fleet.gate.waiting.length = 0;
  await clock.advance(60_000);
}

export async function benchKubelet(nodes = 1000, pods = 5000): Promise<void> {
  const clock = new VirtualClock();
  const cluster = await createCluster({ clock });
  const counting = new CountingTransport(new InProcessTransport(cluster.apiServer));
  const client = new Client(counting, { fieldManager: 'kubelet' });
  const logs = new PodLogStore();

  // Idle nodes: everything, then what the kubelets themselves hold (the fleet stopped and dropped).
  const before = heapAfterGc();
  let fleet = await startFleet(client, clock, logs, nodes);
  const idle = heapAfterGc();
  await dropFleet(fleet, clock);
  const idleObjects = heapAfterGc();
  const kubeletPerNode = (idle - idleObjects) / nodes;
  figure(`kubelet: heap per idle node, all (${nodes} nodes)`, (idle - before) / nodes / 1024, 'KB');
  figure('kubelet: heap per idle node, kubelet only', kubeletPerNode / 1024, 'KB', '<= 20 KB');

  // The same nodes again (their Node and Lease exist: a kubelet restart), then the pods.
  fleet = await startFleet(client, clock, logs, nodes);
  const idleAgain = heapAfterGc();
  for (let i = 0; i < pods; i++) {
    const name = `p-${i}`;
    await client.create(PODS, { metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } as Frozen<Pod>);
    await client.createSubresource(PODS, 'default', name, 'binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { kind: 'Node', name: `node-${i % nodes}` } });
  }
  const running = new Set<string>();
  const stopWatch = await client.watch(PODS, { namespace: 'default' }, (e) => {
    if (e.type === 'MODIFIED' && e.object.status?.phase === 'Running') running.add(e.object.metadata.uid ?? '');
  });
  counting.reset();

  const start = performance.now();
  const virtualStart = clock.now();
  fleet.gate.open = true;
  for (const replay of fleet.gate.waiting) replay();
  while (running.size < pods && clock.now() - virtualStart < 120_000) await clock.advance(10);
  const ms = performance.now() - start;
  const virtualMs = clock.now() - virtualStart;
  if (running.size < pods) console.log(`only ${running.size} of ${pods} pods Running after ${virtualMs} ms of virtual time`);
  figure(`kubelet: pods bound->Running per s (${nodes} nodes)`, (running.size / ms) * 1000, 'pods/s', '>= 5000 pods/s');
  figure('kubelet: virtual time, bound->all Running', virtualMs, 'ms');
  const writes = [...counting.writes].sort((a, b) => b[1] - a[1]);
  figure('kubelet: API writes per pod, bound->Running', writes.reduce((s, [, n]) => s + n, 0) / pods, 'writes');
  console.log(`  (${pods} pods; per pod: ${writes.map(([k, n]) => `${k} ${(n / pods).toFixed(2)}`).join(', ')})`);

  // Running pods: everything since they were bound, then the kubelets' share beyond the idle nodes'.
  stopWatch();
  const runningHeap = heapAfterGc();
  await dropFleet(fleet, clock);
  const objectsOnly = heapAfterGc();
  const kubeletPerPod = (runningHeap - objectsOnly - kubeletPerNode * nodes) / pods;
  figure('kubelet: heap per running pod, all', (runningHeap - idleAgain) / pods / 1024, 'KB');
  figure('kubelet: heap per running pod, kubelet only', kubeletPerPod / 1024, 'KB', '<= 5 KB');
  await cluster.stop();
}

if (process.argv[1]?.endsWith('kubelet-pods.js')) {
  void benchKubelet(Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 5000));
}
