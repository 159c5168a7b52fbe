import { describe, expect, it } from 'vitest';
import { updateManagedFields } from '../../../src/apiserver/fieldmanager/update.js';
import { configMap, deployment, T0, T1, T2, withManaged } from './fixtures.js';

const cm = { group: '', version: 'v1', kind: 'ConfigMap' } as const;
const deploy = { group: 'apps', version: 'v1', kind: 'Deployment' } as const;

describe('updateManagedFields', () => {
  it('kubectl create then kubectl label: one Update entry each, with their fields', () => {
    const created = configMap({ a: '1' });
    const afterCreate = updateManagedFields({ ...cm, prev: undefined, next: created, manager: 'kubectl-create', subresource: '', now: T0 });
    expect(afterCreate).toEqual([
      { manager: 'kubectl-create', operation: 'Update', apiVersion: 'v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } },
    ]);
    const stored = withManaged(created, afterCreate);
    const labelled = { ...stored, metadata: { ...stored.metadata, labels: { x: 'y' } } };
    const afterLabel = updateManagedFields({ ...cm, prev: stored, next: labelled, manager: 'kubectl-label', subresource: '', now: T1 });
    expect(afterLabel.map((e) => [e.manager, e.operation, e.apiVersion, e.time])).toEqual([
      ['kubectl-create', 'Update', 'v1', T0],
      ['kubectl-label', 'Update', 'v1', T1],
    ]);
    expect(afterLabel[1].fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { '.': {}, 'f:x': {} } } });
  });

  it('records a created Deployment as kube does: no "." on zero-valued structs, keyed containers', () => {
    const entries = updateManagedFields({ ...deploy, prev: undefined, next: deployment(), manager: 'kubectl-create', subresource: '', now: T0 });
    expect(entries).toHaveLength(1);
    expect(entries[0].apiVersion).toBe('apps/v1');
    expect(entries[0].fieldsV1).toEqual({
      'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
      'f:spec': {
        'f:progressDeadlineSeconds': {},
        'f:replicas': {},
        'f:revisionHistoryLimit': {},
        'f:selector': {},
        'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {}, 'f:maxUnavailable': {} }, 'f:type': {} },
        'f:template': {
          'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
          'f:spec': {
            'f:containers': {
              'k:{"name":"nginx"}': {
                '.': {},
                'f:image': {},
                'f:imagePullPolicy': {},
                'f:name': {},
                'f:resources': {},
                'f:terminationMessagePath': {},
                'f:terminationMessagePolicy': {},
              },
            },
            'f:dnsPolicy': {},
            'f:restartPolicy': {},
            'f:schedulerName': {},
            'f:securityContext': {},
            'f:terminationGracePeriodSeconds': {},
          },
        },
      },
    });
  });

  it('moves a changed field to the writer and drops emptied entries', () => {
    const created = deployment();
    const stored = withManaged(created, updateManagedFields({ ...deploy, prev: undefined, next: created, manager: 'kubectl-create', subresource: '', now: T0 }));
    const scaled = { ...stored, spec: { ...stored.spec, replicas: 5 } };
    const entries = updateManagedFields({ ...deploy, prev: stored, next: scaled, manager: 'kubectl', subresource: 'scale', now: T1 });
    expect(entries.map((e) => `${e.manager}/${e.subresource ?? ''}`)).toEqual(['kubectl-create/', 'kubectl/scale']);
    expect(entries[1].fieldsV1).toEqual({ 'f:spec': { 'f:replicas': {} } });
    expect((entries[0].fieldsV1 as { 'f:spec': Record<string, unknown> })['f:spec']['f:replicas']).toBeUndefined();
  });

  it('a write that changes nothing leaves entries and times alone', () => {
    const stored = withManaged(configMap({ a: '1' }), [
      { manager: 'kubectl-create', operation: 'Update', apiVersion: 'v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } },
    ]);
    const same = updateManagedFields({ ...cm, prev: stored, next: { ...stored }, manager: 'other', subresource: '', now: T2 });
    expect(same).toEqual(stored.metadata.managedFields);
  });

  it('the same manager writing again keeps one entry, stamped anew', () => {
    const stored = withManaged(configMap({ a: '1' }), updateManagedFields({ ...cm, prev: undefined, next: configMap({ a: '1' }), manager: 'm', subresource: '', now: T0 }));
    const next = { ...stored, data: { a: '1', b: '2' } };
    const entries = updateManagedFields({ ...cm, prev: stored, next, manager: 'm', subresource: '', now: T1 });
    expect(entries).toEqual([{ manager: 'm', operation: 'Update', apiVersion: 'v1', time: T1, fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { '.': {}, 'f:a': {}, 'f:b': {} } } }]);
  });

  it('a removed field leaves its owner; status writes only count status', () => {
    const stored = withManaged(configMap({ a: '1', b: '2' }), updateManagedFields({ ...cm, prev: undefined, next: configMap({ a: '1', b: '2' }), manager: 'm', subresource: '', now: T0 }));
    const entries = updateManagedFields({ ...cm, prev: stored, next: { ...stored, data: { a: '1' } }, manager: 'n', subresource: '', now: T1 });
    expect(entries).toEqual([{ manager: 'm', operation: 'Update', apiVersion: 'v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } }]);

    const d = deployment();
    const withStatus = { ...d, status: { replicas: 1, observedGeneration: 1 } };
    const status = updateManagedFields({ ...deploy, prev: d, next: withStatus, manager: 'kube-controller-manager', subresource: 'status', now: T1 });
    expect(status).toEqual([
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', time: T1, fieldsType: 'FieldsV1', fieldsV1: { 'f:status': { 'f:observedGeneration': {}, 'f:replicas': {} } }, subresource: 'status' },
    ]);
  });

  it('client-sent managedFields: valid ones are used, [] resets, invalid ones fall back to the stored', () => {
    const stored = withManaged(configMap({ a: '1' }), [
      { manager: 'kubectl-create', operation: 'Update', apiVersion: 'v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } },
    ]);
    const reset = updateManagedFields({ ...cm, prev: stored, next: withManaged(stored, []), manager: 'x', subresource: '', now: T1 });
    expect(reset).toEqual([]);
    const invalid = updateManagedFields({ ...cm, prev: stored, next: withManaged(stored, [{ manager: 'bad', operation: 'Delete' }]), manager: 'x', subresource: '', now: T1 });
    expect(invalid).toEqual(stored.metadata.managedFields);
    const edited = [{ manager: 'someone', operation: 'Apply', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {} } } }];
    expect(updateManagedFields({ ...cm, prev: stored, next: withManaged(stored, edited), manager: 'x', subresource: '', now: T1 })).toEqual(edited);
  });

  it('keeps at most ten Update managers, merging the oldest into ancient-changes', () => {
    let obj: ReturnType<typeof configMap> & { metadata: { managedFields?: unknown } } = configMap({});
    let prev: object | undefined;
    for (let i = 0; i < 12; i++) {
      const next = { ...obj, data: { ...obj.data, [`k${i}`]: 'v' } };
      const entries = updateManagedFields({ ...cm, prev, next, manager: `m${String(i).padStart(2, '0')}`, subresource: '', now: `2025-01-01T00:00:${String(i).padStart(2, '0')}Z` });
      obj = withManaged(next, entries);
      prev = obj;
    }
    const entries = obj.metadata.managedFields as Array<{ manager: string; fieldsV1: unknown }>;
    expect(entries).toHaveLength(10);
    expect(entries[0].manager).toBe('ancient-changes');
    expect(entries[0].fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:k0': {}, 'f:k1': {}, 'f:k2': {} } });
  });
});
