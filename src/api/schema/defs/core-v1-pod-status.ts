// Schema declarations: PodStatus, PodCondition, ContainerStatus, HostIP, PodIP, PodResourceClaimStatus, ResourceStatus, ContainerState, ContainerUser, VolumeMountStatus, ResourceHealth, ContainerStateRunning, ContainerStateTerminated, ContainerStateWaiting, LinuxContainerUser.
// Kubernetes twin: staging/src/k8s.io/api/core/v1/types.go (PodStatus, PodCondition, ContainerStatus, HostIP, ...), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, int64, bool, ref, list, mapOf, atomic, mergeList, type TypeDecl, oneOf } from '../dsl.js';
import { CORE, quantity, time } from '../names.js';

export const coreV1PodStatusTypes: readonly TypeDecl[] = [
  object(CORE + 'PodStatus', 'What is known about a pod now; it may lag behind reality.', {
    conditions: field(list(ref(CORE + 'PodCondition')), 'Observed conditions of the pod.', mergeList('type')),
    containerStatuses: field(list(ref(CORE + 'ContainerStatus')), 'One entry per container.', atomic),
    ephemeralContainerStatuses: field(list(ref(CORE + 'ContainerStatus')), undefined, atomic),
    hostIP: field(str, 'The node\'s first IP address.'),
    hostIPs: field(list(ref(CORE + 'HostIP')), undefined, { patchStrategy: 'merge', patchMergeKey: 'ip', listType: 'atomic' }),
    initContainerStatuses: field(list(ref(CORE + 'ContainerStatus')), undefined, atomic),
    message: str,
    nominatedNodeName: str,
    phase: field(oneOf('Failed', 'Pending', 'Running', 'Succeeded', 'Unknown'), 'Pending, Running, Succeeded, Failed or Unknown.'),
    podIP: field(str, 'The pod\'s first IP address.'),
    podIPs: field(list(ref(CORE + 'PodIP')), undefined, mergeList('ip')),
    qosClass: field(str, 'Guaranteed, Burstable or BestEffort, from the resource requests and limits.'),
    reason: str,
    resize: str,
    resourceClaimStatuses: field(list(ref(CORE + 'PodResourceClaimStatus')), undefined, mergeList('name', ['name'], 'merge,retainKeys')),
    startTime: field(time, 'When the kubelet accepted the pod.'),
  }),
  object(CORE + 'PodCondition', 'One aspect of a pod\'s state, such as Ready or PodScheduled.', {
    lastProbeTime: time,
    lastTransitionTime: time,
    message: str,
    reason: str,
    status: str,
    type: str,
  }, { required: ['status', 'type'] }),
  object(CORE + 'ContainerStatus', 'What is known about one container of the pod.', {
    allocatedResources: mapOf(quantity),
    allocatedResourcesStatus: field(list(ref(CORE + 'ResourceStatus')), undefined, mergeList('name')),
    containerID: str,
    image: str,
    imageID: str,
    lastState: ref(CORE + 'ContainerState'),
    name: str,
    ready: field(bool, 'Whether the readiness probe passes.'),
    resources: ref(CORE + 'ResourceRequirements'),
    restartCount: field(int32, 'How often the container restarted.'),
    started: field(bool, 'Whether the startup probe passed.'),
    state: ref(CORE + 'ContainerState'),
    user: ref(CORE + 'ContainerUser'),
    volumeMounts: field(list(ref(CORE + 'VolumeMountStatus')), undefined, { patchStrategy: 'merge', patchMergeKey: 'mountPath', listType: 'atomic' }),
  }, { required: ['image', 'imageID', 'name', 'ready', 'restartCount'] }),
  object(CORE + 'HostIP', 'One IP address of the node the pod runs on.', {
    ip: str,
  }, { required: ['ip'] }),
  object(CORE + 'PodIP', 'One IP address given to the pod.', {
    ip: str,
  }, { required: ['ip'] }),
  object(CORE + 'PodResourceClaimStatus', 'The name of the claim generated for one of the pod\'s resource claims.', {
    name: str,
    resourceClaimName: str,
  }, { required: ['name'] }),
  object(CORE + 'ResourceStatus', 'The health of devices behind one resource.', {
    name: str,
    resources: field(list(ref(CORE + 'ResourceHealth')), undefined, { listType: 'map', listMapKeys: ['resourceID'] }),
  }, { required: ['name'] }),
  object(CORE + 'ContainerState', 'A container\'s state: at most one of waiting, running or terminated.', {
    running: ref(CORE + 'ContainerStateRunning'),
    terminated: ref(CORE + 'ContainerStateTerminated'),
    waiting: ref(CORE + 'ContainerStateWaiting'),
  }),
  object(CORE + 'ContainerUser', 'The identity the container\'s first process runs as.', {
    linux: ref(CORE + 'LinuxContainerUser'),
  }),
  object(CORE + 'VolumeMountStatus', 'How a volume was actually mounted.', {
    mountPath: str,
    name: str,
    readOnly: bool,
    recursiveReadOnly: str,
  }, { required: ['mountPath', 'name'] }),
  object(CORE + 'ResourceHealth', 'The health of one device.', {
    health: str,
    message: str,
    resourceID: str,
  }, { required: ['resourceID'] }),
  object(CORE + 'ContainerStateRunning', 'The container is running.', {
    startedAt: time,
  }),
  object(CORE + 'ContainerStateTerminated', 'The container ran and stopped.', {
    containerID: str,
    exitCode: int32,
    finishedAt: time,
    message: str,
    reason: str,
    signal: int32,
    startedAt: time,
  }, { required: ['exitCode'] }),
  object(CORE + 'ContainerStateWaiting', 'The container is not running yet.', {
    message: str,
    reason: str,
  }),
  object(CORE + 'LinuxContainerUser', 'User and group ids on Linux.', {
    gid: int64,
    supplementalGroups: field(list(int64), undefined, atomic),
    uid: int64,
  }, { required: ['gid', 'uid'] }),
];
