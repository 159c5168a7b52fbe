import { describe, expect, it } from 'vitest';
import { numFeasibleNodesToFind, scheduleCycle } from '../../src/scheduler/cycle.js';
import { buildProfile, defaultProfile } from '../../src/scheduler/profile.js';
import { buildSnapshot } from '../../src/scheduler/snapshot.js';
import { node, pod } from './fixtures.js';

describe('numFeasibleNodesToFind', () => {
  it('is adaptive with floors', () => {
    expect(numFeasibleNodesToFind(undefined, 50)).toBe(50);
    expect(numFeasibleNodesToFind(undefined, 150)).toBe(100);
    expect(numFeasibleNodesToFind(undefined, 500)).toBe(230);
    expect(numFeasibleNodesToFind(undefined, 5000)).toBe(500);
    expect(numFeasibleNodesToFind(undefined, 6000)).toBe(300);
    expect(numFeasibleNodesToFind(50, 1000)).toBe(500);
  });
});

describe('default profile', () => {
  it('has the 1.32 plugins, order and weights', () => {
    const p = defaultProfile();
    expect(p.filter.map((x) => x.name)).toEqual([
      'NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit', 'PodTopologySpread', 'InterPodAffinity',
    ]);
    expect(p.score.map((s) => `${s.plugin.name}:${s.weight}`)).toEqual([
      'TaintToleration:3', 'NodeAffinity:2', 'NodeResourcesFit:1', 'PodTopologySpread:2', 'InterPodAffinity:2', 'NodeResourcesBalancedAllocation:1', 'ImageLocality:1',
    ]);
    expect(p.queueSort.map((x) => x.name)).toEqual(['PrioritySort']);
    expect(p.postFilter.map((x) => x.name)).toEqual(['DefaultPreemption']);
    expect(p.bind.map((x) => x.name)).toEqual(['DefaultBinder']);
    expect(p.preEnqueue.map((x) => x.name)).toEqual(['SchedulingGates']);
  });
  it('builds from a KubeSchedulerConfiguration profile', () => {
    const p = buildProfile({
      schedulerName: 'packer',
      plugins: {
        multiPoint: { enabled: [{ name: 'NodeResourcesFit', weight: 5 }], disabled: [{ name: 'ImageLocality' }] },
        score: { disabled: [{ name: 'NodeResourcesBalancedAllocation' }], enabled: [{ name: 'TaintToleration', weight: 7 }] },
        filter: { disabled: [{ name: 'NodePorts' }] },
      },
      pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy: { type: 'MostAllocated' } } }],
    });
    expect(p.schedulerName).toBe('packer');
    expect(p.filter.map((x) => x.name)).not.toContain('NodePorts');
    expect(p.preFilter.map((x) => x.name)).toContain('NodePorts');
    const weights = Object.fromEntries(p.score.map((s) => [s.plugin.name, s.weight]));
    expect(weights).toEqual({ TaintToleration: 7, NodeAffinity: 2, NodeResourcesFit: 5, PodTopologySpread: 2, InterPodAffinity: 2 });
    expect(p.score[0].plugin.name).toBe('TaintToleration');
  });
  it('"*" disables every default at a point', () => {
    const p = buildProfile({ plugins: { score: { disabled: [{ name: '*' }] } } });
    expect(p.score).toEqual([]);
  });
});

describe('scheduleCycle', () => {
  const profile = defaultProfile();
  it('places a pod on the least allocated node', () => {
    const snap = buildSnapshot({ nodes: [node('n1'), node('n2')], pods: [pod('a', { node: 'n1', cpu: '2' })] });
    const out = scheduleCycle({ profile, snapshot: snap, pod: pod('p', { cpu: '1' }) });
    expect(out.result).toMatchObject({ kind: 'scheduled', nodeName: 'n2', feasibleNodes: 2 });
    expect(out.record.nodes.get('n2')!.scores.find((s) => s.plugin === 'NodeResourcesFit')).toBeTruthy();
  });
  it('explains failure with the real message', () => {
    const nodes = [
      node('n1', { cpu: '1' }), node('n2', { cpu: '1' }),
      node('n3', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
      node('n4', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
      node('n5', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
    ];
    const out = scheduleCycle({ profile, snapshot: buildSnapshot({ nodes, pods: [] }), pod: pod('p', { cpu: '2' }) });
    expect(out.result.kind).toBe('unschedulable');
    if (out.result.kind !== 'unschedulable') return;
    expect(out.result.fitError.message).toBe(
      '0/5 nodes are available: 2 Insufficient cpu, 3 node(s) had untolerated taint {dedicated: gpu}. ' +
        'preemption: 0/5 nodes are available: 2 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.',
    );
    expect(out.result.fitError.diagnosis.unschedulablePlugins).toEqual(new Set(['NodeResourcesFit', 'TaintToleration']));
    expect(out.nextStartIndex).toBe(0);
  });
  it('rotates the start index and searches only a window on big clusters', () => {
    const nodes = Array.from({ length: 300 }, (_, i) => node(`n${i}`));
    const snap = buildSnapshot({ nodes, pods: [] });
    const out = scheduleCycle({ profile, snapshot: snap, pod: pod('p'), startIndex: 250 });
    // 300 nodes -> 50 - 2 = 48% -> 144 feasible nodes to find
    expect(out.result).toMatchObject({ kind: 'scheduled', feasibleNodes: 144 });
    expect(out.nextStartIndex).toBe((250 + 144) % 300);
  });
  it('breaks ties with the number given', () => {
    const snap = buildSnapshot({ nodes: [node('a'), node('b'), node('c')], pods: [] });
    const pick = (t: number) => scheduleCycle({ profile, snapshot: snap, pod: pod('p'), tieBreak: t }).result;
    expect(pick(0)).toMatchObject({ nodeName: 'a' });
    expect(pick(0.5)).toMatchObject({ nodeName: 'b' });
    expect(pick(0.99)).toMatchObject({ nodeName: 'c' });
  });
  it('reports a PreFilter rejection once', () => {
    const p = pod('p', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['x'] }, { key: 'metadata.name', operator: 'In', values: ['y'] }] },
    ] } } } });
    const out = scheduleCycle({ profile, snapshot: buildSnapshot({ nodes: [node('n1'), node('n2')], pods: [] }), pod: p });
    if (out.result.kind !== 'unschedulable') throw new Error('expected unschedulable');
    expect(out.result.fitError.message).toBe('0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
  });
  it('counts nodes PreFilter left out', () => {
    const p = pod('p', { cpu: '8', affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] },
    ] } } } });
    const prof = buildProfile({ plugins: { postFilter: { disabled: [{ name: '*' }] } } });
    const out = scheduleCycle({ profile: prof, snapshot: buildSnapshot({ nodes: [node('n1'), node('n2'), node('n3')], pods: [] }), pod: p });
    if (out.result.kind !== 'unschedulable') throw new Error('expected unschedulable');
    expect(out.result.fitError.message).toBe("0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity].");
  });
  it('tries the nominated node first', () => {
    const p = pod('p');
    p.status = { nominatedNodeName: 'c' };
    const out = scheduleCycle({ profile, snapshot: buildSnapshot({ nodes: [node('a'), node('b'), node('c')], pods: [] }), pod: p });
    expect(out.result).toMatchObject({ kind: 'scheduled', nodeName: 'c', feasibleNodes: 1 });
  });
});
