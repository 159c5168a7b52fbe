// fast-check generators of small clusters and pods for the scheduler properties.
import fc from 'fast-check';
import type { Node, Taint } from '../../src/api/types/node.js';
import type { Pod, Toleration } from '../../src/api/types/pod.js';

export const ZONES = ['a', 'b', 'c'];
const DISKS = ['ssd', 'hdd'];

const arbTaint: fc.Arbitrary<Taint> = fc.record({
  key: fc.constantFrom('dedicated', 'gpu'),
  value: fc.constantFrom('x', 'y'),
  effect: fc.constantFrom('NoSchedule', 'NoExecute', 'PreferNoSchedule'),
});

export const arbNode = (i: number): fc.Arbitrary<Node> =>
  fc.record({
    cpu: fc.integer({ min: 1, max: 8 }),
    memGi: fc.integer({ min: 1, max: 16 }),
    pods: fc.integer({ min: 1, max: 10 }),
    zone: fc.constantFrom(...ZONES),
    disk: fc.constantFrom(...DISKS),
    taints: fc.array(arbTaint, { maxLength: 2 }),
    unschedulable: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
  }).map((o) => ({
    metadata: { name: `n${i}`, labels: { 'kubernetes.io/hostname': `n${i}`, 'topology.kubernetes.io/zone': o.zone, disk: o.disk } },
    spec: { taints: o.taints, unschedulable: o.unschedulable },
    status: { allocatable: { cpu: String(o.cpu), memory: `${o.memGi}Gi`, pods: String(o.pods) } },
  }));

export const arbNodes = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbNode(i))));

const arbToleration: fc.Arbitrary<Toleration> = fc.oneof(
  fc.record({ key: fc.constantFrom('dedicated', 'gpu'), operator: fc.constant('Equal'), value: fc.constantFrom('x', 'y') }),
  fc.record({ key: fc.constantFrom('dedicated', 'gpu'), operator: fc.constant('Exists'), effect: fc.constantFrom('NoSchedule', 'PreferNoSchedule') }),
);

export const arbPod = (i: number): fc.Arbitrary<Pod> =>
  fc.record({
    cpuM: fc.integer({ min: 0, max: 3000 }),
    memMi: fc.integer({ min: 0, max: 4096 }),
    app: fc.constantFrom('web', 'db'),
    zoneSelector: fc.option(fc.constantFrom(...ZONES), { freq: 4 }),
    diskAffinity: fc.option(fc.constantFrom(...DISKS), { freq: 4 }),
    tolerations: fc.array(arbToleration, { maxLength: 2 }),
    spread: fc.option(fc.record({ maxSkew: fc.integer({ min: 1, max: 2 }), key: fc.constantFrom('topology.kubernetes.io/zone', 'kubernetes.io/hostname') }), { freq: 3 }),
    priority: fc.integer({ min: 0, max: 3 }),
  }).map((o) => ({
    metadata: { name: `p${i}`, namespace: 'default', uid: `u${i}`, labels: { app: o.app } },
    spec: {
      containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: `${o.cpuM}m`, memory: `${o.memMi}Mi` } } }],
      priority: o.priority,
      tolerations: o.tolerations,
      nodeSelector: o.zoneSelector ? { 'topology.kubernetes.io/zone': o.zoneSelector } : undefined,
      affinity: o.diskAffinity
        ? { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: [o.diskAffinity] }] }] } } }
        : undefined,
      topologySpreadConstraints: o.spread
        ? [{ maxSkew: o.spread.maxSkew, topologyKey: o.spread.key, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: o.app } } }]
        : undefined,
    },
  }));

export const arbPods = fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbPod(i))));
export const arbTieBreaks = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 12, maxLength: 12 });

/**
 * arbPod with the soft and inter-pod terms on top: preferred pod (anti-)affinity, required
 * anti-affinity, soft spreading and preferred node affinity, each present now and then.
 */
export const arbRichPod = (i: number): fc.Arbitrary<Pod> =>
  fc.tuple(arbPod(i), fc.record({
    prefAffinity: fc.option(fc.constantFrom('web', 'db'), { freq: 3 }),
    prefAnti: fc.option(fc.constantFrom('web', 'db'), { freq: 3 }),
    requiredAnti: fc.option(fc.constantFrom('web', 'db'), { freq: 5 }),
    softSpread: fc.option(fc.constantFrom('topology.kubernetes.io/zone', 'kubernetes.io/hostname'), { freq: 3 }),
    prefDisk: fc.option(fc.constantFrom(...DISKS), { freq: 3 }),
  })).map(([p, e]) => {
    const term = (app: string, topologyKey: string) => ({ labelSelector: { matchLabels: { app } }, topologyKey });
    const spec = { ...p.spec };
    spec.affinity = {
      ...spec.affinity,
      podAffinity: e.prefAffinity ? { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term(e.prefAffinity, 'topology.kubernetes.io/zone') }] } : undefined,
      podAntiAffinity: e.prefAnti || e.requiredAnti ? {
        preferredDuringSchedulingIgnoredDuringExecution: e.prefAnti ? [{ weight: 5, podAffinityTerm: term(e.prefAnti, 'kubernetes.io/hostname') }] : undefined,
        requiredDuringSchedulingIgnoredDuringExecution: e.requiredAnti ? [term(e.requiredAnti, 'kubernetes.io/hostname')] : undefined,
      } : undefined,
      nodeAffinity: {
        ...spec.affinity?.nodeAffinity,
        preferredDuringSchedulingIgnoredDuringExecution: e.prefDisk ? [{ weight: 30, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: [e.prefDisk] }] } }] : undefined,
      },
    };
    if (e.softSpread) {
      spec.topologySpreadConstraints = [
        ...(spec.topologySpreadConstraints ?? []),
        { maxSkew: 1, topologyKey: e.softSpread, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: p.metadata.labels!.app } } },
      ];
    }
    return { ...p, spec };
  });

export const arbRichPods = fc.integer({ min: 1, max: 14 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbRichPod(i))));
