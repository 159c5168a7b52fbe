// Drives the adapter the way the store pipeline does: capture what the request carried, let
// the pipeline scrub system fields, then record managedFields last.
import { describe, expect, it } from 'vitest';
import { StatusError } from '../../../src/api/errors.js';
import type { KubeObject } from '../../../src/api/types.js';
import {
  applyPatchObject,
  checkPatchOptions,
  isApplyPatch,
  managerOrUserAgent,
  parseApplyPatch,
  parseForce,
  recordManagedFields,
} from '../../../src/apiserver/fieldmanager/write-adapter.js';
import { deployment, deploymentManifest } from './fixtures.js';

const KUBECTL_UA = 'kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9';
const cmKind = { group: '', version: 'v1', kind: 'ConfigMap' };
const deployKind = { group: 'apps', version: 'v1', kind: 'Deployment' };
const copy = <T>(o: T): T => JSON.parse(JSON.stringify(o)) as T;

/** What store.create does around the adapter: scrub, then record. */
function pipelineCreate(body: KubeObject, manager: string, now: number, applied = false): KubeObject {
  const sent = body.metadata.managedFields;
  const draft = copy(body);
  delete draft.metadata.managedFields; // fillCreateMeta
  draft.metadata.uid = 'uid-1';
  draft.metadata.resourceVersion = '1';
  recordManagedFields(cmKindOf(body), draft, { prev: undefined, sent, manager, subresource: '', applied, now });
  return draft;
}

/** What store.update's tryUpdate does: next version, scrub (carryUpdateMeta), record. */
function pipelineUpdate(current: KubeObject, next: (cur: KubeObject) => KubeObject, manager: string, now: number, applied = false, subresource = ''): KubeObject {
  const proposed = next(current);
  const sent = proposed.metadata.managedFields;
  const draft = copy(proposed);
  delete draft.metadata.managedFields; // carryUpdateMeta
  recordManagedFields(cmKindOf(current), draft, { prev: current, sent, manager, subresource, applied, now });
  return draft;
}

const cmKindOf = (o: KubeObject) => (o.kind === 'Deployment' ? deployKind : cmKind);
const at = (s: number) => Date.parse('2025-01-01T00:00:00Z') + s * 1000;

describe('write adapter, as the pipeline calls it', () => {
  it('kubectl create, then kubectl label: the entries kubectl shows', () => {
    const body: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owned', namespace: 'ns' }, data: { a: '1' } };
    const created = pipelineCreate(body, managerOrUserAgent('kubectl-create', KUBECTL_UA), at(0));
    const labelled = pipelineUpdate(created, (cur) => ({ ...cur, metadata: { ...cur.metadata, labels: { x: 'y' } } }), managerOrUserAgent('kubectl-label', KUBECTL_UA), at(5));
    expect(labelled.metadata.managedFields).toEqual([
      { manager: 'kubectl-create', operation: 'Update', apiVersion: 'v1', time: '2025-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { '.': {}, 'f:a': {} } } },
      { manager: 'kubectl-label', operation: 'Update', apiVersion: 'v1', time: '2025-01-01T00:00:05Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:x': {} } } } },
    ]);
  });

  it('a PUT without managedFields keeps the stored ones; no fieldManager means the User-Agent name', () => {
    const created = pipelineCreate({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } }, 'kubectl-create', at(0));
    const put = pipelineUpdate(created, (cur) => {
      const body = copy(cur);
      delete body.metadata.managedFields;
      return { ...body, data: { a: '2' } };
    }, managerOrUserAgent(undefined, 'python-requests/2.31'), at(9));
    // The creator keeps the data map itself; the value it set moved to the writer.
    expect(put.metadata.managedFields?.map((e) => [e.manager, e.fieldsV1])).toEqual([
      ['kubectl-create', { 'f:data': {} }],
      ['python-requests', { 'f:data': { 'f:a': {} } }],
    ]);
    expect(managerOrUserAgent(undefined, KUBECTL_UA)).toBe('kubectl');
  });

  it('kubectl apply --server-side twice: created, then unchanged, one kubectl/Apply entry', () => {
    const req = { 'content-type': 'application/apply-patch+yaml', query: new URLSearchParams('fieldManager=kubectl&force=false') };
    expect(isApplyPatch(req['content-type'])).toBe(true);
    checkPatchOptions(true, req.query.get('fieldManager') ?? undefined, req.query.get('force'));
    const applied = parseApplyPatch(Buffer.from(JSON.stringify(deploymentManifest({ replicas: 1 }))));
    const apply = { applied, manager: 'kubectl', force: parseForce(req.query) };
    // Missing object: update() falls back to createIfMissing, the apply result goes through create.
    const body = applyPatchObject(deployKind, undefined, { ...apply, now: at(0) });
    const created = pipelineCreate(body, 'kubectl', at(0), true);
    // The store's defaults fill in what a real Deployment carries.
    const stored: KubeObject = { ...deployment(), metadata: { ...deployment().metadata, managedFields: created.metadata.managedFields } };
    const again = pipelineUpdate(stored, (cur) => applyPatchObject(deployKind, cur, { ...apply, now: at(30) }), 'kubectl', at(30), true);
    expect(again).toEqual(stored);
    expect(again.metadata.managedFields?.map((e) => `${e.manager}/${e.operation}/${e.time}`)).toEqual(['kubectl/Apply/2025-01-01T00:00:00Z']);
  });

  it('answers bad apply requests as kube does', () => {
    const errorOf = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as StatusError;
      }
      throw new Error('no error');
    };
    const noManager = errorOf(() => checkPatchOptions(true, undefined, null));
    expect([noManager.code, noManager.message]).toEqual([422, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch']);
    const force = errorOf(() => checkPatchOptions(false, 'x', 'true'));
    expect(force.message).toBe('PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch');
    // YAML apply bodies are read; malformed YAML is a 400.
    expect(parseApplyPatch(Buffer.from('apiVersion: v1\nkind: ConfigMap\n'))).toEqual({ apiVersion: 'v1', kind: 'ConfigMap' });
    const yaml = errorOf(() => parseApplyPatch(Buffer.from('kind: [unclosed')));
    expect(yaml.code).toBe(400);
    expect(yaml.message).toMatch(/^error decoding YAML: /);
  });
});
