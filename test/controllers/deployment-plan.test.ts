import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { Deployment } from '../../src/api/types/deployment.js';
import type { ReplicaSet } from '../../src/api/types/replicaset.js';
import { setNewReplicaSetAnnotations } from '../../src/controllers/deployment/annotations.js';
import { maxSurge, maxUnavailable, resolveFenceposts } from '../../src/controllers/deployment/fenceposts.js';
import { computePodTemplateHash, fnv32a, safeEncodeString } from '../../src/controllers/deployment/hash.js';
import { planOldScaleDown, planProportionalScale } from '../../src/controllers/deployment/plan.js';

const rs = (name: string, replicas: number, available: number, max?: number, created = '2024-01-01T00:00:00Z'): Frozen<ReplicaSet> =>
  ({
    metadata: { name, uid: name, creationTimestamp: created, annotations: max === undefined ? {} : { 'deployment.kubernetes.io/max-replicas': String(max) } },
    spec: { replicas, selector: {} },
    status: { replicas, availableReplicas: available },
  }) as Frozen<ReplicaSet>;

const dep = (replicas: number, surge: number | string = '25%', unavailable: number | string = '25%'): Frozen<Deployment> =>
  ({ metadata: { name: 'web' }, spec: { replicas, selector: {}, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } } } }) as Frozen<Deployment>;

describe('pod-template-hash', () => {
  it('renders the decimal FNV value through the safe alphabet, as SafeEncodeString', () => {
    // 3123191453 is the value behind the Kubernetes docs' "nginx-deployment-75675f5897".
    expect(safeEncodeString('3123191453')).toBe('75675f5897');
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });
  it('is FNV-32a', () => {
    expect(fnv32a(new Uint8Array())).toBe(0x811c9dc5);
    expect(fnv32a(new TextEncoder().encode('a'))).toBe(0xe40c292c);
    expect(fnv32a(new TextEncoder().encode('foobar'))).toBe(0xbf9cf968);
  });
  it('is stable, ignores key order and changes with the template or the collision count', () => {
    const a = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'i' }] } };
    const b = { spec: { containers: [{ image: 'i', name: 'c' }] }, metadata: { labels: { app: 'x' } } };
    expect(computePodTemplateHash(a)).toBe(computePodTemplateHash(b));
    expect(computePodTemplateHash(a)).not.toBe(computePodTemplateHash(a, 1));
    expect(computePodTemplateHash(a)).toMatch(/^[456789bcdf]{1,10}$/);
  });
});

describe('fenceposts', () => {
  it('rounds surge up and unavailable down; both zero makes unavailable 1', () => {
    expect(resolveFenceposts('25%', '25%', 10)).toEqual([3, 2]);
    expect(resolveFenceposts('25%', '25%', 1)).toEqual([1, 0]);
    expect(resolveFenceposts(0, 0, 5)).toEqual([0, 1]);
    expect(resolveFenceposts('0%', '10%', 5)).toEqual([0, 1]);
    expect(maxUnavailable(dep(2, 0, 5))).toBe(2);
    expect(maxSurge({ ...dep(3), spec: { ...dep(3).spec!, strategy: { type: 'Recreate' } } } as Frozen<Deployment>)).toBe(0);
  });
});

describe('rolling plan', () => {
  it('scales old sets down only as far as availability allows', () => {
    const d = dep(4, 1, 1);
    const oldRS = rs('old', 4, 4);
    const newRS = rs('new', 1, 0, undefined, '2024-01-01T00:01:00Z');
    expect(planOldScaleDown(d, [oldRS, newRS], [oldRS], newRS).map((r) => r.to)).toEqual([3]);
    // Unavailable old pods go first (room: 5 total - 3 min available - 1 unavailable new = 1).
    const sick = rs('sick', 4, 2);
    expect(planOldScaleDown(d, [sick, newRS], [sick], newRS).map((r) => r.to)).toEqual([3]);
  });

  it('never plans below replicas - maxUnavailable available pods (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }), fc.nat(30), fc.nat(30), fc.nat(30), (replicas, surge, unavail, oldSize, newSize, newAvail) => {
        const d = dep(replicas, surge, unavail);
        const [, mu] = resolveFenceposts(surge, unavail, replicas);
        const oldRS = rs('old', oldSize, oldSize);
        const newRS = rs('new', newSize, Math.min(newAvail, newSize), undefined, '2024-01-01T00:01:00Z');
        const plan = planOldScaleDown(d, [oldRS, newRS], oldSize > 0 ? [oldRS] : [], newRS);
        const after = plan.length ? plan[0].to : oldSize;
        const availableBefore = oldSize + Math.min(newAvail, newSize);
        // What is scaled away was available: never below the floor unless already there.
        return after <= oldSize && (after === oldSize || availableBefore - (oldSize - after) >= replicas - Math.min(mu, replicas));
      }),
    );
  });

  it('scales proportionally during a rollout (replicas 10 -> 15)', () => {
    const d = dep(15, 3, 2);
    const oldRS = rs('old', 8, 8, 13);
    const newRS = rs('new', 5, 0, 13, '2024-01-01T00:01:00Z');
    const plan = planProportionalScale(d, newRS, [oldRS])!;
    expect(plan.op).toBe('up');
    expect(Object.fromEntries(plan.resizes.map((r) => [r.rs.metadata.name, r.to]))).toEqual({ old: 11, new: 7 });
  });
});

describe('revision annotations', () => {
  it('moves an old revision into revision-history when the set becomes current again', () => {
    const d = dep(2);
    const target = { metadata: { annotations: { 'deployment.kubernetes.io/revision': '1' } as Record<string, string> } };
    expect(setNewReplicaSetAnnotations(d, target, 3, true)).toBe(true);
    expect(target.metadata.annotations).toMatchObject({ 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' });
    setNewReplicaSetAnnotations(d, target, 5, true);
    expect(target.metadata.annotations['deployment.kubernetes.io/revision-history']).toBe('1,3');
    expect(setNewReplicaSetAnnotations(d, target, 5, true)).toBe(false);
  });
});
