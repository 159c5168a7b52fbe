// Which message a protobuf body holds, from the TypeMeta of its runtime.Unknown envelope.
// Kubernetes twin: the scheme's (group, version, kind) -> Go type table (runtime.Scheme.New).

/** apiVersion -> kind -> message name in the registry. */
const KINDS_BY_API_VERSION: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  v1: {
    Namespace: 'Namespace',
    ConfigMap: 'ConfigMap',
    Secret: 'Secret',
    ServiceAccount: 'ServiceAccount',
    Service: 'Service',
    Endpoints: 'Endpoints',
    Pod: 'Pod',
    Node: 'Node',
    Event: 'Event',
    Binding: 'Binding',
    PodTemplate: 'PodTemplate',
  },
  'apps/v1': { Deployment: 'Deployment', ReplicaSet: 'ReplicaSet' },
  'authentication.k8s.io/v1': { SelfSubjectReview: 'SelfSubjectReview', TokenRequest: 'TokenRequest' },
  'authorization.k8s.io/v1': { SelfSubjectAccessReview: 'SelfSubjectAccessReview', SelfSubjectRulesReview: 'SelfSubjectRulesReview' },
  'autoscaling/v1': { Scale: 'Scale' },
  'coordination.k8s.io/v1': { Lease: 'Lease' },
  'discovery.k8s.io/v1': { EndpointSlice: 'EndpointSlice' },
  'events.k8s.io/v1': { Event: 'events.v1.Event' },
};

/**
 * Kinds valid under any apiVersion: metav1.AddToGroupVersion registers the option types in
 * every group version, so a typed client deleting a Deployment sends DeleteOptions as "apps/v1";
 * Status is unversioned.
 */
const KINDS_IN_EVERY_VERSION: Readonly<Record<string, string>> = {
  DeleteOptions: 'DeleteOptions',
  Status: 'Status',
};

/** The message name for (apiVersion, kind), or undefined when we have no descriptor for it. */
export function messageForKind(apiVersion: string, kind: string): string | undefined {
  if (Object.hasOwn(KINDS_IN_EVERY_VERSION, kind)) return KINDS_IN_EVERY_VERSION[kind];
  const kinds = Object.hasOwn(KINDS_BY_API_VERSION, apiVersion) ? KINDS_BY_API_VERSION[apiVersion] : undefined;
  return kinds && Object.hasOwn(kinds, kind) ? kinds[kind] : undefined;
}
