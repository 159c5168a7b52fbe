// Whatever happens to a Deployment — scaling, image updates, rollbacks, pods deleted, nodes
// failing and coming back — once the faults heal the cluster converges to what it declares:
// the right number of pods, all of the current template, all ready, no old ones left.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { Deployment } from '../../src/api/types/deployment.js';
import type { Pod } from '../../src/api/types/pod.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Client, DEPLOYMENTS, InProcessTransport, PODS, REPLICASETS, isConflict, isNotFound } from '../../src/client/index.js';
import { isPodReady } from '../../src/controllers/shared/pod-state.js';
import { createCluster } from '../../src/sim/cluster.js';

const NS = 'default';
const NODES = 3;
const IMAGES = ['nginx:1.25', 'nginx:1.26', 'nginx:1.27'];

type Action =
  | { kind: 'scale'; replicas: number }
  | { kind: 'image'; image: string }
  | { kind: 'rollback' }
  | { kind: 'deletePod'; pick: number }
  | { kind: 'nodeFail'; node: number }
  | { kind: 'nodeHeal'; node: number };

const arbAction: fc.Arbitrary<Action> = fc.oneof(
  fc.integer({ min: 0, max: 6 }).map((replicas) => ({ kind: 'scale' as const, replicas })),
  fc.constantFrom(...IMAGES).map((image) => ({ kind: 'image' as const, image })),
  fc.constant({ kind: 'rollback' as const }),
  fc.nat(20).map((pick) => ({ kind: 'deletePod' as const, pick })),
  fc.nat(NODES - 1).map((node) => ({ kind: 'nodeFail' as const, node })),
  fc.nat(NODES - 1).map((node) => ({ kind: 'nodeHeal' as const, node })),
);
/** Each action is followed by this much virtual time (0 to 60 s): some faults outlast the grace and toleration, some not. */
const arbStep = fc.record({ action: arbAction, waitMs: fc.integer({ min: 0, max: 60_000 }) });

const tolerations = ['node.kubernetes.io/unreachable', 'node.kubernetes.io/not-ready'].map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }));

const deployment = (replicas: number): Frozen<Deployment> =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: NS },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: IMAGES[0] }], tolerations } },
    },
  }) as Frozen<Deployment>;

/** Retries a read-modify-write on Conflict, as kubectl does. */
async function modify(client: Client, change: (d: Deployment) => void): Promise<void> {
  for (;;) {
    const current = structuredClone(await client.get(DEPLOYMENTS, NS, 'web')) as Deployment;
    change(current);
    try {
      await client.update(DEPLOYMENTS, current as Frozen<Deployment>);
      return;
    } catch (e) {
      if (!isConflict(e)) throw e;
    }
  }
}

/** `kubectl rollout undo`: the previous revision's template, without its pod-template-hash. */
async function rollback(client: Client): Promise<void> {
  const sets = (await client.list(REPLICASETS, { namespace: NS })).items;
  const rev = (s: (typeof sets)[number]) => Number(s.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
  const byRevision = [...sets].sort((a, b) => rev(b) - rev(a));
  const previous = byRevision[1];
  if (!previous) return;
  const template = structuredClone(previous.spec!.template!) as NonNullable<Deployment['spec']>['template'];
  delete template!.metadata!.labels!['pod-template-hash'];
  await modify(client, (d) => void (d.spec!.template = template));
}

async function converged(client: Client): Promise<string | undefined> {
  const d = await client.get(DEPLOYMENTS, NS, 'web');
  const want = d.spec!.replicas ?? 1;
  const image = d.spec!.template!.spec!.containers[0]!.image;
  const pods = (await client.list(PODS, { namespace: NS })).items as Frozen<Pod>[];
  if (pods.length !== want) return `${pods.length} pods (terminating included), want ${want}`;
  if (!pods.every((p) => p.spec.containers[0]!.image === image)) return 'pods of an old template';
  if (!pods.every(isPodReady)) return 'pods not ready';
  const s = d.status ?? {};
  if ((s.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) return 'generation not observed';
  if ((s.updatedReplicas ?? 0) !== want || (s.availableReplicas ?? 0) !== want || (s.replicas ?? 0) !== want) return `status ${JSON.stringify(s)}`;
  return undefined;
}

describe('controllers converge', () => {
  it('to the declared state after random scaling, updates, rollbacks, pod deletions and node failures', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(arbStep, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 1000 }), async (steps, seed) => {
        const clock = new VirtualClock();
        const cluster = await createCluster({ clock, nodes: NODES, seed });
        try {
          const client = new Client(new InProcessTransport(cluster.apiServer));
          const agents = cluster.components!.nodes;
          await client.create(DEPLOYMENTS, deployment(3));
          for (const { action, waitMs } of steps) {
            switch (action.kind) {
              case 'scale':
                await modify(client, (d) => void (d.spec!.replicas = action.replicas));
                break;
              case 'image':
                await modify(client, (d) => void (d.spec!.template!.spec!.containers[0]!.image = action.image));
                break;
              case 'rollback':
                await rollback(client);
                break;
              case 'deletePod': {
                const pods = (await client.list(PODS, { namespace: NS })).items;
                const victim = pods[action.pick % Math.max(1, pods.length)];
                if (victim) await client.delete(PODS, NS, victim.metadata.name!).catch((e) => void (isNotFound(e) || Promise.reject(e)));
                break;
              }
              case 'nodeFail':
                if (agents[action.node]!.running) agents[action.node]!.stopKubelet();
                break;
              case 'nodeHeal':
                if (!agents[action.node]!.running) await agents[action.node]!.restart();
                break;
            }
            await clock.advance(waitMs);
          }
          for (const a of agents) if (!a.running) await a.restart();
          let why: string | undefined = 'not checked';
          // Up to 15 virtual minutes (progress deadlines, backoffs) in 2 s steps.
          for (let i = 0; i < 450 && (why = await converged(client)); i++) await clock.advance(2_000);
          expect(why, `steps ${JSON.stringify(steps)}`).toBeUndefined();
        } finally {
          await cluster.stop();
        }
      }),
      { numRuns: 25, seed: 20240501, endOnFailure: true },
    );
  }, 120_000);
});
