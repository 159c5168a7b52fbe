// A frozen view of the cluster for one scheduling cycle, built from plain Node and Pod objects.
// Kubernetes twins: pkg/scheduler/backend/cache/snapshot.go (Snapshot) and node_tree.go (nodes
// listed zone by zone, round-robin, so a partial search window spans zones).
import type { Node } from '../api/types/node.js';
import type { Pod } from '../api/types/pod.js';
import type { LabelSelector } from '../api/types.js';
import { newSharedFacts, nodeFactsOf, nodeInfoOf, podInfoOf, type NodeInfo } from './node-info.js';

/** A Service's selector, or a controller owning pods (ReplicaSet, StatefulSet, ReplicationController). */
export interface ServiceSelector {
  readonly namespace: string;
  readonly selector: Readonly<Record<string, string>>;
}
export interface ControllerSelector {
  readonly kind: 'ReplicaSet' | 'StatefulSet' | 'ReplicationController';
  readonly namespace: string;
  readonly name: string;
  /** ReplicaSet/StatefulSet: a LabelSelector; ReplicationController: a map, given as matchLabels. */
  readonly selector: LabelSelector;
}
/** What preemption reads of a PodDisruptionBudget. */
export interface DisruptionBudget {
  readonly namespace: string;
  readonly selector?: LabelSelector;
  readonly disruptionsAllowed: number;
  /** Names of pods already being disrupted (status.disruptedPods keys). */
  readonly disruptedPods?: readonly string[];
}
export interface PriorityClassInfo {
  readonly name: string;
  readonly value: number;
  readonly preemptionPolicy?: string;
}

export interface SnapshotInput {
  readonly nodes: readonly Node[];
  readonly pods: readonly Pod[];
  /** Namespace name -> its labels (for namespaceSelector in pod affinity terms). */
  readonly namespaceLabels?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly services?: readonly ServiceSelector[];
  readonly controllers?: readonly ControllerSelector[];
  readonly pdbs?: readonly DisruptionBudget[];
  readonly priorityClasses?: readonly PriorityClassInfo[];
  /** Pending pods with status.nominatedNodeName: the room they were promised (see nominated-pods.ts). */
  readonly nominatedPods?: readonly Pod[];
}

export interface Snapshot {
  /** NodeInfos in NodeTree order: one node per zone in turn. */
  readonly nodes: readonly NodeInfo[];
  get(name: string): NodeInfo | undefined;
  readonly havePodsWithAffinity: readonly NodeInfo[];
  readonly havePodsWithRequiredAntiAffinity: readonly NodeInfo[];
  readonly input: SnapshotInput;
  /** Node name -> position in `nodes`; shared by snapshots over the same node order. */
  readonly nodeIndex: ReadonlyMap<string, number>;
  namespaceLabels(namespace: string): Readonly<Record<string, string>> | undefined;
}

/** Succeeded and Failed pods hold nothing: the scheduler's pod informer leaves them out. */
const isTerminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** NodeTree's zone key: region + ":\x00:" + zone, from the GA labels or the beta ones. */
export function zoneKey(labels: Readonly<Record<string, string>> | undefined): string {
  const l = labels ?? {};
  const zone = l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\x00:${zone}`;
}

/**
 * Zones in order of first appearance; nodes within a zone in input order; the list takes one
 * node from each zone in turn. Example: a1 a2 b1 a3 b2 (zones a, b) lists a1 b1 a2 b2 a3.
 */
export function nodeTreeOrder<T>(items: readonly T[], labelsOf: (t: T) => Readonly<Record<string, string>> | undefined): T[] {
  const zones = new Map<string, T[]>();
  for (const it of items) {
    const k = zoneKey(labelsOf(it));
    const list = zones.get(k) ?? [];
    if (list.length === 0) zones.set(k, list);
    list.push(it);
  }
  const out: T[] = [];
  const lists = [...zones.values()];
  for (let i = 0; out.length < items.length; i++) for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

function imageNodeCounts(nodes: readonly Node[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const n of nodes) {
    const names = new Set((n.status?.images ?? []).flatMap((i) => i.names ?? []));
    for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return counts;
}

/** How a snapshot derived from another works out its affinity lists from that one's. */
interface DerivedLists {
  readonly affinity: () => NodeInfo[];
  readonly anti: () => NodeInfo[];
}

/**
 * A Snapshot as a class: one hidden class for every snapshot, so that `snapshot.nodes` and the
 * like stay monomorphic in the plugins that read them per node. (An object literal with its own
 * getters got a map of its own per snapshot, and the old-space maps kept every young snapshot
 * of the chain alive through minor GCs: a scheduler assuming pods spent more time in the
 * scavenger than in the filters.)
 */
class NodeSnapshot implements Snapshot {
  #withAffinity: NodeInfo[] | undefined;
  #withAnti: NodeInfo[] | undefined;
  /**
   * Derived lists are taken from the previous snapshot once, both at once, and the reference to
   * it dropped: a chain of assumed snapshots must not keep every older one alive.
   */
  #from: DerivedLists | undefined;

  constructor(
    readonly nodes: readonly NodeInfo[],
    readonly input: SnapshotInput,
    readonly nodeIndex: ReadonlyMap<string, number>,
    derive: DerivedLists | undefined,
  ) {
    this.#from = derive;
  }

  get(name: string): NodeInfo | undefined {
    const k = this.nodeIndex.get(name);
    return k === undefined ? undefined : this.nodes[k];
  }

  get havePodsWithAffinity(): readonly NodeInfo[] {
    this.#settle();
    return (this.#withAffinity ??= this.nodes.filter((i) => i.podsWithAffinity.length > 0));
  }

  get havePodsWithRequiredAntiAffinity(): readonly NodeInfo[] {
    this.#settle();
    return (this.#withAnti ??= this.nodes.filter((i) => i.podsWithRequiredAntiAffinity.length > 0));
  }

  namespaceLabels(namespace: string): Readonly<Record<string, string>> | undefined {
    return this.input.namespaceLabels?.[namespace];
  }

  #settle(): void {
    const from = this.#from;
    if (!from) return;
    this.#withAffinity = from.affinity();
    this.#withAnti = from.anti();
    this.#from = undefined;
  }
}

/**
 * A snapshot over NodeInfos already built and ordered (the scheduler cache's way). `index` may be
 * passed when the node order is that of an earlier snapshot; the affinity lists are computed on
 * first use, so a cycle that never asks for them costs nothing for them.
 */
export function snapshotFromNodeInfos(
  infos: readonly NodeInfo[],
  input: SnapshotInput,
  index?: ReadonlyMap<string, number>,
  derive?: DerivedLists,
): Snapshot {
  return new NodeSnapshot(infos, input, index ?? new Map(infos.map((i, k) => [i.name, k])), derive);
}

/** Builds the snapshot: pods are grouped by spec.nodeName; pods on unknown nodes are ignored. */
export function buildSnapshot(input: SnapshotInput): Snapshot {
  const podsByNode = new Map<string, Pod[]>();
  for (const p of input.pods) {
    const n = p.spec.nodeName;
    if (!n || isTerminal(p)) continue;
    const list = podsByNode.get(n) ?? [];
    if (list.length === 0) podsByNode.set(n, list);
    list.push(p);
  }
  const counts = imageNodeCounts(input.nodes);
  const shared = newSharedFacts();
  const ordered = nodeTreeOrder(input.nodes, (n) => n.metadata.labels);
  const infos = ordered.map((n) => nodeInfoOf(n, (podsByNode.get(n.metadata.name ?? '') ?? []).map(podInfoOf), nodeFactsOf(n, counts, shared)));
  return snapshotFromNodeInfos(infos, input);
}

/**
 * The same snapshot (same nodes, same order) with some nodes' NodeInfos replaced by newer ones,
 * and `input` if given. The node list is copied, not rebuilt, and the affinity lists follow
 * from the previous snapshot's rather than from a scan of every node.
 */
export function withNodeInfos(snapshot: Snapshot, changed: readonly NodeInfo[], input: SnapshotInput = snapshot.input): Snapshot {
  // Settle the previous snapshot's lists now, so that it lets go of its own predecessor: a
  // cycle that never reads them (a profile without InterPodAffinity) must not leave a chain of
  // every snapshot ever taken behind it.
  void snapshot.havePodsWithAffinity;
  void snapshot.havePodsWithRequiredAntiAffinity;
  const index = snapshot.nodeIndex;
  const infos = snapshot.nodes.slice();
  const replaced = new Map<string, { readonly k: number; readonly info: NodeInfo }>();
  for (const info of changed) {
    const k = index.get(info.name);
    if (k === undefined) continue; // not a node of this snapshot: the caller builds a new one instead
    infos[k] = info;
    replaced.set(info.name, { k, info });
  }
  const byPosition = [...replaced.values()].sort((a, b) => a.k - b.k);
  // previous minus the replaced nodes, plus those of their new infos that belong, in node order.
  const adjust = (previous: readonly NodeInfo[], has: (i: NodeInfo) => boolean): NodeInfo[] => {
    const added = byPosition.filter((r) => has(r.info));
    const out: NodeInfo[] = [];
    let j = 0;
    for (const i of previous) {
      if (replaced.has(i.name)) continue;
      if (j < added.length) {
        const k = index.get(i.name)!;
        while (j < added.length && added[j].k < k) out.push(added[j++].info);
      }
      out.push(i);
    }
    while (j < added.length) out.push(added[j++].info);
    return out;
  };
  return snapshotFromNodeInfos(infos, input, index, {
    affinity: () => adjust(snapshot.havePodsWithAffinity, (i) => i.podsWithAffinity.length > 0),
    anti: () => adjust(snapshot.havePodsWithRequiredAntiAffinity, (i) => i.podsWithRequiredAntiAffinity.length > 0),
  });
}

/** The same snapshot with one node's pods replaced (preemption's "what if these pods left"). */
export function withNodePods(snapshot: Snapshot, nodeName: string, pods: readonly Pod[]): Snapshot {
  const old = snapshot.get(nodeName);
  if (!old) return snapshot;
  // The node set is unchanged, so its allocatable and image counts are the ones it already has;
  // the pods it already holds keep their PodInfos.
  const known = new Map(old.pods.map((i) => [i.pod, i]));
  return withNodeInfos(snapshot, [nodeInfoOf(old.node, pods.map((p) => known.get(p) ?? podInfoOf(p)), old)]);
}

/** The snapshot after `pod` is assumed onto `nodeName` (the caller's assume step, or a test's). */
export function assumePod(snapshot: Snapshot, pod: Pod, nodeName: string): Snapshot {
  const node = snapshot.get(nodeName);
  if (!node) return snapshot;
  const bound: Pod = { ...pod, spec: { ...pod.spec, nodeName } };
  return withNodePods(snapshot, nodeName, [...node.pods.map((p) => p.pod), bound]);
}
