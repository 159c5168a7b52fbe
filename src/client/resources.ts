// Which resource a request is about, as data: group, version, plural name and scope.
// Kubernetes twin: schema.GroupVersionResource plus the RESTMapper's scope, and the typed
// clientsets' per-resource accessors (k8s.io/client-go/kubernetes/typed).
import type { ObjectMeta } from '../api/types.js';
import type { ConfigMap } from '../api/types/configmap.js';
import type { Deployment } from '../api/types/deployment.js';
import type { Endpoints } from '../api/types/endpoints.js';
import type { EndpointSlice } from '../api/types/endpointslice.js';
import type { CoreEvent } from '../api/types/event.js';
import type { Lease } from '../api/types/lease.js';
import type { Namespace } from '../api/types/namespace.js';
import type { Node } from '../api/types/node.js';
import type { Pod } from '../api/types/pod.js';
import type { ReplicaSet } from '../api/types/replicaset.js';
import type { Secret } from '../api/types/secret.js';
import type { Service } from '../api/types/service.js';
import type { ServiceAccount } from '../api/types/serviceaccount.js';

/** Anything with object metadata: every Kubernetes object type fits. */
export interface HasMetadata {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
}

/** A resource and, as a phantom type, the shape of its objects. */
export interface ResourceType<T extends HasMetadata = HasMetadata> {
  readonly group: string;
  readonly version: string;
  /** The plural, lower-case name in URLs: "pods", "deployments". */
  readonly resource: string;
  readonly kind: string;
  readonly namespaced: boolean;
  /** Never set: carries T for the type checker only. */
  readonly __type?: T;
}

const resourceType = <T extends HasMetadata>(group: string, version: string, resource: string, kind: string, namespaced: boolean): ResourceType<T> =>
  Object.freeze({ group, version, resource, kind, namespaced });

export const PODS = resourceType<Pod>('', 'v1', 'pods', 'Pod', true);
export const NODES = resourceType<Node>('', 'v1', 'nodes', 'Node', false);
export const NAMESPACES = resourceType<Namespace>('', 'v1', 'namespaces', 'Namespace', false);
export const SERVICES = resourceType<Service>('', 'v1', 'services', 'Service', true);
export const ENDPOINTS = resourceType<Endpoints>('', 'v1', 'endpoints', 'Endpoints', true);
export const EVENTS = resourceType<CoreEvent>('', 'v1', 'events', 'Event', true);
export const CONFIGMAPS = resourceType<ConfigMap>('', 'v1', 'configmaps', 'ConfigMap', true);
export const SECRETS = resourceType<Secret>('', 'v1', 'secrets', 'Secret', true);
export const SERVICEACCOUNTS = resourceType<ServiceAccount>('', 'v1', 'serviceaccounts', 'ServiceAccount', true);
export const LEASES = resourceType<Lease>('coordination.k8s.io', 'v1', 'leases', 'Lease', true);
export const ENDPOINTSLICES = resourceType<EndpointSlice>('discovery.k8s.io', 'v1', 'endpointslices', 'EndpointSlice', true);
export const REPLICASETS = resourceType<ReplicaSet>('apps', 'v1', 'replicasets', 'ReplicaSet', true);
export const DEPLOYMENTS = resourceType<Deployment>('apps', 'v1', 'deployments', 'Deployment', true);

/** "v1" for the core group, "apps/v1" otherwise: an object's apiVersion. */
export const apiVersionOf = (r: ResourceType): string => (r.group ? `${r.group}/${r.version}` : r.version);

/**
 * The URL path of a resource, an object or a subresource:
 *   pathOf(PODS, 'default')                  -> /api/v1/namespaces/default/pods
 *   pathOf(DEPLOYMENTS, 'x', 'web', 'scale') -> /apis/apps/v1/namespaces/x/deployments/web/scale
 *   pathOf(NODES, '', 'n1')                  -> /api/v1/nodes/n1
 * A namespaced resource with no namespace is the all-namespaces collection.
 */
export function pathOf(r: ResourceType, namespace = '', name = '', subresource = ''): string {
  let path = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  if (r.namespaced && namespace) path += `/namespaces/${encodeURIComponent(namespace)}`;
  path += `/${r.resource}`;
  if (name) path += `/${encodeURIComponent(name)}`;
  if (subresource) path += `/${subresource}`;
  return path;
}
