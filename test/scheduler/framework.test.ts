import { describe, expect, it } from 'vitest';
import { CycleState, defaultNormalizeScore, defaultNormalizeScoreInPlace, StateKey } from '../../src/scheduler/framework.js';
import { fitErrorMessage, newDiagnosis } from '../../src/scheduler/fit-error.js';
import { nodeTreeOrder, buildSnapshot, assumePod, withNodeInfos } from '../../src/scheduler/snapshot.js';
import { podRequests, nonZeroRequests } from '../../src/scheduler/pod-requests.js';
import { node, pod } from './fixtures.js';

describe('defaultNormalizeScore', () => {
  it('scales to 100 and reverses', () => {
    const s = [{ name: 'a', score: 2 }, { name: 'b', score: 5 }, { name: 'c', score: 0 }];
    expect(defaultNormalizeScore(s, false).map((x) => x.score)).toEqual([40, 100, 0]);
    expect(defaultNormalizeScore(s, true).map((x) => x.score)).toEqual([60, 0, 100]);
    expect(defaultNormalizeScore([{ name: 'a', score: 0 }], true)[0].score).toBe(100);
    expect(s.map((x) => x.score)).toEqual([2, 5, 0]); // the copying form leaves its input alone
  });
  it('the in-place form rewrites the list it is given and returns it', () => {
    const s = [{ name: 'a', score: 2 }, { name: 'b', score: 5 }, { name: 'c', score: 0 }];
    expect(defaultNormalizeScoreInPlace(s, true)).toBe(s);
    expect(s.map((x) => x.score)).toEqual([60, 0, 100]);
  });
});

describe('CycleState', () => {
  const first = new StateKey<string>('first');
  const second = new StateKey<number>('second');
  it('keeps one value per key, unset keys read undefined, and clones share values', () => {
    const state = new CycleState(buildSnapshot({ nodes: [], pods: [] }));
    expect(state.read(second)).toBeUndefined();
    state.write(second, 2);
    expect(state.read(first)).toBeUndefined();
    state.write(first, 'one');
    state.write(second, 3);
    expect([state.read(first), state.read(second)]).toEqual(['one', 3]);
    const clone = state.cloneFor(buildSnapshot({ nodes: [], pods: [] }));
    clone.write(first, 'changed');
    expect([clone.read(first), clone.read(second), state.read(first)]).toEqual(['changed', 3, 'one']);
  });
});

describe('FitError message', () => {
  it('counts and sorts reasons as Go does', () => {
    const d = newDiagnosis();
    d.nodeToStatus.set('a', { code: 'Unschedulable', reasons: ['Insufficient cpu'] });
    d.nodeToStatus.set('b', { code: 'Unschedulable', reasons: ['Insufficient cpu'] });
    d.nodeToStatus.set('c', { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {k: v}'] });
    d.nodeToStatus.set('d', { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {k: v}'] });
    d.nodeToStatus.set('e', { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {k: v}'] });
    expect(fitErrorMessage(5, d)).toBe('0/5 nodes are available: 2 Insufficient cpu, 3 node(s) had untolerated taint {k: v}.');
    d.postFilterMsg = 'preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.';
    expect(fitErrorMessage(5, d)).toBe(
      '0/5 nodes are available: 2 Insufficient cpu, 3 node(s) had untolerated taint {k: v}. preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.',
    );
  });
  it('sorts "10 x" before "2 y" (string order)', () => {
    const d = newDiagnosis();
    for (let i = 0; i < 10; i++) d.nodeToStatus.set(`x${i}`, { code: 'Unschedulable', reasons: ['b'] });
    for (let i = 0; i < 2; i++) d.nodeToStatus.set(`y${i}`, { code: 'Unschedulable', reasons: ['a'] });
    expect(fitErrorMessage(12, d)).toBe('0/12 nodes are available: 10 b, 2 a.');
  });
  it('counts nodes left out by PreFilter with the shared status', () => {
    const d = newDiagnosis();
    d.nodeToStatus.set('a', { code: 'Unschedulable', reasons: ['Insufficient cpu'] });
    d.absentStatus = { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"] };
    expect(fitErrorMessage(5, d)).toBe("0/5 nodes are available: 1 Insufficient cpu, 4 node(s) didn't satisfy plugin(s) [NodeAffinity].");
  });
});

describe('pod requests', () => {
  it('adds sidecars, takes the largest init step, adds overhead', () => {
    const p = pod('p', { cpu: '100m' });
    p.spec.containers.push({ name: 'c2', resources: { requests: { cpu: '200m' } } });
    p.spec.initContainers = [
      { name: 'i1', resources: { requests: { cpu: '500m' } } },
      { name: 's1', restartPolicy: 'Always', resources: { requests: { cpu: '50m', memory: '1Gi' } } },
    ];
    p.spec.overhead = { cpu: '10m' };
    const r = podRequests(p);
    expect(r.milliCPU).toBe(510);
    expect(r.memory).toBe(1024 ** 3);
  });
  it('a classic init container after a sidecar runs beside it', () => {
    const p = pod('p', { cpu: '100m' });
    p.spec.initContainers = [
      { name: 's1', restartPolicy: 'Always', resources: { requests: { cpu: '300m' } } },
      { name: 'i1', resources: { requests: { cpu: '500m' } } },
    ];
    expect(podRequests(p).milliCPU).toBe(800);
  });
  it('assumes 100m / 200Mi for containers without requests when scoring', () => {
    expect(nonZeroRequests(pod('p'))).toEqual({ milliCPU: 100, memory: 200 * 1024 * 1024 });
    expect(podRequests(pod('p')).milliCPU).toBe(0);
  });
});

describe('snapshot', () => {
  it('lists nodes zone by zone, round-robin', () => {
    const z = (n: string, zone: string) => node(n, { labels: { 'topology.kubernetes.io/zone': zone } });
    const order = nodeTreeOrder([z('a1', 'a'), z('a2', 'a'), z('b1', 'b'), z('a3', 'a'), z('b2', 'b')], (n) => n.metadata.labels).map((n) => n.metadata.name);
    expect(order).toEqual(['a1', 'b1', 'a2', 'b2', 'a3']);
  });
  it('counts requests of bound pods, ignores finished ones, and assumes', () => {
    const done = pod('done', { node: 'n1', cpu: '1' });
    done.status = { phase: 'Succeeded' };
    const snap = buildSnapshot({ nodes: [node('n1')], pods: [pod('a', { node: 'n1', cpu: '1' }), done] });
    expect(snap.get('n1')!.requested.milliCPU).toBe(1000);
    const after = assumePod(snap, pod('b', { cpu: '500m' }), 'n1');
    expect(after.get('n1')!.requested.milliCPU).toBe(1500);
    expect(snap.get('n1')!.requested.milliCPU).toBe(1000);
  });
  it('does not chain every earlier snapshot when the affinity lists go unread', () => {
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: {} }] } };
    let snap = buildSnapshot({ nodes: [node('n1'), node('n2')], pods: [pod('a', { node: 'n2', affinity: anti })] });
    const n1 = snap.get('n1')!;
    // Each derived snapshot settles its predecessor, so reading the lists at the end is shallow.
    for (let i = 0; i < 50_000; i++) snap = withNodeInfos(snap, [n1]);
    expect(snap.havePodsWithRequiredAntiAffinity.map((n) => n.name)).toEqual(['n2']);
    expect(snap.havePodsWithAffinity.map((n) => n.name)).toEqual(['n2']);
  });
});
