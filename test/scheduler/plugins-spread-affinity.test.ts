import { describe, expect, it } from 'vitest';
import { scheduleCycle } from '../../src/scheduler/cycle.js';
import { CycleState } from '../../src/scheduler/framework.js';
import { defaultProfile } from '../../src/scheduler/profile.js';
import { buildSnapshot, type SnapshotInput } from '../../src/scheduler/snapshot.js';
import * as PTS from '../../src/scheduler/plugins/pod-topology-spread.js';
import * as IPA from '../../src/scheduler/plugins/inter-pod-affinity.js';
import { node, pod } from './fixtures.js';

const zoned = (name: string, zone: string) => node(name, { labels: { zone } });
const filterAll = (plugin: typeof PTS.podTopologySpread, p: ReturnType<typeof pod>, input: SnapshotInput) => {
  const snap = buildSnapshot(input);
  const state = new CycleState(snap);
  const pre = plugin.preFilter!(p, state);
  if (pre.status.code === 'Skip') return Object.fromEntries(snap.nodes.map((n) => [n.name, 'Success']));
  return Object.fromEntries(snap.nodes.map((n) => [n.name, plugin.filter!(p, n, state).reasons[0] ?? 'Success']));
};

describe('PodTopologySpread', () => {
  const spread = (maxSkew: number, extra: Record<string, unknown> = {}) =>
    pod('p', { labels: { app: 'web' }, topologySpreadConstraints: [{ maxSkew, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...extra }] });
  const nodes = [zoned('a1', 'a'), zoned('b1', 'b'), zoned('c1', 'c'), node('nolabel')];
  const web = (n: string, i: number) => pod(`w${n}${i}`, { node: n, labels: { app: 'web' } });
  it('rejects the crowded zone and a node without the key', () => {
    const r = filterAll(PTS.podTopologySpread, spread(1), { nodes, pods: [web('a1', 1), web('a1', 2), web('b1', 1), web('c1', 1)] });
    expect(r).toEqual({ a1: PTS.ERR_REASON_CONSTRAINTS_NOT_MATCH, b1: 'Success', c1: 'Success', nolabel: PTS.ERR_REASON_NODE_LABEL_NOT_MATCH });
    expect(PTS.ERR_REASON_NODE_LABEL_NOT_MATCH).toBe("node(s) didn't match pod topology spread constraints (missing required label)");
  });
  it('minDomains treats the minimum as 0 while domains are missing', () => {
    const pods = [web('a1', 1), web('b1', 1), web('c1', 1)];
    expect(filterAll(PTS.podTopologySpread, spread(1), { nodes, pods }).a1).toBe('Success');
    expect(filterAll(PTS.podTopologySpread, spread(1, { minDomains: 4 }), { nodes, pods }).a1).toBe(PTS.ERR_REASON_CONSTRAINTS_NOT_MATCH);
  });
  it('nodeTaintsPolicy Honor leaves tainted nodes out of the domains', () => {
    const tainted = node('d1', { labels: { zone: 'd' }, taints: [{ key: 'x', effect: 'NoSchedule' }] });
    const pods = [web('a1', 1), web('b1', 1), web('c1', 1)];
    expect(filterAll(PTS.podTopologySpread, spread(1), { nodes: [...nodes, tainted], pods }).a1).toBe(PTS.ERR_REASON_CONSTRAINTS_NOT_MATCH);
    expect(filterAll(PTS.podTopologySpread, spread(1, { nodeTaintsPolicy: 'Honor' }), { nodes: [...nodes, tainted], pods }).a1).toBe('Success');
  });
  it('soft spreading scores emptier domains higher', () => {
    const p = pod('p', { labels: { app: 'web' }, topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'web' } } }] });
    const snap = buildSnapshot({ nodes: nodes.slice(0, 3), pods: [web('a1', 1), web('a1', 2), web('b1', 1)] });
    const state = new CycleState(snap);
    expect(PTS.podTopologySpread.preScore!(p, snap.nodes, state).code).toBe('Success');
    const raw = snap.nodes.map((n) => ({ name: n.name, score: PTS.podTopologySpread.score!(p, n, state) }));
    // weight ln(3 + 2) = 1.609: a -> round(2 * 1.609) = 3, b -> 2, c -> 0
    expect(raw.map((r) => r.score)).toEqual([3, 2, 0]);
    expect(PTS.podTopologySpread.normalizeScores!(raw, state, p).map((r) => r.score)).toEqual([0, 33, 100]);
  });
  it('the system default constraints spread pods of one ReplicaSet', () => {
    const owner = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u', controller: true }];
    const rsPod = (n: string, name: string) => ({ ...pod(name, { node: n, labels: { app: 'x' } }), metadata: { name, namespace: 'default', labels: { app: 'x' }, ownerReferences: owner } });
    const input: SnapshotInput = {
      nodes: [node('n1'), node('n2')],
      pods: [rsPod('n1', 'a'), rsPod('n1', 'b')],
      controllers: [{ kind: 'ReplicaSet', namespace: 'default', name: 'rs', selector: { matchLabels: { app: 'x' } } }],
    };
    const incoming = rsPod('', 'c');
    delete incoming.spec.nodeName;
    const snap = buildSnapshot(input);
    const state = new CycleState(snap);
    expect(PTS.podTopologySpread.preScore!(incoming, snap.nodes, state).code).toBe('Success');
    const s1 = PTS.podTopologySpread.score!(incoming, snap.get('n1')!, state);
    const s2 = PTS.podTopologySpread.score!(incoming, snap.get('n2')!, state);
    expect(s1).toBeGreaterThan(s2);
    expect(PTS.podTopologySpread.preScore!(pod('lonely'), snap.nodes, new CycleState(snap)).code).toBe('Skip');
  });
});

describe('InterPodAffinity', () => {
  const nodes = [zoned('a1', 'a'), zoned('a2', 'a'), zoned('b1', 'b')];
  const db = pod('db', { node: 'a1', labels: { app: 'db' } });
  const term = (labels: Record<string, string>, extra: Record<string, unknown> = {}) => ({ topologyKey: 'zone', labelSelector: { matchLabels: labels }, ...extra });
  const run = (p: ReturnType<typeof pod>, input: SnapshotInput) => {
    const snap = buildSnapshot(input);
    const state = new CycleState(snap);
    IPA.interPodAffinity.preFilter!(p, state);
    return Object.fromEntries(snap.nodes.map((n) => [n.name, IPA.interPodAffinity.filter!(p, n, state).reasons[0] ?? 'Success']));
  };
  it('required affinity follows the matching pod\'s zone', () => {
    const p = pod('p', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' })] } } });
    expect(run(p, { nodes, pods: [db] })).toEqual({ a1: 'Success', a2: 'Success', b1: IPA.ERR_REASON_AFFINITY_RULES_NOT_MATCH });
  });
  it('the first pod of a self-affine group may go anywhere', () => {
    const p = pod('p', { labels: { app: 'web' }, affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' })] } } });
    expect(run(p, { nodes, pods: [] })).toEqual({ a1: 'Success', a2: 'Success', b1: 'Success' });
  });
  it('required anti-affinity, both ways', () => {
    const p = pod('p', { labels: { app: 'web' }, affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' })] } } });
    expect(run(p, { nodes, pods: [db] }).a2).toBe(IPA.ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
    const guard = pod('guard', { node: 'b1', labels: { app: 'guard' }, affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'web' })] } } });
    expect(run(pod('w', { labels: { app: 'web' } }), { nodes, pods: [guard] })).toEqual({ a1: 'Success', a2: 'Success', b1: IPA.ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH });
  });
  it('namespaceSelector uses the namespace labels given', () => {
    const other = pod('db2', { node: 'b1', ns: 'prod', labels: { app: 'db' } });
    const p = pod('p', { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ app: 'db' }, { namespaceSelector: { matchLabels: { env: 'prod' } } })] } } });
    expect(run(p, { nodes, pods: [db, other], namespaceLabels: { prod: { env: 'prod' }, default: {} } })).toEqual({
      a1: IPA.ERR_REASON_AFFINITY_RULES_NOT_MATCH, a2: IPA.ERR_REASON_AFFINITY_RULES_NOT_MATCH, b1: 'Success',
    });
  });
  it('preferred terms score and min-max normalise', () => {
    const p = pod('p', { affinity: {
      podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, podAffinityTerm: term({ app: 'db' }) }] },
      podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 5, podAffinityTerm: term({ app: 'cache' }) }] },
    } });
    const cache = pod('cache', { node: 'b1', labels: { app: 'cache' } });
    const snap = buildSnapshot({ nodes, pods: [db, cache] });
    const state = new CycleState(snap);
    IPA.interPodAffinity.preScore!(p, snap.nodes, state);
    const raw = snap.nodes.map((n) => ({ name: n.name, score: IPA.interPodAffinity.score!(p, n, state) }));
    expect(raw.map((r) => r.score)).toEqual([10, 10, -5]);
    expect(IPA.interPodAffinity.normalizeScores!(raw, state, p).map((r) => r.score)).toEqual([100, 100, 0]);
  });
  it('PreScore skips when no term of the pod or of the pods present touches a domain (as kube-scheduler)', () => {
    const plain = pod('p', { labels: { app: 'web' } });
    const preScore = (p: ReturnType<typeof pod>, pods: ReturnType<typeof pod>[]) => {
      const snap = buildSnapshot({ nodes, pods });
      return IPA.interPodAffinity.preScore!(p, snap.nodes, new CycleState(snap)).code;
    };
    expect(preScore(plain, [db])).toBe('Skip');
    // A pod present prefers pods like this one: its domain scores, so Score runs.
    const fan = pod('fan', { node: 'b1', labels: { app: 'fan' }, affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 3, podAffinityTerm: term({ app: 'web' }) }] } } });
    expect(preScore(plain, [db, fan])).toBe('Success');
    // The pod's own preferred term matches nothing present: still nothing to score.
    const lonely = pod('l', { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 3, podAffinityTerm: term({ app: 'none' }) }] } } });
    expect(preScore(lonely, [db])).toBe('Skip');
    expect(preScore(lonely, [db, pod('n', { node: 'a1', labels: { app: 'none' } })])).toBe('Success');
  });
});

describe('DefaultPreemption', () => {
  const profile = defaultProfile();
  const low = (name: string, n: string, cpu: string, priority = 0) => pod(name, { node: n, cpu, priority });
  it('nominates a node and picks the fewest, least important victims', () => {
    const snap = buildSnapshot({
      nodes: [node('n1', { cpu: '2' }), node('n2', { cpu: '2' })],
      pods: [low('a', 'n1', '1', 5), low('b', 'n1', '1', 5), low('c', 'n2', '1', 1), low('d', 'n2', '1', 100)],
    });
    const out = scheduleCycle({ profile, snapshot: snap, pod: pod('p', { cpu: '1', priority: 10 }) });
    if (out.result.kind !== 'unschedulable') throw new Error('expected unschedulable');
    expect(out.result.postFilter).toMatchObject({ status: { code: 'Success' }, nominatedNodeName: 'n2' });
    expect(out.result.postFilter!.victims!.map((v) => v.metadata.name)).toEqual(['c']);
    expect(out.result.fitError.message).toBe('0/2 nodes are available: 2 Insufficient cpu.');
  });
  it('spares pods protected by a PodDisruptionBudget when it can', () => {
    const snap = buildSnapshot({
      nodes: [node('n1', { cpu: '2' }), node('n2', { cpu: '2' })],
      pods: [{ ...low('a', 'n1', '2'), metadata: { name: 'a', namespace: 'default', labels: { app: 'guarded' } } }, low('b', 'n2', '2')],
      pdbs: [{ namespace: 'default', selector: { matchLabels: { app: 'guarded' } }, disruptionsAllowed: 0 }],
    });
    const out = scheduleCycle({ profile, snapshot: snap, pod: pod('p', { cpu: '1', priority: 10 }) });
    if (out.result.kind !== 'unschedulable') throw new Error('expected unschedulable');
    expect(out.result.postFilter?.nominatedNodeName).toBe('n2');
  });
  it('honours preemptionPolicy Never, from the pod or its PriorityClass', () => {
    const snap = buildSnapshot({ nodes: [node('n1', { cpu: '1' })], pods: [low('a', 'n1', '1')], priorityClasses: [{ name: 'polite', value: 10, preemptionPolicy: 'Never' }] });
    const out = scheduleCycle({ profile, snapshot: snap, pod: pod('p', { cpu: '1', priority: 10, priorityClassName: 'polite' }) });
    if (out.result.kind !== 'unschedulable') throw new Error('expected unschedulable');
    expect(out.result.fitError.message).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.');
  });
});
