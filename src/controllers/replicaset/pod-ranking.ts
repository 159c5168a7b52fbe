// Which pods a ReplicaSet deletes first when it has too many.
// Kubernetes twin: ActivePodsWithRanks.Less and getPodsRankedByRelatedPodsOnSameNode
// (pkg/controller/controller_utils.go, pkg/controller/replicaset/replica_set.go), with the
// PodDeletionCost and LogarithmicScaleDown behaviour that is on by default.
import type { Frozen } from '../../api/types.js';
import type { Pod } from '../../api/types/pod.js';
import { podFacts } from '../shared/pod-state.js';

export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

export interface RankedPod {
  pod: Frozen<Pod>;
  /** Active related pods on the same node: more means delete first (spreads what stays). */
  rank: number;
}

/**
 * What the comparison reads of one pod, read once before sorting: a sort of 1,000 pods makes
 * some 20,000 comparisons, and each would otherwise search condition lists and parse times.
 */
interface SortKey {
  pod: Frozen<Pod>;
  rank: number;
  nodeName: string;
  phaseOrder: number;
  ready: boolean;
  deletionCost: number;
  uid: string;
  readySince: number | undefined;
  /** logBucket of readySince at `now`. */
  readyBucket: number;
  maxRestarts: number;
  created: number | undefined;
  /** logBucket of created at `now`. */
  createdBucket: number;
}

function deletionCost(pod: Frozen<Pod>): number {
  const raw = pod.metadata.annotations?.[POD_DELETION_COST];
  if (raw === undefined || !/^[+-]?\d+$/.test(raw)) return 0;
  const n = Number(raw);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

/**
 * Go's logarithmicRankDiff: ages bucketed by floor(log2(nanoseconds)), so pods of similar age
 * tie and are then ordered by uid (a stable, arbitrary pick). Worked example: ages 3 s and 5 s
 * are 3e9 ns (bucket 31) and 5e9 ns (bucket 32): the 3 s one ranks first.
 */
function logBucket(t: number | undefined, now: number): number {
  if (t === undefined) return -1;
  const ageNs = (now - t) * 1e6;
  return ageNs > 0 ? Math.floor(Math.log2(ageNs)) : -1;
}

function sortKey({ pod, rank }: RankedPod, now: number): SortKey {
  const facts = podFacts(pod);
  const created = facts.createdAt;
  return {
    pod,
    rank,
    nodeName: pod.spec.nodeName ?? '',
    phaseOrder: PHASE_ORDER[pod.status?.phase ?? ''] ?? 0,
    ready: facts.ready,
    deletionCost: deletionCost(pod),
    uid: pod.metadata.uid ?? '',
    readySince: facts.readySince,
    readyBucket: logBucket(facts.readySince, now),
    maxRestarts: facts.maxRestarts,
    created,
    createdBucket: logBucket(created, now),
  };
}

/** Go's afterOrZero: a zero time first, then the later time first. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

/** Compares by time with logarithmic buckets; undefined when both are equal (go on to the next rule). */
function byTime(a: number | undefined, b: number | undefined, bucketA: number, bucketB: number, ua: string, ub: string): boolean | undefined {
  if (a === b) return undefined;
  if (a === undefined || b === undefined) return afterOrZero(a, b);
  const diff = bucketA - bucketB;
  if (diff === 0) return ua < ub;
  return diff < 0;
}

/** True when `a` should be deleted before `b`. */
function keyBefore(a: SortKey, b: SortKey): boolean {
  const na = a.nodeName;
  const nb = b.nodeName;
  // 1. Unassigned before assigned.
  if (na !== nb && (na === '' || nb === '')) return na === '';
  // 2. Pending before Unknown before Running.
  if (a.phaseOrder !== b.phaseOrder) return a.phaseOrder < b.phaseOrder;
  // 3. Not ready before ready.
  if (a.ready !== b.ready) return !a.ready;
  // 4. Lower pod-deletion-cost first.
  if (a.deletionCost !== b.deletionCost) return a.deletionCost < b.deletionCost;
  // 5. Doubled up on a node before alone.
  if (a.rank !== b.rank) return a.rank > b.rank;
  // 6. Ready for less time first.
  if (a.ready) {
    const t = byTime(a.readySince, b.readySince, a.readyBucket, b.readyBucket, a.uid, b.uid);
    if (t !== undefined) return t;
  }
  // 7. More container restarts first.
  if (a.maxRestarts !== b.maxRestarts) return a.maxRestarts > b.maxRestarts;
  // 8. Newer first.
  return byTime(a.created, b.created, a.createdBucket, b.createdBucket, a.uid, b.uid) ?? false;
}

/** Ranks each pod by the active related pods (of the same owner family) sharing its node. */
export function rankByRelatedPodsOnNode(pods: readonly Frozen<Pod>[], related: readonly Frozen<Pod>[]): RankedPod[] {
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!podFacts(p).active) continue;
    const node = p.spec.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  return pods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
}

/** The `count` pods to delete, in deletion order (all of them, unsorted, when count covers them all). */
export function podsToDelete(pods: readonly Frozen<Pod>[], related: readonly Frozen<Pod>[], count: number, now: number): Frozen<Pod>[] {
  if (count >= pods.length) return [...pods];
  const keys = rankByRelatedPodsOnNode(pods, related).map((r) => sortKey(r, now));
  keys.sort((a, b) => (keyBefore(a, b) ? -1 : keyBefore(b, a) ? 1 : 0));
  return keys.slice(0, count).map((k) => k.pod);
}
