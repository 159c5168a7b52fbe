// Schema declarations: Node, NodeList, NodeSpec, NodeStatus, NodeConfigSource, Taint, NodeAddress, NodeCondition, NodeConfigStatus, NodeDaemonEndpoints, NodeFeatures, ContainerImage, NodeSystemInfo, NodeRuntimeHandler, AttachedVolume, ConfigMapNodeConfigSource, DaemonEndpoint, NodeRuntimeHandlerFeatures.
// Kubernetes twin: staging/src/k8s.io/api/core/v1/types.go (Node, NodeList, NodeSpec, NodeStatus, ...), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, int64, bool, ref, list, mapOf, atomic, mergeList, mergeSet, kind, type TypeDecl, oneOf } from '../dsl.js';
import { CORE, quantity, time, objectMeta } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION, listType } from '../type-meta.js';

export const coreV1NodeTypes: readonly TypeDecl[] = [
  object(CORE + 'Node', 'A machine (here: a simulated one) that runs pods.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    spec: ref(CORE + 'NodeSpec'),
    status: ref(CORE + 'NodeStatus'),
  }, { gvk: kind('', 'v1', 'Node') }),
  listType(CORE + 'NodeList', 'A page of nodes.', ref(CORE + 'Node'), 'The objects of this page.', kind('', 'v1', 'NodeList')),
  object(CORE + 'NodeSpec', 'How a node is configured: pod address ranges, taints, schedulability.', {
    configSource: ref(CORE + 'NodeConfigSource'),
    externalID: str,
    podCIDR: str,
    podCIDRs: field(list(str), undefined, mergeSet),
    providerID: str,
    taints: field(list(ref(CORE + 'Taint')), undefined, atomic),
    unschedulable: bool,
  }),
  object(CORE + 'NodeStatus', 'What the node reports about itself.', {
    addresses: field(list(ref(CORE + 'NodeAddress')), undefined, mergeList('type')),
    allocatable: mapOf(quantity),
    capacity: mapOf(quantity),
    conditions: field(list(ref(CORE + 'NodeCondition')), undefined, mergeList('type')),
    config: ref(CORE + 'NodeConfigStatus'),
    daemonEndpoints: ref(CORE + 'NodeDaemonEndpoints'),
    features: ref(CORE + 'NodeFeatures'),
    images: field(list(ref(CORE + 'ContainerImage')), undefined, atomic),
    nodeInfo: ref(CORE + 'NodeSystemInfo'),
    phase: oneOf('Pending', 'Running', 'Terminated'),
    runtimeHandlers: field(list(ref(CORE + 'NodeRuntimeHandler')), undefined, atomic),
    volumesAttached: field(list(ref(CORE + 'AttachedVolume')), undefined, atomic),
    volumesInUse: field(list(str), undefined, atomic),
  }),
  object(CORE + 'NodeConfigSource', 'Where the node\'s configuration came from (deprecated).', {
    configMap: ref(CORE + 'ConfigMapNodeConfigSource'),
  }),
  object(CORE + 'Taint', 'Repels pods that do not tolerate it.', {
    effect: oneOf('NoExecute', 'NoSchedule', 'PreferNoSchedule'),
    key: str,
    timeAdded: time,
    value: str,
  }, { required: ['effect', 'key'] }),
  object(CORE + 'NodeAddress', 'One address of the node.', {
    address: str,
    type: str,
  }, { required: ['address', 'type'] }),
  object(CORE + 'NodeCondition', 'One aspect of a node\'s state, such as Ready.', {
    lastHeartbeatTime: time,
    lastTransitionTime: time,
    message: str,
    reason: str,
    status: str,
    type: str,
  }, { required: ['status', 'type'] }),
  object(CORE + 'NodeConfigStatus', 'The state of dynamic node configuration (deprecated).', {
    active: ref(CORE + 'NodeConfigSource'),
    assigned: ref(CORE + 'NodeConfigSource'),
    error: str,
    lastKnownGood: ref(CORE + 'NodeConfigSource'),
  }),
  object(CORE + 'NodeDaemonEndpoints', 'Ports of daemons on the node.', {
    kubeletEndpoint: ref(CORE + 'DaemonEndpoint'),
  }),
  object(CORE + 'NodeFeatures', 'Optional features the node supports.', {
    supplementalGroupsPolicy: bool,
  }),
  object(CORE + 'ContainerImage', 'An image present on the node.', {
    names: field(list(str), undefined, atomic),
    sizeBytes: int64,
  }),
  object(CORE + 'NodeSystemInfo', 'Identity and versions of the node\'s software.', {
    architecture: str,
    bootID: str,
    containerRuntimeVersion: str,
    kernelVersion: str,
    kubeProxyVersion: str,
    kubeletVersion: str,
    machineID: str,
    operatingSystem: str,
    osImage: str,
    systemUUID: str,
  }, { required: ['architecture', 'bootID', 'containerRuntimeVersion', 'kernelVersion', 'kubeProxyVersion', 'kubeletVersion', 'machineID', 'operatingSystem', 'osImage', 'systemUUID'] }),
  object(CORE + 'NodeRuntimeHandler', 'A container runtime handler the node offers.', {
    features: ref(CORE + 'NodeRuntimeHandlerFeatures'),
    name: str,
  }),
  object(CORE + 'AttachedVolume', 'A volume attached to the node.', {
    devicePath: str,
    name: str,
  }, { required: ['devicePath', 'name'] }),
  object(CORE + 'ConfigMapNodeConfigSource', 'A config map holding node configuration (deprecated).', {
    kubeletConfigKey: str,
    name: str,
    namespace: str,
    resourceVersion: str,
    uid: str,
  }, { required: ['kubeletConfigKey', 'name', 'namespace'] }),
  object(CORE + 'DaemonEndpoint', 'One daemon port.', {
    Port: int32,
  }, { required: ['Port'] }),
  object(CORE + 'NodeRuntimeHandlerFeatures', 'Features of one runtime handler.', {
    recursiveReadOnlyMounts: bool,
    userNamespaces: bool,
  }),
];
