import { describe, expect, it } from 'vitest';
import { openapiV2 } from '../../../src/apiserver/openapi/v2.js';
import { openapiV3GroupVersion, openapiV3Root } from '../../../src/apiserver/openapi/v3.js';
import { SERVED } from './fixtures.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking parsed JSON

interface Gvk { group: string; version: string; kind: string }

/** kubectl's field-validation check (cli-runtime query_param_verifier_v3.go), as we read it. */
function supportsQueryParamV3(doc: Json, gvk: Gvk, param: string): boolean {
  for (const item of Object.values(doc.paths as Json)) {
    const op = (item as Json).patch as Json | undefined;
    if (!op) continue;
    const ext = op['x-kubernetes-group-version-kind'] as Gvk | undefined;
    if (!ext || ext.group !== gvk.group || ext.version !== gvk.version || ext.kind !== gvk.kind) continue;
    return (op.parameters as Json[]).some((p) => p.name === param);
  }
  return false;
}

/** kubectl apply's v3 check (kubectl/pkg/cmd/apply/patcher.go gvkSupportsPatchOpenAPIV3). */
function supportsStrategicMerge(doc: Json, gvk: Gvk): boolean {
  for (const item of Object.values(doc.paths as Json)) {
    const op = (item as Json).patch as Json | undefined;
    const ext = op?.['x-kubernetes-group-version-kind'] as Gvk | undefined;
    if (!op || !ext || ext.kind !== gvk.kind || ext.group !== gvk.group || ext.version !== gvk.version) continue;
    return 'application/strategic-merge-patch+json' in (op.requestBody?.content ?? {});
  }
  return false;
}

function schemaWithGvk(doc: Json, gvk: Gvk): Json | undefined {
  return Object.values(doc.components.schemas as Json).find((s: Json) =>
    (s['x-kubernetes-group-version-kind'] as Gvk[] | undefined)?.some((g) => g.group === gvk.group && g.version === gvk.version && g.kind === gvk.kind),
  ) as Json | undefined;
}

function collectRefs(node: unknown, out: Set<string>): void {
  if (Array.isArray(node)) node.forEach((n) => collectRefs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.add(v);
      else collectRefs(v, out);
    }
  }
}

describe('OpenAPI v3', () => {
  const root = openapiV3Root(SERVED);

  it('lists documents per group/version and group, with a stable hash', () => {
    expect(Object.keys(root.paths)).toEqual(expect.arrayContaining(['api', 'apis', 'api/v1', 'apis/apps', 'apis/apps/v1']));
    expect(root.paths['apis/apps/v1']!.serverRelativeURL).toMatch(/^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/);
    expect(openapiV3Root(SERVED)).toEqual(root);
    expect(openapiV3GroupVersion(SERVED, 'apis/nope/v1')).toBeUndefined();
  });

  it.each([
    ['api/v1', { group: '', version: 'v1', kind: 'Pod' }],
    ['api/v1', { group: '', version: 'v1', kind: 'Service' }],
    ['apis/apps/v1', { group: 'apps', version: 'v1', kind: 'Deployment' }],
  ])('%s passes kubectl checks for %o', (key, gvk) => {
    const doc = openapiV3GroupVersion(SERVED, key) as Json;
    expect(supportsQueryParamV3(doc, gvk, 'fieldValidation')).toBe(true);
    expect(supportsStrategicMerge(doc, gvk)).toBe(true);
    expect(schemaWithGvk(doc, gvk)).toBeDefined();
  });

  it('every PATCH carries fieldValidation (kubectl stops at the first match for a GVK)', () => {
    const doc = openapiV3GroupVersion(SERVED, 'api/v1') as Json;
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      const op = (item as Json).patch as Json | undefined;
      if (op) expect((op.parameters as Json[]).map((p) => p.name), path).toContain('fieldValidation');
    }
  });

  it('has explain-visible operations and schemas: GVK on the resource paths, refs in components', () => {
    const doc = openapiV3GroupVersion(SERVED, 'api/v1') as Json;
    expect(doc.paths['/api/v1/namespaces/{namespace}/pods/{name}'].get['x-kubernetes-group-version-kind']).toEqual({ group: '', version: 'v1', kind: 'Pod' });
    expect(doc.paths['/api/v1/namespaces/{namespace}/pods'].get['x-kubernetes-action']).toBe('list');
    const containers = doc.components.schemas['io.k8s.api.core.v1.PodSpec'].properties.containers;
    expect(containers).toMatchObject({ type: 'array', items: { $ref: '#/components/schemas/io.k8s.api.core.v1.Container' }, 'x-kubernetes-patch-merge-key': 'name' });
    const refs = new Set<string>();
    collectRefs(doc, refs);
    for (const ref of refs) expect(doc.components.schemas[ref.replace('#/components/schemas/', '')], ref).toBeDefined();
  });

  it('lists every query parameter kube documents', () => {
    const doc = openapiV3GroupVersion(SERVED, 'apis/apps/v1') as Json;
    const names = (path: string, method: string) => (doc.paths[path][method].parameters as Json[]).map((p) => p.name);
    const list = names('/apis/apps/v1/namespaces/{namespace}/deployments', 'get');
    expect(list).toEqual(expect.arrayContaining(['labelSelector', 'fieldSelector', 'limit', 'continue', 'resourceVersion', 'resourceVersionMatch', 'watch', 'timeoutSeconds', 'allowWatchBookmarks', 'sendInitialEvents']));
    expect(names('/apis/apps/v1/namespaces/{namespace}/deployments/{name}', 'delete')).toEqual(expect.arrayContaining(['dryRun', 'propagationPolicy', 'gracePeriodSeconds']));
    expect(names('/apis/apps/v1/namespaces/{namespace}/deployments/{name}', 'patch')).toEqual(expect.arrayContaining(['dryRun', 'fieldManager', 'fieldValidation', 'force']));
    expect(doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'].parameters.map((p: Json) => p.name)).toEqual(['namespace', 'name', 'pretty']);
    expect(doc.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'].patch['x-kubernetes-group-version-kind']).toEqual({ group: 'autoscaling', version: 'v1', kind: 'Scale' });
  });

  it('gives undeclared kinds an open stand-in without strategic merge', () => {
    const doc = openapiV3GroupVersion(SERVED, 'apis/rbac.authorization.k8s.io/v1') as Json;
    const gvk = { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'Role' };
    expect(schemaWithGvk(doc, gvk)).toMatchObject({ 'x-kubernetes-preserve-unknown-fields': true });
    expect(supportsStrategicMerge(doc, gvk)).toBe(false);
    expect(supportsQueryParamV3(doc, gvk, 'fieldValidation')).toBe(true);
  });
});

describe('OpenAPI v2', () => {
  const doc = openapiV2(SERVED) as Json;

  it('is a Swagger 2.0 document titled Kubernetes v1.32.0 whose refs all resolve', () => {
    expect(doc.swagger).toBe('2.0');
    expect(doc.info).toEqual({ title: 'Kubernetes', version: 'v1.32.0' });
    const refs = new Set<string>();
    collectRefs(doc, refs);
    for (const ref of refs) expect(doc.definitions[ref.replace('#/definitions/', '')], ref).toBeDefined();
  });

  it('describes operations with action, GVK, consumes and inline parameters', () => {
    const patch = doc.paths['/api/v1/namespaces/{namespace}/pods/{name}'].patch as Json;
    expect(patch['x-kubernetes-action']).toBe('patch');
    expect(patch['x-kubernetes-group-version-kind']).toEqual({ group: '', version: 'v1', kind: 'Pod' });
    expect(patch.consumes).toContain('application/strategic-merge-patch+json');
    expect((patch.parameters as Json[]).find((p) => p.name === 'fieldValidation')).toMatchObject({ in: 'query', type: 'string' });
    const refOnly = doc.definitions['io.k8s.api.core.v1.Pod'].properties.spec;
    expect(refOnly.$ref).toBe('#/definitions/io.k8s.api.core.v1.PodSpec');
  });
});
