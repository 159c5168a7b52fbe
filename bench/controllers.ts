// The control loop at scale: a 1,000-replica Deployment on 100 nodes with instant image pulls,
// created and then rolled to a new image. Wall time to all Ready on the real clock and on a
// virtual one (time moved by the bench, as fast as the loop keeps up), and the API writes per
// second (store revisions: every create, update and delete, events and leases included).
import type { Frozen } from '../src/api/types.js';
import type { Deployment } from '../src/api/types/deployment.js';
import type { Clock } from '../src/clock/clock.js';
import { VirtualClock } from '../src/clock/virtual-clock.js';
import { Client, DEPLOYMENTS, InProcessTransport } from '../src/client/index.js';
import { createCluster, type Cluster } from '../src/sim/cluster.js';
import { figure } from './report.js';

const REPLICAS = 1000;
const NODES = 100;
const INSTANT_PULLS = { imagePull: { baseMs: 0, bytesPerSecond: 1e15, jitter: 0 } };

const deployment = (image: string): Frozen<Deployment> =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'big', namespace: 'default' },
    spec: {
      replicas: REPLICAS,
      selector: { matchLabels: { app: 'big' } },
      template: { metadata: { labels: { app: 'big' } }, spec: { containers: [{ name: 'app', image, resources: { requests: { cpu: '10m', memory: '16Mi' } } }] } },
    },
  }) as Frozen<Deployment>;

/** Rolled out: every replica updated, available, the old ones gone, the generation observed. */
async function complete(client: Client): Promise<boolean> {
  const d = await client.get(DEPLOYMENTS, 'default', 'big');
  const s = d.status;
  return (
    (s?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) &&
    s?.updatedReplicas === REPLICAS &&
    s?.readyReplicas === REPLICAS &&
    s?.availableReplicas === REPLICAS &&
    s?.replicas === REPLICAS
  );
}

interface Step {
  wallMs: number;
  virtualMs: number;
  writes: number;
}

async function step(cluster: Cluster, client: Client, act: () => Promise<unknown>, advance: (() => Promise<void>) | undefined): Promise<Step> {
  const clock = cluster.clock;
  const rev0 = cluster.storage.revision;
  const v0 = clock.now();
  const t0 = performance.now();
  await act();
  for (;;) {
    if (await complete(client)) break;
    if (advance) await advance();
    else await new Promise((r) => setTimeout(r, 10));
    if (performance.now() - t0 > 600_000) throw new Error('rollout did not finish in 10 minutes');
  }
  return { wallMs: performance.now() - t0, virtualMs: clock.now() - v0, writes: cluster.storage.revision - rev0 };
}

/** One mode alone (exported so that a profile can be taken of the virtual-clock run by itself). */
export async function run(mode: 'real' | 'virtual'): Promise<void> {
  const clock: Clock | undefined = mode === 'virtual' ? new VirtualClock() : undefined;
  const cluster = await createCluster({ clock, nodes: NODES, kubeletProfile: INSTANT_PULLS });
  const client = new Client(new InProcessTransport(cluster.apiServer));
  const advance = clock instanceof VirtualClock ? () => clock.advance(100) : undefined;
  try {
    const created = await step(cluster, client, () => client.create(DEPLOYMENTS, deployment('nginx:1.25')), advance);
    const rolled = await step(
      cluster,
      client,
      () => client.patch(DEPLOYMENTS, 'default', 'big', 'strategic', { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:1.26' }] } } } }),
      advance,
    );
    for (const [name, s] of [
      ['create', created],
      ['roll to a new image', rolled],
    ] as const) {
      figure(`controllers (${mode} clock): ${name}, wall to all Ready`, s.wallMs, 'ms', mode === 'virtual' ? '< 5000 ms' : undefined);
      if (mode === 'virtual') figure(`controllers (${mode} clock): ${name}, virtual time`, s.virtualMs, 'ms');
      figure(`controllers (${mode} clock): ${name}, API writes`, s.writes, 'writes');
      figure(`controllers (${mode} clock): ${name}, API writes per wall second`, (s.writes / s.wallMs) * 1000, 'writes/s');
    }
  } finally {
    await cluster.stop();
  }
}

export async function benchControllers(): Promise<void> {
  await run('virtual');
  await run('real');
}
