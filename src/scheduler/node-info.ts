// A node as the scheduler sees it: the Node, the pods bound to it, what they request, the host
// ports they hold and the images the node has. Kubernetes twin: pkg/scheduler/framework/types.go
// (NodeInfo, PodInfo, HostPortInfo, ImageStateSummary).
import type { Node, Taint } from '../api/types/node.js';
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from '../api/types/pod.js';
import { affinityTermOf, type AffinityTerm, type WeightedAffinityTerm } from './affinity-term.js';
import { allocatableOf, emptyResource, nonZeroRequests, podRequests, type Resource } from './pod-requests.js';

export type { Resource } from './pod-requests.js';

/** A pod with its affinity terms parsed once. */
export interface PodInfo {
  readonly pod: Pod;
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
}

export interface ImageState {
  /** Bytes, from node.status.images[].sizeBytes. */
  readonly size: number;
  /** How many nodes of the snapshot hold this image (filled in by the snapshot). */
  readonly numNodes: number;
}

export interface NodeInfo {
  readonly node: Node;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly Taint[];
  readonly pods: readonly PodInfo[];
  readonly podsWithAffinity: readonly PodInfo[];
  readonly podsWithRequiredAntiAffinity: readonly PodInfo[];
  /** Sum of the pods' requests (what Fit compares with allocatable). */
  readonly requested: Resource;
  /** cpu/memory with 100m / 200Mi assumed for containers that request none (what scoring uses). */
  readonly nonZeroRequested: { readonly milliCPU: number; readonly memory: number };
  readonly allocatable: Resource;
  /** "ip|protocol|port" for each host port in use. */
  readonly usedPorts: ReadonlySet<string>;
  /** Normalised image name -> state. */
  readonly imageStates: ReadonlyMap<string, ImageState>;
}

export function podInfoOf(pod: Pod): PodInfo {
  const a = pod.spec.affinity;
  const req = (terms: PodAffinityTerm[] | undefined) => (terms ?? []).map((t) => affinityTermOf(pod, t));
  const pref = (terms: WeightedPodAffinityTerm[] | undefined) =>
    (terms ?? []).map((t) => ({ ...affinityTermOf(pod, t.podAffinityTerm), weight: t.weight }));
  return {
    pod,
    requiredAffinityTerms: req(a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    requiredAntiAffinityTerms: req(a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution),
    preferredAffinityTerms: pref(a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
    preferredAntiAffinityTerms: pref(a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution),
  };
}

const hasAffinity = (p: Pod) => !!(p.spec.affinity?.podAffinity || p.spec.affinity?.podAntiAffinity);

/** A host port as HostPortInfo keeps it: empty IP means 0.0.0.0, empty protocol means TCP. */
export const portKey = (ip: string | undefined, protocol: string | undefined, port: number): string =>
  `${ip || '0.0.0.0'}|${protocol || 'TCP'}|${port}`;

/** Host ports a pod asks for (GetHostPorts: app containers, hostPort > 0). */
export function hostPortsOf(pod: Pod): string[] {
  const out: string[] = [];
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) if ((p.hostPort ?? 0) > 0) out.push(portKey(p.hostIP, p.protocol, p.hostPort!));
  }
  return out;
}

/** HostPortInfo.CheckConflict: same protocol and port, and the same IP or either is 0.0.0.0. */
export function portConflicts(used: ReadonlySet<string>, key: string): boolean {
  const [ip, protocol, port] = key.split('|');
  if (used.has(key)) return true;
  if (ip === '0.0.0.0') {
    for (const u of used) {
      const [, p2, port2] = u.split('|');
      if (p2 === protocol && port2 === port) return true;
    }
    return false;
  }
  return used.has(`0.0.0.0|${protocol}|${port}`);
}

/**
 * normalizedImageName: an image without a tag is ":latest" (a digest-pinned "a@sha256:..." has a
 * colon after the last slash, so it is left alone).
 */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** Builds a NodeInfo; `imageNodeCounts` says on how many nodes each image name is present. */
export function newNodeInfo(node: Node, pods: readonly Pod[], imageNodeCounts?: ReadonlyMap<string, number>): NodeInfo {
  const infos = pods.map(podInfoOf);
  const requested = emptyResource();
  let nzCPU = 0;
  let nzMem = 0;
  const usedPorts = new Set<string>();
  for (const p of pods) {
    const r = podRequests(p);
    requested.milliCPU += r.milliCPU;
    requested.memory += r.memory;
    requested.ephemeralStorage += r.ephemeralStorage;
    for (const [k, v] of Object.entries(r.scalar)) requested.scalar[k] = (requested.scalar[k] ?? 0) + v;
    const nz = nonZeroRequests(p);
    nzCPU += nz.milliCPU;
    nzMem += nz.memory;
    for (const k of hostPortsOf(p)) usedPorts.add(k);
  }
  const imageStates = new Map<string, ImageState>();
  for (const img of node.status?.images ?? []) {
    for (const n of img.names ?? []) {
      imageStates.set(n, { size: img.sizeBytes ?? 0, numNodes: imageNodeCounts?.get(n) ?? 1 });
    }
  }
  return {
    node,
    name: node.metadata.name ?? '',
    labels: node.metadata.labels ?? {},
    taints: node.spec?.taints ?? [],
    pods: infos,
    podsWithAffinity: infos.filter((i) => hasAffinity(i.pod)),
    podsWithRequiredAntiAffinity: infos.filter((i) => i.requiredAntiAffinityTerms.length > 0),
    requested,
    nonZeroRequested: { milliCPU: nzCPU, memory: nzMem },
    allocatable: allocatableOf(node.status?.allocatable),
    usedPorts,
    imageStates,
  };
}
