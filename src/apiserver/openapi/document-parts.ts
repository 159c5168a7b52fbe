// Pieces both OpenAPI documents share: the info block, path parameter names, the discovery
// operations (/api, /apis, /apis/<group>, /api/v1/, ...) and the kinds each resource brings.
// Kubernetes twin: the discovery routes of k8s.io/apiserver/pkg/endpoints/discovery, as they
// appear in kube-apiserver's OpenAPI (getCoreAPIVersions, getAPIVersions, getAppsAPIGroup, ...).
import type { DefinitionSet } from './definitions.js';
import { META_DEFINITION } from './definitions.js';
import type { Operation } from './operations.js';
import { capitalise, groupIdentifier, groupVersionPath, groupVersionTag, type OpenApiResource } from './resource.js';

export const OPENAPI_INFO = { title: 'Kubernetes', version: 'v1.32.0' } as const;

/** ["namespace", "name"] for "/api/v1/namespaces/{namespace}/pods/{name}". */
export function pathParameterNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string);
}

/** Registers every kind a resource serves (its kind, list kind and subresource kinds) first, so stand-ins get their GVK. */
export function addResourceDefinitions(definitions: DefinitionSet, resources: readonly OpenApiResource[]): void {
  for (const r of resources) {
    definitions.addKind({ group: r.group, version: r.version, kind: r.kind });
    if (r.verbs.includes('list')) definitions.addKind({ group: r.group, version: r.version, kind: `${r.kind}List` });
    for (const sub of r.subresources) definitions.addKind({ group: sub.group, version: sub.version, kind: sub.kind });
  }
}

function discovery(path: string, id: string, tag: string, description: string, response: string): Operation {
  return { path, method: 'get', id, tag, description, query: [], response };
}

/** The discovery operations for the served groups, each tagged with the document it belongs to. */
export function discoveryOperations(resources: readonly OpenApiResource[]): Operation[] {
  const groupVersions = new Map<string, { group: string; version: string }>();
  for (const r of resources) groupVersions.set(groupVersionPath(r.group, r.version), { group: r.group, version: r.version });
  const ops: Operation[] = [
    discovery('/api/', 'getCoreAPIVersions', 'core', 'get available API versions', META_DEFINITION.apiVersions),
    discovery('/apis/', 'getAPIVersions', 'apis', 'get available API versions', META_DEFINITION.apiGroupList),
  ];
  const groups = new Set<string>();
  for (const [path, { group, version }] of [...groupVersions].sort()) {
    const ids = `${groupIdentifier(group)}${capitalise(version)}`;
    ops.push(discovery(`/${path}/`, `get${ids}APIResources`, groupVersionTag(group, version), 'get available resources', META_DEFINITION.apiResourceList));
    if (group !== '' && !groups.has(group)) {
      groups.add(group);
      const tag = groupVersionTag(group, '').replace(/_$/, '');
      ops.push(discovery(`/apis/${group}/`, `get${groupIdentifier(group)}APIGroup`, tag, 'get information of a group', META_DEFINITION.apiGroup));
    }
  }
  return ops;
}

/** The /openapi/v3 key of the document an operation belongs to: "api/v1", "apis/apps", "api", ... */
export function documentKeyOf(op: Operation): string {
  const trimmed = op.path.replace(/^\//, '');
  if (trimmed.endsWith('/')) return trimmed.slice(0, -1); // a discovery path names its own document
  const parts = trimmed.split('/');
  return parts[0] === 'api' ? parts.slice(0, 2).join('/') : parts.slice(0, 3).join('/');
}
