// The subresources a resource serves, with the kind each answers in and its verbs: the one list
// discovery, the OpenAPI documents and request routing all read.
import type { ResourceDefinition } from './definition.js';

export interface SubresourceInfo {
  readonly name: string;
  readonly kind: string;
  readonly group?: string;
  readonly version?: string;
  readonly verbs: readonly string[];
}

// Every request to a subresource asks; a definition never changes, so its list is made once.
const listed = new WeakMap<ResourceDefinition, readonly SubresourceInfo[]>();

/** The subresources a definition serves, with the kind each answers in. */
export function subresourcesOf(def: ResourceDefinition): readonly SubresourceInfo[] {
  let subs = listed.get(def);
  if (!subs) listed.set(def, (subs = Object.freeze(listSubresources(def))));
  return subs;
}

function listSubresources(def: ResourceDefinition): SubresourceInfo[] {
  const subs: SubresourceInfo[] = [];
  if (def.group === '' && def.resource === 'pods') {
    subs.push({ name: 'binding', kind: 'Binding', verbs: ['create'] });
    // exec is a stream (a WebSocket upgrade) answered by the server's upgrade handler.
    subs.push({ name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] });
    subs.push({ name: 'log', kind: 'Pod', verbs: ['get'] });
  }
  if (def.group === '' && def.resource === 'serviceaccounts') {
    subs.push({ name: 'token', kind: 'TokenRequest', group: 'authentication.k8s.io', version: 'v1', verbs: ['create'] });
  }
  if (def.resource === 'namespaces') subs.push({ name: 'finalize', kind: 'Namespace', verbs: ['update'] });
  if (def.scale) subs.push({ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] });
  if (def.statusSubresource) subs.push({ name: 'status', kind: def.kind, verbs: ['get', 'patch', 'update'] });
  return subs;
}
