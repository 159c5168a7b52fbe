import { describe, expect, it } from 'vitest';
import { planForDependent } from '../../src/controllers/garbagecollector/plan.js';

describe('garbage collector decisions', () => {
  const r = (uid: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', name: uid, uid });
  const item = { finalizers: [], hasDependents: false, dependentDeletingDependents: false };
  it('keeps, trims, or deletes with the right policy', () => {
    expect(planForDependent(item, [{ ref: r('a'), state: 'solid' }])).toEqual({ type: 'keep' });
    expect(planForDependent(item, [{ ref: r('a'), state: 'solid' }, { ref: r('b'), state: 'dangling' }])).toEqual({ type: 'removeOwnerReferences', uids: ['b'] });
    expect(planForDependent(item, [{ ref: r('a'), state: 'dangling' }])).toEqual({ type: 'delete', policy: 'Background', unblock: false });
    expect(planForDependent({ ...item, finalizers: ['orphan'] }, [{ ref: r('a'), state: 'dangling' }])).toMatchObject({ policy: 'Orphan' });
    expect(planForDependent({ ...item, hasDependents: true }, [{ ref: r('a'), state: 'waiting' }])).toMatchObject({ type: 'delete', policy: 'Foreground' });
    expect(planForDependent(item, [{ ref: r('a'), state: 'waiting' }])).toMatchObject({ type: 'delete', policy: 'Background' });
  });
});
