// The operations a served resource has, independent of the OpenAPI dialect: one per path and
// HTTP method, with its Kubernetes action, GVK, query parameters, body and response.
// Kubernetes twin: k8s.io/apiserver/pkg/endpoints/installer.go (registerResourceHandlers), which
// names operations "listCoreV1NamespacedPod", "patchAppsV1NamespacedDeploymentScale", ...
import type { GroupVersionKind } from '../../api/schema/dsl.js';
import { VERB_PARAMETERS, type QueryParameterName } from './parameters.js';
import { capitalise, groupIdentifier, groupVersionTag, type OpenApiResource, type OpenApiSubresource } from './resource.js';
import { definitionNameFor, META_DEFINITION } from './definitions.js';

export type HttpMethod = 'get' | 'put' | 'post' | 'patch' | 'delete';
export type Action = 'get' | 'list' | 'put' | 'patch' | 'post' | 'delete' | 'deletecollection' | 'watch' | 'watchlist' | 'connect';

export interface Operation {
  readonly path: string;
  readonly method: HttpMethod;
  readonly id: string;
  readonly tag: string;
  readonly description: string;
  /** Absent on discovery operations, which serve no kind. */
  readonly action?: Action;
  readonly gvk?: GroupVersionKind;
  readonly query: readonly QueryParameterName[];
  /** Definition name of the request body; "patch" bodies accept the four patch content types. */
  readonly body?: { readonly definition: string; readonly patch: boolean };
  /** Definition name of the 200 response, or "text" for logs and streams. */
  readonly response: string;
}

const CONNECT_SUBRESOURCES = new Set(['exec', 'attach', 'portforward', 'proxy']);
const TEXT_SUBRESOURCES = new Set(['log']);
const VERB_METHOD: Record<string, HttpMethod> = { get: 'get', create: 'post', update: 'put', patch: 'patch', delete: 'delete' };
const METHOD_ID: Record<HttpMethod, string> = { get: 'Get', post: 'Post', put: 'Put', patch: 'Patch', delete: 'Delete' };

function prefixOf(group: string, version: string): string {
  return group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
}

interface Names {
  readonly ids: string; // "CoreV1"
  readonly scoped: string; // "NamespacedPod" or "Node"
  readonly tag: string;
  readonly gvk: GroupVersionKind;
  readonly definition: string;
}

function namesOf(r: OpenApiResource): Names {
  return {
    ids: `${groupIdentifier(r.group)}${capitalise(r.version)}`,
    scoped: `${r.namespaced ? 'Namespaced' : ''}${r.kind}`,
    tag: groupVersionTag(r.group, r.version),
    gvk: { group: r.group, version: r.version, kind: r.kind },
    definition: definitionNameFor(r.group, r.version, r.kind),
  };
}

function collectionOperations(r: OpenApiResource, n: Names, collection: string): Operation[] {
  const base = { path: collection, tag: n.tag, gvk: n.gvk };
  const list = definitionNameFor(r.group, r.version, `${r.kind}List`);
  const ops: Operation[] = [];
  const has = (verb: string) => r.verbs.includes(verb);
  if (has('list')) ops.push({ ...base, method: 'get', id: `list${n.ids}${n.scoped}`, description: `list or watch objects of kind ${r.kind}`, action: 'list', query: VERB_PARAMETERS.list, response: list });
  if (has('create')) ops.push({ ...base, method: 'post', id: `create${n.ids}${n.scoped}`, description: `create a ${r.kind}`, action: 'post', query: VERB_PARAMETERS.create, body: { definition: n.definition, patch: false }, response: n.definition });
  if (has('deletecollection')) ops.push({ ...base, method: 'delete', id: `delete${n.ids}Collection${n.scoped}`, description: `delete collection of ${r.kind}`, action: 'deletecollection', query: VERB_PARAMETERS.deletecollection, body: { definition: META_DEFINITION.deleteOptions, patch: false }, response: META_DEFINITION.status });
  return ops;
}

function itemOperations(r: OpenApiResource, n: Names, item: string): Operation[] {
  const base = { path: item, tag: n.tag, gvk: n.gvk };
  const ops: Operation[] = [];
  const has = (verb: string) => r.verbs.includes(verb);
  if (has('get')) ops.push({ ...base, method: 'get', id: `read${n.ids}${n.scoped}`, description: `read the specified ${r.kind}`, action: 'get', query: [], response: n.definition });
  if (has('update')) ops.push({ ...base, method: 'put', id: `replace${n.ids}${n.scoped}`, description: `replace the specified ${r.kind}`, action: 'put', query: VERB_PARAMETERS.update, body: { definition: n.definition, patch: false }, response: n.definition });
  if (has('patch')) ops.push({ ...base, method: 'patch', id: `patch${n.ids}${n.scoped}`, description: `partially update the specified ${r.kind}`, action: 'patch', query: VERB_PARAMETERS.patch, body: { definition: META_DEFINITION.patch, patch: true }, response: n.definition });
  if (has('delete')) ops.push({ ...base, method: 'delete', id: `delete${n.ids}${n.scoped}`, description: `delete a ${r.kind}`, action: 'delete', query: VERB_PARAMETERS.delete, body: { definition: META_DEFINITION.deleteOptions, patch: false }, response: META_DEFINITION.status });
  return ops;
}

function watchOperations(r: OpenApiResource, n: Names): Operation[] {
  if (!r.verbs.includes('watch')) return [];
  const prefix = prefixOf(r.group, r.version);
  const scope = r.namespaced ? '/namespaces/{namespace}' : '';
  const base = { method: 'get' as const, tag: n.tag, gvk: n.gvk, query: VERB_PARAMETERS.watch, response: META_DEFINITION.watchEvent };
  const ops: Operation[] = [
    { ...base, path: `${prefix}/watch${scope}/${r.resource}`, id: `watch${n.ids}${n.scoped}List`, description: `watch individual changes to a list of ${r.kind}`, action: 'watchlist' },
    { ...base, path: `${prefix}/watch${scope}/${r.resource}/{name}`, id: `watch${n.ids}${n.scoped}`, description: `watch changes to an object of kind ${r.kind}`, action: 'watch' },
  ];
  if (r.namespaced) {
    ops.push({ ...base, path: `${prefix}/watch/${r.resource}`, id: `watch${n.ids}${r.kind}ListForAllNamespaces`, description: `watch individual changes to a list of ${r.kind}`, action: 'watchlist' });
  }
  return ops;
}

function subresourceOperations(r: OpenApiResource, n: Names, item: string, sub: OpenApiSubresource): Operation[] {
  const path = `${item}/${sub.name}`;
  const gvk = { group: sub.group, version: sub.version, kind: sub.kind };
  const suffix = capitalise(sub.name);
  const definition = definitionNameFor(sub.group, sub.version, sub.kind);
  const ops: Operation[] = [];
  for (const verb of sub.verbs) {
    const method = VERB_METHOD[verb];
    if (!method) continue;
    const base = { path, method, tag: n.tag, gvk };
    if (CONNECT_SUBRESOURCES.has(sub.name)) {
      ops.push({ ...base, id: `connect${n.ids}${METHOD_ID[method]}${n.scoped}${suffix}`, description: `connect ${METHOD_ID[method]} requests to ${sub.name} of ${r.kind}`, action: 'connect', query: [], response: 'text' });
    } else if (method === 'get') {
      ops.push({ ...base, id: `read${n.ids}${n.scoped}${suffix}`, description: `read ${sub.name} of the specified ${r.kind}`, action: 'get', query: [], response: TEXT_SUBRESOURCES.has(sub.name) ? 'text' : definition });
    } else if (method === 'put') {
      ops.push({ ...base, id: `replace${n.ids}${n.scoped}${suffix}`, description: `replace ${sub.name} of the specified ${r.kind}`, action: 'put', query: VERB_PARAMETERS.update, body: { definition, patch: false }, response: definition });
    } else if (method === 'patch') {
      ops.push({ ...base, id: `patch${n.ids}${n.scoped}${suffix}`, description: `partially update ${sub.name} of the specified ${r.kind}`, action: 'patch', query: VERB_PARAMETERS.patch, body: { definition: META_DEFINITION.patch, patch: true }, response: definition });
    } else if (method === 'post') {
      ops.push({ ...base, id: `create${n.ids}${n.scoped}${suffix}`, description: `create ${sub.name} of a ${r.kind}`, action: 'post', query: VERB_PARAMETERS.create, body: { definition, patch: false }, response: definition });
    }
  }
  return ops;
}

/** Every operation of one served resource, its subresources and its watch paths. */
export function operationsOf(r: OpenApiResource): Operation[] {
  const n = namesOf(r);
  const prefix = prefixOf(r.group, r.version);
  const collection = `${prefix}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.resource}`;
  const item = `${collection}/{name}`;
  const ops = [...collectionOperations(r, n, collection), ...itemOperations(r, n, item)];
  if (r.namespaced && r.verbs.includes('list')) {
    ops.push({ path: `${prefix}/${r.resource}`, method: 'get', id: `list${n.ids}${r.kind}ForAllNamespaces`, tag: n.tag, gvk: n.gvk, description: `list or watch objects of kind ${r.kind}`, action: 'list', query: VERB_PARAMETERS.list, response: definitionNameFor(r.group, r.version, `${r.kind}List`) });
  }
  for (const sub of r.subresources) ops.push(...subresourceOperations(r, n, item, sub));
  return [...ops, ...watchOperations(r, n)];
}
