import { describe, expect, it } from 'vitest';
import { CycleState } from '../../src/scheduler/framework.js';
import { buildSnapshot } from '../../src/scheduler/snapshot.js';
import * as NU from '../../src/scheduler/plugins/node-unschedulable.js';
import * as NN from '../../src/scheduler/plugins/node-name.js';
import * as TT from '../../src/scheduler/plugins/taint-toleration.js';
import * as NA from '../../src/scheduler/plugins/node-affinity.js';
import * as NP from '../../src/scheduler/plugins/node-ports.js';
import * as PS from '../../src/scheduler/plugins/priority-sort.js';
import * as SG from '../../src/scheduler/plugins/scheduling-gates.js';
import { node, pod } from './fixtures.js';

const info = (n = node('n1'), pods = [] as ReturnType<typeof pod>[]) => {
  const snap = buildSnapshot({ nodes: [n], pods });
  return { node: snap.get(n.metadata.name!)!, state: new CycleState(snap) };
};

describe('reason strings are kube-scheduler\'s', () => {
  it('are byte-equal', () => {
    expect(NU.ERR_REASON_UNSCHEDULABLE).toBe('node(s) were unschedulable');
    expect(NN.ERR_REASON).toBe("node(s) didn't match the requested node name");
    expect(TT.untoleratedTaintReason({ key: 'k', value: 'v', effect: 'NoSchedule' })).toBe('node(s) had untolerated taint {k: v}');
    expect(NA.ERR_REASON_POD).toBe("node(s) didn't match Pod's node affinity/selector");
    expect(NP.ERR_REASON).toBe("node(s) didn't have free ports for the requested pod ports");
  });
});

describe('NodeUnschedulable', () => {
  it('rejects a cordoned node unless tolerated', () => {
    const { node: n, state } = info(node('n1', { unschedulable: true }));
    expect(NU.nodeUnschedulable.filter!(pod('p'), n, state)).toMatchObject({ code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] });
    const tolerant = pod('p', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(NU.nodeUnschedulable.filter!(tolerant, n, state).code).toBe('Success');
  });
});

describe('NodeName', () => {
  it('only the named node', () => {
    const { node: n, state } = info();
    expect(NN.nodeName.filter!(pod('p', { nodeName: 'n1' }), n, state).code).toBe('Success');
    expect(NN.nodeName.filter!(pod('p', { nodeName: 'n2' }), n, state).reasons).toEqual([NN.ERR_REASON]);
  });
});

describe('TaintToleration', () => {
  const taints = [
    { key: 'soft', value: 'x', effect: 'PreferNoSchedule' as const },
    { key: 'hard', value: 'y', effect: 'NoSchedule' as const },
  ];
  it('names the first untolerated hard taint', () => {
    const { node: n, state } = info(node('n1', { taints }));
    expect(TT.taintToleration.filter!(pod('p'), n, state)).toMatchObject({ code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {hard: y}'] });
    const ok = pod('p', { tolerations: [{ key: 'hard', operator: 'Equal', value: 'y' }] });
    expect(TT.taintToleration.filter!(ok, n, state).code).toBe('Success');
    const wrongValue = pod('p', { tolerations: [{ key: 'hard', value: 'z' }] });
    expect(TT.taintToleration.filter!(wrongValue, n, state).code).toBe('UnschedulableAndUnresolvable');
    const all = pod('p', { tolerations: [{ operator: 'Exists' }] });
    expect(TT.taintToleration.filter!(all, n, state).code).toBe('Success');
  });
  it('scores untolerated PreferNoSchedule taints in reverse', () => {
    const { node: n, state } = info(node('n1', { taints }));
    expect(TT.taintToleration.score!(pod('p'), n, state)).toBe(1);
    const scores = TT.taintToleration.normalizeScores!([{ name: 'a', score: 0 }, { name: 'b', score: 1 }, { name: 'c', score: 2 }], state, pod('p'));
    expect(scores.map((s) => s.score)).toEqual([100, 50, 0]);
  });
});

describe('NodeAffinity', () => {
  const n = node('n1', { labels: { zone: 'a', gen: '5', ssd: 'true' } });
  const req = (matchExpressions: { key: string; operator: string; values?: string[] }[]) =>
    pod('p', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions }] } } } });
  const fits = (p: ReturnType<typeof pod>) => {
    const { node: ni, state } = info(n);
    return NA.nodeAffinity.filter!(p, ni, state).code === 'Success';
  };
  it('nodeSelector', () => {
    expect(fits(pod('p', { nodeSelector: { zone: 'a' } }))).toBe(true);
    expect(fits(pod('p', { nodeSelector: { zone: 'b' } }))).toBe(false);
  });
  it('operators', () => {
    expect(fits(req([{ key: 'zone', operator: 'In', values: ['a', 'b'] }]))).toBe(true);
    expect(fits(req([{ key: 'zone', operator: 'NotIn', values: ['a'] }]))).toBe(false);
    expect(fits(req([{ key: 'missing', operator: 'NotIn', values: ['a'] }]))).toBe(true);
    expect(fits(req([{ key: 'ssd', operator: 'Exists' }]))).toBe(true);
    expect(fits(req([{ key: 'ssd', operator: 'DoesNotExist' }]))).toBe(false);
    expect(fits(req([{ key: 'gen', operator: 'Gt', values: ['4'] }]))).toBe(true);
    expect(fits(req([{ key: 'gen', operator: 'Lt', values: ['5'] }]))).toBe(false);
    expect(fits(req([{ key: 'zone', operator: 'Gt', values: ['1'] }]))).toBe(false);
  });
  it('matchFields metadata.name narrows PreFilter', () => {
    const p = pod('p', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }] } } } });
    const { node: ni, state } = info(n);
    const r = NA.nodeAffinity.preFilter!(p, state);
    expect([...(r.nodeNames ?? [])]).toEqual(['n1']);
    expect(NA.nodeAffinity.filter!(p, ni, state).code).toBe('Success');
    expect(NA.nodeAffinity.preFilter!(pod('plain'), state).status.code).toBe('Skip');
  });
  it('addedAffinity is enforced with its own reason', () => {
    const plugin = NA.newNodeAffinity({ addedAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['z'] }] }] } } });
    const { node: ni, state } = info(n);
    expect(plugin.filter!(pod('p'), ni, state).reasons).toEqual(["node(s) didn't match scheduler-enforced node affinity"]);
  });
  it('scores preferred weights and normalises', () => {
    const p = pod('p', {
      affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
        { weight: 80, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
        { weight: 20, preference: { matchExpressions: [{ key: 'ssd', operator: 'DoesNotExist' }] } },
      ] } },
    });
    const { node: ni, state } = info(n);
    expect(NA.nodeAffinity.score!(p, ni, state)).toBe(80);
    expect(NA.nodeAffinity.normalizeScores!([{ name: 'a', score: 80 }, { name: 'b', score: 20 }], state, p).map((s) => s.score)).toEqual([100, 25]);
  });
});

describe('NodePorts', () => {
  const withPort = (name: string, hostPort: number, hostIP?: string, nodeName?: string) => {
    const p = pod(name, { node: nodeName });
    p.spec.containers[0].ports = [{ containerPort: 80, hostPort, hostIP }];
    return p;
  };
  it('rejects a taken host port, allows another IP', () => {
    const { node: ni, state } = info(node('n1'), [withPort('a', 8080, '10.0.0.1', 'n1')]);
    const p = withPort('p', 8080);
    NP.nodePorts.preFilter!(p, state);
    expect(NP.nodePorts.filter!(p, ni, state).reasons).toEqual([NP.ERR_REASON]);
    const q = withPort('q', 8080, '10.0.0.2');
    const s2 = new CycleState(state.snapshot);
    NP.nodePorts.preFilter!(q, s2);
    expect(NP.nodePorts.filter!(q, ni, s2).code).toBe('Success');
    expect(NP.nodePorts.preFilter!(pod('none'), s2).status.code).toBe('Skip');
  });
});

describe('PrioritySort and SchedulingGates', () => {
  it('higher priority first, then earlier', () => {
    const hi = { pod: pod('a', { priority: 10 }), timestamp: 5 };
    const lo = { pod: pod('b', { priority: 1 }), timestamp: 1 };
    const lo2 = { pod: pod('c', { priority: 1 }), timestamp: 2 };
    expect(PS.prioritySort.less!(hi, lo)).toBe(true);
    expect(PS.prioritySort.less!(lo, lo2)).toBe(true);
    expect(PS.prioritySort.less!(lo2, lo)).toBe(false);
  });
  it('gated pods wait', () => {
    expect(SG.schedulingGates.preEnqueue!(pod('p', { schedulingGates: [{ name: 'a' }, { name: 'b' }] })).reasons).toEqual(['waiting for scheduling gates: [a b]']);
  });
});
