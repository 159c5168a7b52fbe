// The Node object a kubelet registers and the status it reports.
// Kubernetes twin: pkg/kubelet/kubelet_node_status.go (initialNode, setNodeStatus) and
// pkg/kubelet/nodestatus/setters.go (MachineInfo, NodeAddress, ReadyCondition,
// MemoryPressureCondition, DiskPressureCondition, PIDPressureCondition, Images).
import { rfc3339 } from '../clock/clock.js';
import type { Node, NodeCondition, NodeStatus, Taint } from '../api/types/node.js';

export interface NodeConfig {
  name: string;
  /** "4", "8000m". */
  cpu: string;
  /** "16Gi". */
  memory: string;
  /** Max pods, 110 by default as the kubelet's maxPods. */
  pods?: number;
  labels?: Record<string, string>;
  taints?: Taint[];
  zone?: string;
  region?: string;
  /** "10.244.1.0/24". */
  podCIDR: string;
  /** The node's InternalIP. */
  address: string;
  /** node.kubernetes.io/instance-type. */
  instanceType?: string;
}

export const KUBELET_VERSION = 'v1.32.0';
export const CONTAINER_RUNTIME_VERSION = 'containerd://1.7.24';
const KUBELET_PORT = 10250;

export function nodeLabels(cfg: NodeConfig): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': cfg.name,
    'kubernetes.io/os': 'linux',
    'node.kubernetes.io/instance-type': cfg.instanceType ?? 'kubesim.standard',
    ...(cfg.region ? { 'topology.kubernetes.io/region': cfg.region } : {}),
    ...(cfg.zone ? { 'topology.kubernetes.io/zone': cfg.zone } : {}),
    ...cfg.labels,
  };
}

/** Healthy conditions, as a kubelet with enough memory, disk and PIDs reports them. */
const HEALTHY: readonly Omit<NodeCondition, 'lastHeartbeatTime' | 'lastTransitionTime'>[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
];

/** Conditions with a fresh heartbeat; transition times kept while a condition's status holds. */
export function nodeConditions(previous: readonly NodeCondition[] | undefined, now: number): NodeCondition[] {
  const t = rfc3339(now);
  return HEALTHY.map((c) => {
    const old = previous?.find((p) => p.type === c.type);
    const since = old && old.status === c.status && old.lastTransitionTime ? old.lastTransitionTime : t;
    return { type: c.type, status: c.status, lastHeartbeatTime: t, lastTransitionTime: since, reason: c.reason, message: c.message };
  });
}

/** A stable 32-hex id from the node name, as /etc/machine-id would be. */
function machineId(name: string, salt: number): string {
  let h = 2166136261 ^ salt;
  let out = '';
  for (let round = 0; round < 4; round++) {
    for (const ch of name) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    h = Math.imul(h ^ round, 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

const uuidOf = (hex: string): string => `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;

export function nodeStatus(cfg: NodeConfig, previous: NodeStatus | undefined, images: NodeStatus['images'], now: number, bootId: string): NodeStatus {
  const capacity = {
    cpu: cfg.cpu,
    'ephemeral-storage': '100Gi',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: cfg.memory,
    pods: String(cfg.pods ?? 110),
  };
  return {
    capacity,
    allocatable: { ...capacity },
    conditions: nodeConditions(previous?.conditions, now),
    addresses: [
      { type: 'InternalIP', address: cfg.address },
      { type: 'Hostname', address: cfg.name },
    ],
    daemonEndpoints: { kubeletEndpoint: { Port: KUBELET_PORT } },
    nodeInfo: {
      machineID: machineId(cfg.name, 1),
      systemUUID: uuidOf(machineId(cfg.name, 2)),
      bootID: bootId,
      kernelVersion: '6.8.0-1015-kubesim',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
      kubeletVersion: KUBELET_VERSION,
      // Deprecated and left empty since 1.31 (DisableNodeKubeProxyVersion); Go has no omitempty
      // on it, so the empty string is sent, and older clients rely on the field being there.
      kubeProxyVersion: '',
      operatingSystem: 'linux',
      architecture: 'amd64',
    } as NodeStatus['nodeInfo'],
    images,
  };
}

export function initialNode(cfg: NodeConfig, images: NodeStatus['images'], now: number, bootId: string): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: cfg.name,
      labels: nodeLabels(cfg),
      annotations: {
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: { podCIDR: cfg.podCIDR, podCIDRs: [cfg.podCIDR], ...(cfg.taints?.length ? { taints: cfg.taints } : {}) },
    status: nodeStatus(cfg, undefined, images, now, bootId),
  };
}

export { uuidOf };
