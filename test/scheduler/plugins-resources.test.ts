import { describe, expect, it } from 'vitest';
import { CycleState } from '../../src/scheduler/framework.js';
import { buildSnapshot } from '../../src/scheduler/snapshot.js';
import { newNodeResourcesFit, nodeResourcesFit } from '../../src/scheduler/plugins/node-resources-fit.js';
import { balancedAllocation, balancedScore } from '../../src/scheduler/plugins/balanced-allocation.js';
import { imageLocality, imageLocalityScore } from '../../src/scheduler/plugins/image-locality.js';
import { brokenLinear } from '../../src/scheduler/plugins/resource-allocation.js';
import { node, pod } from './fixtures.js';

const Gi = 1024 ** 3;

function run(plugin: typeof nodeResourcesFit, p: ReturnType<typeof pod>, nodes = [node('n1')], pods: ReturnType<typeof pod>[] = []) {
  const snap = buildSnapshot({ nodes, pods });
  const state = new CycleState(snap);
  plugin.preFilter?.(p, state);
  plugin.preScore?.(p, snap.nodes, state);
  return { snap, state, filter: (n = 'n1') => plugin.filter!(p, snap.get(n)!, state), score: (n = 'n1') => plugin.score!(p, snap.get(n)!, state) };
}

describe('NodeResourcesFit filter', () => {
  it('lists every shortfall in kube order', () => {
    const r = run(nodeResourcesFit, pod('p', { cpu: '5', memory: '9Gi', requests: { 'example.com/gpu': '1' } }), [node('n1', { pods: '0' })]);
    expect(r.filter()).toMatchObject({ code: 'Unschedulable', reasons: ['Too many pods', 'Insufficient cpu', 'Insufficient memory', 'Insufficient example.com/gpu'] });
  });
  it('counts what is already on the node and extended resources', () => {
    const nodes = [node('n1', { cpu: '4', extra: { 'example.com/gpu': '2' } })];
    const busy = pod('a', { node: 'n1', cpu: '3500m', requests: { 'example.com/gpu': '1' } });
    expect(run(nodeResourcesFit, pod('p', { cpu: '500m', requests: { 'example.com/gpu': '1' } }), nodes, [busy]).filter().code).toBe('Success');
    expect(run(nodeResourcesFit, pod('p', { cpu: '501m' }), nodes, [busy]).filter().reasons).toEqual(['Insufficient cpu']);
    expect(run(nodeResourcesFit, pod('p', { requests: { 'example.com/gpu': '2' } }), nodes, [busy]).filter().reasons).toEqual(['Insufficient example.com/gpu']);
    const ignoring = newNodeResourcesFit({ ignoredResourceGroups: ['example.com'] });
    expect(run(ignoring, pod('p', { requests: { 'example.com/gpu': '2' } }), nodes, [busy]).filter().code).toBe('Success');
  });
});

describe('NodeResourcesFit scores', () => {
  // Node 4 cpu / 8Gi; pod 1 cpu / 1Gi; existing 2 cpu / 1Gi -> requested 3000m of 4000m, 2Gi of 8Gi.
  const nodes = [node('n1', { cpu: '4', memory: '8Gi' })];
  const existing = [pod('a', { node: 'n1', cpu: '2', memory: '1Gi' })];
  const p = pod('p', { cpu: '1', memory: '1Gi' });
  it('LeastAllocated: (25 + 75) / 2 = 50', () => {
    expect(run(nodeResourcesFit, p, nodes, existing).score()).toBe(50);
  });
  it('MostAllocated: (75 + 25) / 2 = 50, and 100 when full', () => {
    const most = newNodeResourcesFit({ scoringStrategy: { type: 'MostAllocated' } });
    expect(run(most, p, nodes, existing).score()).toBe(50);
    expect(run(most, pod('q', { cpu: '4', memory: '8Gi' }), nodes).score()).toBe(100);
  });
  it('RequestedToCapacityRatio with a bin-packing shape: round((75 + 25) / 2) = 50', () => {
    const rtcr = newNodeResourcesFit({ scoringStrategy: { type: 'RequestedToCapacityRatio', requestedToCapacityRatio: { shape: [{ utilization: 0, score: 0 }, { utilization: 100, score: 10 }] } } });
    expect(run(rtcr, p, nodes, existing).score()).toBe(50);
  });
  it('uses 100m / 200Mi for a pod without requests', () => {
    // cpu: (4000 - 100) * 100 / 4000 = 97; memory: (8Gi - 200Mi) * 100 / 8Gi = 97 -> 97
    expect(run(nodeResourcesFit, pod('p'), nodes).score()).toBe(97);
  });
  it('broken linear function interpolates with integer division', () => {
    const f = brokenLinear([{ utilization: 0, score: 100 }, { utilization: 30, score: 0 }]);
    expect(f(10)).toBe(100 + Math.trunc((-100 * 10) / 30)); // 67
    expect(f(50)).toBe(0);
  });
});

describe('NodeResourcesBalancedAllocation', () => {
  it('100 * (1 - |f1 - f2| / 2)', () => {
    expect(balancedScore([3000, 2 * Gi], [4000, 8 * Gi])).toBe(75);
    expect(balancedScore([2, 5, 8], [10, 10, 10])).toBe(75);
    const r = run(balancedAllocation, pod('p', { cpu: '1', memory: '1Gi' }), [node('n1', { cpu: '4', memory: '8Gi' })], [pod('a', { node: 'n1', cpu: '2', memory: '1Gi' })]);
    expect(r.score()).toBe(75);
  });
});

describe('ImageLocality', () => {
  it('weighs image size by spread', () => {
    expect(imageLocalityScore(250 * 1024 * 1024, 1)).toBe(23);
    expect(imageLocalityScore(0, 1)).toBe(0);
    expect(imageLocalityScore(5000 * 1024 * 1024, 1)).toBe(100);
    const img = { names: ['docker.io/library/big:latest', 'big:latest'], sizeBytes: 500 * 1024 * 1024 };
    const nodes = [node('n1', { images: [img] }), node('n2', { images: [img] }), node('n3'), node('n4')];
    const r = run(imageLocality, pod('p', { image: 'big' }), nodes);
    expect(r.score('n1')).toBe(23);
    expect(r.score('n3')).toBe(0);
  });
});
