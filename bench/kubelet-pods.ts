// Kubelet benchmark stub (not wired into bench/run.ts, not part of npm test): heap per idle
// node and pods taken from bound to Running per second on virtual time.
// Run: npm run build && node --expose-gc dist/bench/kubelet-pods.js [nodes] [pods]
import type { Frozen } from '../src/api/types.js';
import type { Pod } from '../src/api/types/pod.js';
import { SeededRandom } from '../src/clock/random.js';
import { VirtualClock } from '../src/clock/virtual-clock.js';
import { Client } from '../src/client/client.js';
import { InProcessTransport } from '../src/client/in-process-transport.js';
import { PODS } from '../src/client/resources.js';
import { PodDispatcher, PodLogStore, startNodeAgent, type NodeAgent } from '../src/kubelet/index.js';
import { createCluster } from '../src/sim/cluster.js';

function heapAfterGc(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

export async function benchKubelet(nodes = 1000, pods = 5000): Promise<void> {
  const clock = new VirtualClock();
  const cluster = await createCluster({ clock });
  const client = new Client(new InProcessTransport(cluster.apiServer));
  const random = new SeededRandom(1);
  const logs = new PodLogStore();
  const before = heapAfterGc();
  const agents: NodeAgent[] = [];
  // One shared pod watch dispatched by spec.nodeName, as src/sim wires it.
  const dispatcher = new PodDispatcher(client, clock);
  for (let i = 0; i < nodes; i++) {
    const name = `node-${i}`;
    agents.push(startNodeAgent({ client, clock, random: random.fork(), logs, pods: dispatcher.sourceFor(name), node: { name, cpu: '64', memory: '256Gi', pods: 110, podCIDR: `10.${100 + (i >> 8)}.${i & 255}.0/24`, address: `172.18.${Math.floor((i + 1) / 250)}.${((i + 1) % 250) + 2}` } }));
  }
  await Promise.all(agents.map((a) => a.ready));
  const idle = heapAfterGc();
  console.log(`heap per idle node: ${((idle - before) / nodes / 1024).toFixed(1)} KB (includes Node, Lease and event objects)`);
  const created = performance.now();
  for (let i = 0; i < pods; i++) {
    const name = `p-${i}`;
    await client.create(PODS, { metadata: { name, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } } as Frozen<Pod>);
    await client.createSubresource(PODS, 'default', name, 'binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { kind: 'Node', name: `node-${i % nodes}` } });
  }
  console.log(`created and bound ${pods} pods in ${(performance.now() - created).toFixed(0)} ms wall`);
  const start = performance.now();
  let running = 0;
  const virtualStart = clock.now();
  while (running < pods) {
    if (clock.now() - virtualStart > 120_000) {
      console.log(`only ${running} of ${pods} pods Running after 120 s of virtual time`);
      const stuck = (await client.list(PODS, { namespace: 'default', fieldSelector: 'status.phase!=Running' })).items.slice(0, 3);
      for (const p of stuck) console.log(`  ${p.metadata.name} on ${p.spec.nodeName}: ${JSON.stringify(p.status)}`);
      break;
    }
    await clock.advance(100);
    running = (await client.list(PODS, { namespace: 'default', fieldSelector: 'status.phase=Running' })).items.length;
  }
  const ms = performance.now() - start;
  console.log(`${pods} pods bound to Running in ${ms.toFixed(0)} ms wall: ${((pods / ms) * 1000).toFixed(0)} pods/s`);
  console.log(`heap per running pod (API object included): ${((heapAfterGc() - idle) / pods / 1024).toFixed(1)} KB`);
  await Promise.all(agents.map((a) => a.stop()));
  dispatcher.stop();
  await cluster.stop();
}

if (process.argv[1]?.endsWith('kubelet-pods.js')) {
  void benchKubelet(Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 5000));
}
