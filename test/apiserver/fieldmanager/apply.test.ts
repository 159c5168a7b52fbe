import { describe, expect, it } from 'vitest';
import { StatusError } from '../../../src/api/errors.js';
import { applyConfiguration } from '../../../src/apiserver/fieldmanager/apply.js';
import { updateManagedFields } from '../../../src/apiserver/fieldmanager/update.js';
import type { ManagedFieldsEntry } from '../../../src/api/types.js';
import { deployment, deploymentManifest, T0, T1, T2, withManaged } from './fixtures.js';

const deploy = { group: 'apps', version: 'v1', kind: 'Deployment' } as const;

/** A Deployment written by `kubectl apply` (client-side): one Update entry owning everything. */
function clientSideApplied(replicas = 1, lastApplied?: object) {
  const d = deployment({ replicas });
  const obj = lastApplied
    ? { ...d, metadata: { ...d.metadata, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(lastApplied) } } }
    : d;
  return withManaged(obj, updateManagedFields({ ...deploy, prev: undefined, next: obj, manager: 'kubectl-client-side-apply', subresource: '', now: T0 }));
}

function conflictOf(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StatusError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('applyConfiguration', () => {
  it('creates: the applier owns exactly its configuration', () => {
    const out = applyConfiguration({ ...deploy, current: undefined, applied: deploymentManifest({ replicas: 2 }), manager: 'kubectl', force: false, now: T0 });
    expect(out.spec).toEqual(deploymentManifest({ replicas: 2 }).spec);
    expect(out.metadata?.managedFields).toEqual([
      {
        manager: 'kubectl',
        operation: 'Apply',
        apiVersion: 'apps/v1',
        time: T0,
        fieldsType: 'FieldsV1',
        fieldsV1: {
          'f:metadata': { 'f:labels': { 'f:app': {} } },
          'f:spec': {
            'f:replicas': {},
            'f:selector': {},
            'f:template': {
              'f:metadata': { 'f:labels': { 'f:app': {} } },
              'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
            },
          },
        },
      },
    ]);
  });

  it('re-applying the same configuration to the defaulted object changes nothing, time included', () => {
    const created = applyConfiguration({ ...deploy, current: undefined, applied: deploymentManifest({ replicas: 2 }), manager: 'kubectl', force: false, now: T0 });
    const stored = withManaged(deployment({ replicas: 2 }), created.metadata!.managedFields);
    const again = applyConfiguration({ ...deploy, current: stored, applied: deploymentManifest({ replicas: 2 }), manager: 'kubectl', force: false, now: T1 });
    expect(again).toEqual(stored);
  });

  it('a change to a field another manager owns is a 409 with kube message and causes', () => {
    const live = clientSideApplied(1);
    const err = conflictOf(() => applyConfiguration({ ...deploy, current: live, applied: deploymentManifest({ replicas: 3 }), manager: 'ssa', force: false, now: T1 }));
    expect(err.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas',
      reason: 'Conflict',
      details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-client-side-apply" using apps/v1', field: '.spec.replicas' }] },
      code: 409,
    });
  });

  it('lists several conflicts per manager', () => {
    const live = clientSideApplied(1);
    const err = conflictOf(() => applyConfiguration({ ...deploy, current: live, applied: deploymentManifest({ replicas: 3, image: 'nginx:2' }), manager: 'ssa', force: false, now: T1 }));
    expect(err.message).toBe(
      'Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name="nginx"].image',
    );
  });

  it('force takes the field: the applier owns it, the other manager no longer does', () => {
    const live = clientSideApplied(1);
    const out = applyConfiguration({ ...deploy, current: live, applied: deploymentManifest({ replicas: 3 }), manager: 'ssa', force: true, now: T1 });
    expect((out.spec as { replicas: number }).replicas).toBe(3);
    const entries = out.metadata!.managedFields!;
    expect(entries.map((e) => `${e.manager}/${e.operation}`)).toEqual(['ssa/Apply', 'kubectl-client-side-apply/Update']);
    const csa = entries[1].fieldsV1 as { 'f:spec': Record<string, unknown> };
    expect(csa['f:spec']['f:replicas']).toBeUndefined();
    expect(csa['f:spec']['f:revisionHistoryLimit']).toEqual({});
  });

  it('the same value as another manager is shared, not a conflict', () => {
    const live = clientSideApplied(2);
    const out = applyConfiguration({ ...deploy, current: live, applied: deploymentManifest({ replicas: 2 }), manager: 'ssa', force: false, now: T1 });
    const [ssa, csa] = out.metadata!.managedFields!;
    expect((ssa.fieldsV1 as { 'f:spec': Record<string, unknown> })['f:spec']['f:replicas']).toEqual({});
    expect((csa.fieldsV1 as { 'f:spec': Record<string, unknown> })['f:spec']['f:replicas']).toEqual({});
    // Nothing changed, so the new applier's entry carries no time.
    expect(ssa.time).toBeUndefined();
  });

  it('kubectl upgrading from client-side apply takes what the annotation still describes', () => {
    const manifest = deploymentManifest({ replicas: 1 });
    const live = clientSideApplied(1, manifest);
    const out = applyConfiguration({ ...deploy, current: live, applied: deploymentManifest({ replicas: 4 }), manager: 'kubectl', force: false, now: T1 });
    expect((out.spec as { replicas: number }).replicas).toBe(4);
    const annotation = (out.metadata!.annotations as Record<string, string>)['kubectl.kubernetes.io/last-applied-configuration'];
    expect(JSON.parse(annotation).spec.replicas).toBe(4);
    expect(annotation.endsWith('\n')).toBe(true);
    // Drifted from the annotation (someone scaled to 5): a real conflict again.
    const scaled = clientSideApplied(5, manifest);
    expect(conflictOf(() => applyConfiguration({ ...deploy, current: scaled, applied: deploymentManifest({ replicas: 4 }), manager: 'kubectl', force: false, now: T1 })).code).toBe(409);
  });

  it('drops what the applier owned and no longer applies, keeps what others own', () => {
    const first = applyConfiguration({ ...deploy, current: undefined, applied: deploymentManifest({ extraContainer: true }), manager: 'kubectl', force: false, now: T0 });
    const second = applyConfiguration({ ...deploy, current: first, applied: deploymentManifest(), manager: 'kubectl', force: false, now: T1 });
    const names = (second.spec as { template: { spec: { containers: Array<{ name: string }> } } }).template.spec.containers.map((c) => c.name);
    expect(names).toEqual(['nginx']);
    expect(JSON.stringify(second.metadata!.managedFields)).not.toContain('side');

    // Another applier holding the same container keeps it.
    const shared = applyConfiguration({ ...deploy, current: first, applied: deploymentManifest({ extraContainer: true }), manager: 'other', force: false, now: T1 });
    const third = applyConfiguration({ ...deploy, current: shared, applied: deploymentManifest(), manager: 'kubectl', force: false, now: T2 });
    const kept = (third.spec as { template: { spec: { containers: Array<{ name: string }> } } }).template.spec.containers.map((c) => c.name);
    expect(kept).toEqual(['nginx', 'side']);
  });

  it('refuses a wrong kind or version and managedFields in the body (400)', () => {
    const wrong = { ...deploymentManifest(), apiVersion: 'apps/v1beta1' };
    const e1 = conflictOf(() => applyConfiguration({ ...deploy, current: undefined, applied: wrong, manager: 'kubectl', force: false, now: T0 }));
    expect([e1.code, e1.message]).toEqual([400, 'invalid object type: apps/v1beta1, Kind=Deployment']);
    const mf = withManaged(deploymentManifest(), []);
    const e2 = conflictOf(() => applyConfiguration({ ...deploy, current: undefined, applied: mf, manager: 'kubectl', force: false, now: T0 }));
    expect([e2.code, e2.message]).toEqual([400, 'metadata.managedFields must be nil']);
  });

  it('a later Update of an applied field moves it to the updater', () => {
    const applied = applyConfiguration({ ...deploy, current: undefined, applied: deploymentManifest({ replicas: 2 }), manager: 'kubectl', force: false, now: T0 });
    const scaled = { ...applied, spec: { ...(applied.spec as object), replicas: 6 } };
    const entries = updateManagedFields({ ...deploy, prev: applied, next: scaled, manager: 'kubectl-scale', subresource: 'scale', now: T1 });
    expect(entries.map((e) => `${e.manager}/${e.operation}`)).toEqual(['kubectl/Apply', 'kubectl-scale/Update']);
    const err = conflictOf(() => applyConfiguration({ ...deploy, current: withManaged(scaled, entries), applied: deploymentManifest({ replicas: 2 }), manager: 'kubectl', force: false, now: T2 }));
    expect(err.message).toBe('Apply failed with 1 conflict: conflict with "kubectl-scale" with subresource "scale" using apps/v1: .spec.replicas');
  });

  it("prunes as structured-merge-diff does: a map stays while the applier owns a key in it, though its last set listed the map itself", () => {
    // The applier's last set as kubectl writes it when it hands client-side apply's fields over:
    // an Update entry's set, with "." on the labels map and on the container.
    const csa = clientSideApplied();
    const handedOver = (csa.metadata.managedFields as ManagedFieldsEntry[]).map((e) => ({ ...e, manager: 'kubectl', operation: 'Apply' }));
    const out = applyConfiguration({ ...deploy, current: withManaged(csa, handedOver), applied: deploymentManifest(), manager: 'kubectl', force: false, now: T1 }) as ReturnType<typeof deployment>;
    expect(out.spec.template.metadata.labels).toEqual({ app: 'web' });
    expect(out.metadata.labels).toEqual({ app: 'web' });
    expect(out.spec.template.spec.containers.map((c) => c.name)).toEqual(['nginx']);
  });

  it('prunes a struct the applier no longer sets and nobody else owns', () => {
    const created = applyConfiguration({ ...deploy, current: undefined, applied: { ...deploymentManifest(), spec: { ...deploymentManifest().spec, strategy: { type: 'Recreate' } } }, manager: 'kubectl', force: false, now: T0 });
    const out = applyConfiguration({ ...deploy, current: created, applied: deploymentManifest(), manager: 'kubectl', force: false, now: T1 });
    expect(out.spec as object).not.toHaveProperty('strategy');
  });
});
