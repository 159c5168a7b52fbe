// Schema declarations: Pod, PodList, PodSpec, LocalObjectReference, PodDNSConfig, HostAlias, PodOS, PodReadinessGate, PodResourceClaim, PodSchedulingGate, PodDNSConfigOption.
// Kubernetes twin: staging/src/k8s.io/api/core/v1/types.go (Pod, PodList, PodSpec, LocalObjectReference, ...), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, int64, bool, ref, list, mapOf, atomic, mergeList, kind, type TypeDecl, oneOf } from '../dsl.js';
import { CORE, quantity, objectMeta } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION, listType } from '../type-meta.js';

export const coreV1PodTypes: readonly TypeDecl[] = [
  object(CORE + 'Pod', 'A group of containers that share a network identity and volumes and run together on one node.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    spec: field(ref(CORE + 'PodSpec'), 'What the pod should run.'),
    status: field(ref(CORE + 'PodStatus'), 'What the pod is doing; written by the system.'),
  }, { gvk: kind('', 'v1', 'Pod') }),
  listType(CORE + 'PodList', 'A page of pods.', ref(CORE + 'Pod'), 'The objects of this page.', kind('', 'v1', 'PodList')),
  object(CORE + 'PodSpec', 'What a pod should run and how and where it should run.', {
    activeDeadlineSeconds: field(int64, 'Seconds the pod may be active before the system fails it.'),
    affinity: field(ref(CORE + 'Affinity'), 'Placement rules.'),
    automountServiceAccountToken: bool,
    containers: field(list(ref(CORE + 'Container')), 'The containers of the pod; at least one.', mergeList('name')),
    dnsConfig: ref(CORE + 'PodDNSConfig'),
    dnsPolicy: field(oneOf('ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'), 'How the pod\'s DNS is set up.'),
    enableServiceLinks: bool,
    ephemeralContainers: field(list(ref(CORE + 'EphemeralContainer')), 'Debug containers added to the running pod.', mergeList('name')),
    hostAliases: field(list(ref(CORE + 'HostAlias')), undefined, mergeList('ip')),
    hostIPC: bool,
    hostNetwork: field(bool, 'Use the node\'s network namespace.'),
    hostPID: bool,
    hostUsers: bool,
    hostname: str,
    imagePullSecrets: field(list(ref(CORE + 'LocalObjectReference')), undefined, mergeList('name')),
    initContainers: field(list(ref(CORE + 'Container')), 'Containers run in order to completion before the others start; with restartPolicy Always they are sidecars.', mergeList('name')),
    nodeName: field(str, 'The node the pod is bound to; set by the scheduler.'),
    nodeSelector: field(mapOf(str), 'Labels a node must have for the pod to be placed there.', { mapType: 'atomic' }),
    os: ref(CORE + 'PodOS'),
    overhead: field(mapOf(quantity), 'Resources the runtime needs on top of the containers.'),
    preemptionPolicy: oneOf('Never', 'PreemptLowerPriority'),
    priority: field(int32, 'The resolved priority; set from the priority class.'),
    priorityClassName: field(str, 'Names the priority class that sets the pod\'s priority.'),
    readinessGates: field(list(ref(CORE + 'PodReadinessGate')), undefined, atomic),
    resourceClaims: field(list(ref(CORE + 'PodResourceClaim')), 'Resource claims the containers may use.', mergeList('name', ['name'], 'merge,retainKeys')),
    resources: field(ref(CORE + 'ResourceRequirements'), 'Resources for the whole pod (alpha in 1.32).'),
    restartPolicy: field(oneOf('Always', 'Never', 'OnFailure'), 'Always, OnFailure or Never.'),
    runtimeClassName: str,
    schedulerName: field(str, 'Which scheduler places the pod.'),
    schedulingGates: field(list(ref(CORE + 'PodSchedulingGate')), 'While non-empty, the pod is not scheduled.', mergeList('name')),
    securityContext: ref(CORE + 'PodSecurityContext'),
    serviceAccount: field(str, 'Deprecated alias of serviceAccountName.'),
    serviceAccountName: field(str, 'The service account the pod runs as.'),
    setHostnameAsFQDN: bool,
    shareProcessNamespace: bool,
    subdomain: str,
    terminationGracePeriodSeconds: field(int64, 'Seconds the pod gets to stop before it is killed.'),
    tolerations: field(list(ref(CORE + 'Toleration')), 'Taints the pod tolerates.', atomic),
    topologySpreadConstraints: field(list(ref(CORE + 'TopologySpreadConstraint')), 'How matching pods spread across topology domains.', mergeList('topologyKey', ['topologyKey', 'whenUnsatisfiable'])),
    volumes: field(list(ref(CORE + 'Volume')), 'Volumes the containers can mount.', mergeList('name', ['name'], 'merge,retainKeys')),
  }, { required: ['containers'] }),
  object(CORE + 'LocalObjectReference', 'Names an object in the same namespace.', {
    name: str,
  }),
  object(CORE + 'PodDNSConfig', 'DNS settings merged into what the DNS policy produces.', {
    nameservers: field(list(str), undefined, atomic),
    options: field(list(ref(CORE + 'PodDNSConfigOption')), undefined, atomic),
    searches: field(list(str), undefined, atomic),
  }),
  object(CORE + 'HostAlias', 'Extra host names written into the pod\'s hosts file for one IP.', {
    hostnames: field(list(str), undefined, atomic),
    ip: str,
  }, { required: ['ip'] }),
  object(CORE + 'PodOS', 'The operating system the pod\'s containers need.', {
    name: str,
  }, { required: ['name'] }),
  object(CORE + 'PodReadinessGate', 'An extra pod condition that must be true before the pod counts as ready.', {
    conditionType: str,
  }, { required: ['conditionType'] }),
  object(CORE + 'PodResourceClaim', 'Names a resource claim the pod uses, either directly or through a template.', {
    name: str,
    resourceClaimName: str,
    resourceClaimTemplateName: str,
  }, { required: ['name'] }),
  object(CORE + 'PodSchedulingGate', 'A named gate; while any remain, the scheduler leaves the pod alone.', {
    name: str,
  }, { required: ['name'] }),
  object(CORE + 'PodDNSConfigOption', 'One resolver option.', {
    name: str,
    value: str,
  }),
];
