// The resources the garbage collector watches, and how an ownerReference's apiVersion/kind
// names one of them. Kubernetes twin: the GC's monitors over GetDeletableResources and its
// RESTMapper lookup (garbagecollector.go apiResource).
import {
  CONFIGMAPS,
  DEPLOYMENTS,
  ENDPOINTS,
  ENDPOINTSLICES,
  EVENTS,
  LEASES,
  NAMESPACES,
  NODES,
  PODS,
  REPLICASETS,
  SECRETS,
  SERVICEACCOUNTS,
  SERVICES,
  apiVersionOf,
  type ResourceType,
} from '../../client/resources.js';

/**
 * Served but never watched, as Go's DefaultIgnoredResources (garbagecollector/graph_builder.go):
 * events are the most written objects of a busy cluster, short-lived, and own nothing; an event
 * naming an owner is not collected with it (kube-apiserver expires events after an hour).
 * Kinds here still resolve as owners (checked with a GET).
 */
export const IGNORED_RESOURCES: readonly ResourceType[] = [EVENTS];

/** Every resource kubesim serves that can own or depend, but the ignored ones: one informer each. */
export const MONITORED_RESOURCES: readonly ResourceType[] = [
  PODS,
  REPLICASETS,
  DEPLOYMENTS,
  SERVICES,
  ENDPOINTS,
  ENDPOINTSLICES,
  CONFIGMAPS,
  SECRETS,
  SERVICEACCOUNTS,
  LEASES,
  NAMESPACES,
  NODES,
];

const byKind = (resources: readonly ResourceType[]): Map<string, ResourceType> =>
  new Map(resources.map((r) => [`${apiVersionOf(r)}|${r.kind}`, r]));

/** Finds the resource an ownerReference points at ("apps/v1", "ReplicaSet" -> replicasets). */
export class KindMapper {
  readonly #map: Map<string, ResourceType>;
  constructor(resources: readonly ResourceType[]) {
    this.#map = byKind(resources);
  }
  resourceFor(apiVersion: string, kind: string): ResourceType | undefined {
    return this.#map.get(`${apiVersion}|${kind}`);
  }
}
