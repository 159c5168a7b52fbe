// The input of the OpenAPI generators: what the server serves, resource by resource.
// Kubernetes twin: the APIGroupInfo each API group installs (k8s.io/apiserver/pkg/endpoints
// installer.go), from which kube-apiserver builds its OpenAPI paths.

export interface OpenApiSubresource {
  /** e.g. "status", "scale", "binding", "log", "exec". */
  name: string;
  kind: string;
  group: string;
  version: string;
  verbs: readonly string[];
}

export interface OpenApiResource {
  group: string;
  version: string;
  /** Plural lower-case name, e.g. "deployments". */
  resource: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
  subresources: OpenApiSubresource[];
}

/** "api/v1" or "apis/apps/v1": the key of a group/version in /openapi/v3. */
export function groupVersionPath(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

/** "Core", "Apps", "Coordination", "RbacAuthorization": how operation ids spell a group. */
export function groupIdentifier(group: string): string {
  if (group === '') return 'Core';
  return group
    .replace(/\.k8s\.io$/, '')
    .split(/[.-]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "core_v1", "apps_v1", "coordination_v1": the tag operations are grouped under. */
export function groupVersionTag(group: string, version: string): string {
  const id = groupIdentifier(group);
  return `${id.charAt(0).toLowerCase()}${id.slice(1)}_${version}`;
}
