import { describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { Pod } from '../../src/api/types/pod.js';
import { planReplicas } from '../../src/controllers/replicaset/plan.js';

const NOW = Date.UTC(2024, 0, 1, 12);
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString().replace(/\.\d{3}Z$/, 'Z');

function pod(name: string, o: { node?: string; phase?: string; readyAgo?: number; restarts?: number; createdAgo?: number; cost?: number } = {}): Frozen<Pod> {
  return {
    metadata: {
      name,
      uid: name,
      creationTimestamp: iso(o.createdAgo ?? 3_600_000),
      annotations: o.cost === undefined ? {} : { 'controller.kubernetes.io/pod-deletion-cost': String(o.cost) },
    },
    spec: { containers: [], nodeName: o.node },
    status: {
      phase: o.phase ?? 'Running',
      conditions: o.readyAgo === undefined ? [] : [{ type: 'Ready', status: 'True', lastTransitionTime: iso(o.readyAgo) }],
      containerStatuses: [{ name: 'c', ready: true, restartCount: o.restarts ?? 0, image: '', imageID: '' }],
    },
  } as unknown as Frozen<Pod>;
}

const order = (pods: Frozen<Pod>[], n: number) => planReplicas(pods.length - n, pods, pods, NOW).remove.map((p) => p.metadata.name);

describe('ReplicaSet deletion order', () => {
  it('unassigned, then pending, then not ready, then ready', () => {
    const pods = [pod('ready', { node: 'a', readyAgo: 60_000 }), pod('unready', { node: 'a' }), pod('pending', { node: 'b', phase: 'Pending' }), pod('unassigned', { phase: 'Pending' })];
    expect(order(pods, 3)).toEqual(['unassigned', 'pending', 'unready']);
  });
  it('lower deletion cost, then doubled-up nodes, then recently ready, then restarts, then newer', () => {
    expect(order([pod('a', { node: 'n1', readyAgo: 1000, cost: 10 }), pod('b', { node: 'n2', readyAgo: 1000, cost: -5 })], 1)).toEqual(['b']);
    const spread = [pod('alone', { node: 'n1', readyAgo: 1000 }), pod('pair1', { node: 'n2', readyAgo: 1000 }), pod('pair2', { node: 'n2', readyAgo: 1000 })];
    expect(order(spread, 1)[0]).toMatch(/^pair/);
    expect(order([pod('old', { node: 'n1', readyAgo: 86_400_000 }), pod('young', { node: 'n2', readyAgo: 10_000 })], 1)).toEqual(['young']);
    expect(order([pod('calm', { node: 'n1', readyAgo: 1000 }), pod('crashy', { node: 'n2', readyAgo: 1000, restarts: 3 })], 1)).toEqual(['crashy']);
    expect(order([pod('old', { node: 'n1', createdAgo: 86_400_000 }), pod('new', { node: 'n2', createdAgo: 1000 })], 1)).toEqual(['new']);
  });
  it('creates at most the burst per pass', () => {
    expect(planReplicas(1200, [], [], NOW).create).toBe(500);
    expect(planReplicas(3, [pod('x')], [], NOW)).toEqual({ create: 2, remove: [] });
  });
});
