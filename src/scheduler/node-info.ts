// A node as the scheduler sees it: the Node, the pods bound to it, what they request, the host
// ports they hold and the images the node has. Kubernetes twin: pkg/scheduler/framework/types.go
// (NodeInfo, PodInfo, HostPortInfo, ImageStateSummary).
import type { Node, Taint } from '../api/types/node.js';
import type { Pod, PodAffinityTerm, WeightedPodAffinityTerm } from '../api/types/pod.js';
import { affinityTermOf, type AffinityTerm, type WeightedAffinityTerm } from './affinity-term.js';
import { allocatableOf, emptyResource, nonZeroRequests, podRequests, type Resource } from './pod-requests.js';

export type { Resource } from './pod-requests.js';

/** A pod's (anti-)affinity terms, parsed once. */
export interface PodAffinityInfo {
  readonly pod: Pod;
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
}

/**
 * A pod as a NodeInfo holds it: its affinity terms, and what it takes from the node, worked out
 * once (parsing quantities is the dear part), so a node rebuilt because one pod came or went
 * does not redo it for the others.
 */
export interface PodInfo extends PodAffinityInfo {
  /** podRequests: what Fit counts. */
  readonly requests: Resource;
  /** nonZeroRequests: what scoring counts. */
  readonly nonZeroRequests: { readonly milliCPU: number; readonly memory: number };
  readonly hostPorts: readonly string[];
}

export interface ImageState {
  /** Bytes, from node.status.images[].sizeBytes. */
  readonly size: number;
  /** How many nodes of the snapshot hold this image (filled in by the snapshot). */
  readonly numNodes: number;
}

/**
 * The numbers Filter and Score read of every node a cycle looks at, held by the NodeInfo itself.
 * The filter and score loops are bound by memory, not arithmetic: in a long-running snapshot
 * each NodeInfo sits somewhere else in the heap, and reading these through `pods`, `requested`
 * and `nonZeroRequested` cost three more cache misses per node than reading them here.
 */
export interface NodeHotFacts {
  /** spec.unschedulable (a cordon). */
  readonly unschedulable: boolean;
  /** pods.length. */
  readonly podCount: number;
  /** requested.milliCPU and requested.memory. */
  readonly requestedMilliCPU: number;
  readonly requestedMemory: number;
  /** nonZeroRequested.milliCPU and nonZeroRequested.memory. */
  readonly nonZeroMilliCPU: number;
  readonly nonZeroMemory: number;
}

export interface NodeInfo extends NodeHotFacts {
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

/** The affinity half of PodInfo: all InterPodAffinity needs of the pod being scheduled. */
export function podAffinityInfoOf(pod: Pod): PodAffinityInfo {
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

export function podInfoOf(pod: Pod): PodInfo {
  return { ...podAffinityInfoOf(pod), requests: podRequests(pod), nonZeroRequests: nonZeroRequests(pod), hostPorts: hostPortsOf(pod) };
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

/**
 * Shared empties for the many nodes without taints, host ports or pods with affinity: cheaper
 * to reach than one each, and nothing to allocate when a node is rebuilt for a pod.
 */
const NO_TAINTS: readonly Taint[] = Object.freeze([]);
const NO_POD_INFOS: readonly PodInfo[] = Object.freeze([]);
const NO_PORTS: ReadonlySet<string> = new Set<string>();

/** `infos` that pass `keep`, or the shared empty list when none does. */
function podInfosWhere(infos: readonly PodInfo[], keep: (i: PodInfo) => boolean): readonly PodInfo[] {
  let out: PodInfo[] | undefined;
  for (const i of infos) if (keep(i)) (out ??= []).push(i);
  return out ?? NO_POD_INFOS;
}

/** What a NodeInfo takes from the Node alone, worked out once per version of the node. */
export interface NodeFacts {
  readonly allocatable: Resource;
  readonly imageStates: ReadonlyMap<string, ImageState>;
}

/**
 * Facts shared between nodes that have the same allocatable, or hold the same images at the
 * same counts: the filters and scores read them on every node of every cycle, and one object
 * stays in the CPU cache where thousands of equal ones do not. Whoever keeps a table empties it
 * whenever the image counts change.
 */
export interface SharedFacts {
  readonly allocatable: Map<string, Resource>;
  readonly imageStates: Map<string, ReadonlyMap<string, ImageState>>;
}

export const newSharedFacts = (): SharedFacts => ({ allocatable: new Map(), imageStates: new Map() });

/** The node's allocatable and image states, taken from `shared` when an equal one is there. */
export function nodeFactsOf(node: Node, imageNodeCounts?: ReadonlyMap<string, number>, shared?: SharedFacts): NodeFacts {
  const list = node.status?.allocatable;
  const allocationKey = shared && Object.entries(list ?? {}).map(([k, v]) => `${k}=${v}`).join(' ');
  let allocatable = allocationKey === undefined ? undefined : shared!.allocatable.get(allocationKey);
  if (!allocatable) {
    allocatable = allocatableOf(list);
    if (allocationKey !== undefined) shared!.allocatable.set(allocationKey, allocatable);
  }
  const images = node.status?.images ?? [];
  const imageKey = shared && images.map((i) => `${i.sizeBytes ?? 0} ${(i.names ?? []).join(' ')}`).join('\n');
  let imageStates = imageKey === undefined ? undefined : shared!.imageStates.get(imageKey);
  if (!imageStates) {
    const states = new Map<string, ImageState>();
    for (const img of images) {
      for (const n of img.names ?? []) states.set(n, { size: img.sizeBytes ?? 0, numNodes: imageNodeCounts?.get(n) ?? 1 });
    }
    if (imageKey !== undefined) shared!.imageStates.set(imageKey, states);
    imageStates = states;
  }
  return { allocatable, imageStates };
}

/** Builds a NodeInfo; `imageNodeCounts` says on how many nodes each image name is present. */
export function newNodeInfo(node: Node, pods: readonly Pod[], imageNodeCounts?: ReadonlyMap<string, number>): NodeInfo {
  return nodeInfoOf(node, pods.map(podInfoOf), nodeFactsOf(node, imageNodeCounts));
}

/**
 * A NodeInfo over pods already described and facts already known (a NodeInfo of the same node
 * version will do): nothing is parsed again, only the pods' requests are added up.
 */
export function nodeInfoOf(node: Node, infos: readonly PodInfo[], facts: NodeFacts): NodeInfo {
  const requested = emptyResource();
  let nzCPU = 0;
  let nzMem = 0;
  let usedPorts: Set<string> | undefined;
  for (const i of infos) {
    const r = i.requests;
    requested.milliCPU += r.milliCPU;
    requested.memory += r.memory;
    requested.ephemeralStorage += r.ephemeralStorage;
    for (const k in r.scalar) requested.scalar[k] = (requested.scalar[k] ?? 0) + r.scalar[k];
    nzCPU += i.nonZeroRequests.milliCPU;
    nzMem += i.nonZeroRequests.memory;
    for (const k of i.hostPorts) (usedPorts ??= new Set()).add(k);
  }
  // The hot facts first: they then share the object's first cache line.
  return {
    unschedulable: !!node.spec?.unschedulable,
    podCount: infos.length,
    requestedMilliCPU: requested.milliCPU,
    requestedMemory: requested.memory,
    nonZeroMilliCPU: nzCPU,
    nonZeroMemory: nzMem,
    taints: node.spec?.taints?.length ? node.spec.taints : NO_TAINTS,
    allocatable: facts.allocatable,
    imageStates: facts.imageStates,
    name: node.metadata.name ?? '',
    labels: node.metadata.labels ?? {},
    node,
    pods: infos,
    podsWithAffinity: podInfosWhere(infos, (i) => hasAffinity(i.pod)),
    podsWithRequiredAntiAffinity: podInfosWhere(infos, (i) => i.requiredAntiAffinityTerms.length > 0),
    requested,
    nonZeroRequested: { milliCPU: nzCPU, memory: nzMem },
    usedPorts: usedPorts ?? NO_PORTS,
  };
}
