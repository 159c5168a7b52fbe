// The scheduler cache builds each snapshot from the previous one (only changed nodes rebuilt,
// image states shared, affinity lists carried over). Property: after any sequence of node and
// pod events, its snapshot says what a snapshot built from scratch over the same objects says.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Node } from '../../src/api/types/node.js';
import type { Pod } from '../../src/api/types/pod.js';
import { SchedulerCache } from '../../src/scheduler/cache.js';
import type { NodeInfo } from '../../src/scheduler/node-info.js';
import { buildSnapshot, type Snapshot } from '../../src/scheduler/snapshot.js';

const NODE_NAMES = ['n0', 'n1', 'n2', 'n3', 'n4'];
const POD_NAMES = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];

const arbNodeVersion = (name: string): fc.Arbitrary<Node> =>
  fc.record({
    zone: fc.constantFrom('a', 'b'),
    cpu: fc.constantFrom('2', '4'),
    images: fc.subarray(['nginx:1', 'redis:7', 'busybox:1']),
    big: fc.boolean(),
    cordoned: fc.boolean(),
  }).map((o) => ({
    metadata: { name, labels: { 'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': o.zone } },
    spec: { unschedulable: o.cordoned },
    status: { allocatable: { cpu: o.cpu, memory: '8Gi', pods: '10' }, images: o.images.map((i) => ({ names: [i], sizeBytes: o.big ? 500e6 : 50e6 })) },
  }));

const arbPodVersion = (name: string): fc.Arbitrary<Pod> =>
  fc.record({
    node: fc.option(fc.constantFrom(...NODE_NAMES), { nil: undefined }),
    cpu: fc.constantFrom('100m', '1', '0'),
    port: fc.boolean(),
    anti: fc.boolean(),
    done: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
  }).map((o) => ({
    metadata: { name, namespace: 'default', uid: `u-${name}`, labels: { app: 'a' } },
    spec: {
      nodeName: o.node,
      containers: [{ name: 'c', image: 'nginx:1', resources: { requests: { cpu: o.cpu } }, ports: o.port ? [{ containerPort: 80, hostPort: 80 }] : undefined }],
      affinity: o.anti ? { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'a' } } }] } } : undefined,
    },
    status: { phase: o.done ? 'Succeeded' : 'Running' },
  }));

type Op =
  | { readonly kind: 'node'; readonly node: Node }
  | { readonly kind: 'removeNode'; readonly name: string }
  | { readonly kind: 'pod'; readonly pod: Pod }
  | { readonly kind: 'removePod'; readonly name: string }
  | { readonly kind: 'snapshot' };

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NODE_NAMES).chain(arbNodeVersion).map((node): Op => ({ kind: 'node', node })) },
  { weight: 1, arbitrary: fc.constantFrom(...NODE_NAMES).map((name): Op => ({ kind: 'removeNode', name })) },
  { weight: 5, arbitrary: fc.constantFrom(...POD_NAMES).chain(arbPodVersion).map((pod): Op => ({ kind: 'pod', pod })) },
  { weight: 1, arbitrary: fc.constantFrom(...POD_NAMES).map((name): Op => ({ kind: 'removePod', name })) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: 'snapshot' }) },
);

/** What a NodeInfo says, in a form that does not depend on the order pods were added in. */
function view(n: NodeInfo) {
  const names = (ps: readonly { pod: Pod }[]) => ps.map((p) => p.pod.metadata.name).sort();
  return {
    name: n.name,
    pods: names(n.pods),
    podsWithAffinity: names(n.podsWithAffinity),
    podsWithRequiredAntiAffinity: names(n.podsWithRequiredAntiAffinity),
    requested: n.requested,
    nonZeroRequested: n.nonZeroRequested,
    allocatable: n.allocatable,
    usedPorts: [...n.usedPorts].sort(),
    imageStates: [...n.imageStates].sort(([a], [b]) => (a < b ? -1 : 1)),
    taints: n.taints,
    unschedulable: n.unschedulable,
  };
}
const snapshotView = (s: Snapshot) => ({
  nodes: s.nodes.map(view),
  withAffinity: s.havePodsWithAffinity.map((n) => n.name),
  withAnti: s.havePodsWithRequiredAntiAffinity.map((n) => n.name),
});

describe('scheduler cache', () => {
  it('snapshots what a snapshot built from scratch would', () => {
    fc.assert(fc.property(fc.array(arbOp, { minLength: 1, maxLength: 40 }), (ops) => {
      const cache = new SchedulerCache();
      // The model: the same objects, in the same insertion order (a Map keeps a re-set key's place).
      const nodes = new Map<string, Node>();
      const pods = new Map<string, Pod>();
      const check = () => expect(snapshotView(cache.snapshot())).toEqual(snapshotView(buildSnapshot({ nodes: [...nodes.values()], pods: [...pods.values()] })));
      for (const op of ops) {
        switch (op.kind) {
          case 'node':
            nodes.set(op.node.metadata.name!, op.node);
            cache.setNode(op.node);
            break;
          case 'removeNode':
            nodes.delete(op.name);
            cache.removeNode(op.name);
            break;
          case 'pod':
            pods.set(op.pod.metadata.name!, op.pod);
            cache.setPod(`default/${op.pod.metadata.name}`, op.pod);
            break;
          case 'removePod':
            pods.delete(op.name);
            cache.setPod(`default/${op.name}`, undefined);
            break;
          default:
            check();
        }
      }
      check();
    }), { numRuns: 300 });
  });
});
