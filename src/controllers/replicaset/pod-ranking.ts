// Which pods a ReplicaSet deletes first when it has too many.
// Kubernetes twin: ActivePodsWithRanks.Less and getPodsRankedByRelatedPodsOnSameNode
// (pkg/controller/controller_utils.go, pkg/controller/replicaset/replica_set.go), with the
// PodDeletionCost and LogarithmicScaleDown behaviour that is on by default.
import type { Frozen } from '../../api/types.js';
import type { Pod } from '../../api/types/pod.js';
import { isPodActive, isPodReady, parseTime, podReadySince } from '../shared/pod-state.js';

export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

export interface RankedPod {
  pod: Frozen<Pod>;
  /** Active related pods on the same node: more means delete first (spreads what stays). */
  rank: number;
}

function deletionCost(pod: Frozen<Pod>): number {
  const raw = pod.metadata.annotations?.[POD_DELETION_COST];
  if (raw === undefined || !/^[+-]?\d+$/.test(raw)) return 0;
  const n = Number(raw);
  return n >= -2147483648 && n <= 2147483647 ? n : 0;
}

const maxRestarts = (pod: Frozen<Pod>): number => Math.max(0, ...(pod.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));

/**
 * Go's logarithmicRankDiff: ages bucketed by floor(log2(nanoseconds)), so pods of similar age
 * tie and are then ordered by uid (a stable, arbitrary pick). Worked example: ages 3 s and 5 s
 * are 3e9 ns (bucket 31) and 5e9 ns (bucket 32): the 3 s one ranks first.
 */
function logBucket(t: number, now: number): number {
  const ageNs = (now - t) * 1e6;
  return ageNs > 0 ? Math.floor(Math.log2(ageNs)) : -1;
}

/** Go's afterOrZero: a zero time first, then the later time first. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

/** Compares by time with logarithmic buckets; undefined when both are equal (go on to the next rule). */
function byTime(a: number | undefined, b: number | undefined, ua: string, ub: string, now: number): boolean | undefined {
  if (a === b) return undefined;
  if (a === undefined || b === undefined) return afterOrZero(a, b);
  const diff = logBucket(a, now) - logBucket(b, now);
  if (diff === 0) return ua < ub;
  return diff < 0;
}

/** True when `a` should be deleted before `b`. */
export function deleteBefore(a: RankedPod, b: RankedPod, now: number): boolean {
  const [pa, pb] = [a.pod, b.pod];
  const na = pa.spec.nodeName ?? '';
  const nb = pb.spec.nodeName ?? '';
  // 1. Unassigned before assigned.
  if (na !== nb && (na === '' || nb === '')) return na === '';
  // 2. Pending before Unknown before Running.
  const oa = PHASE_ORDER[pa.status?.phase ?? ''] ?? 0;
  const ob = PHASE_ORDER[pb.status?.phase ?? ''] ?? 0;
  if (oa !== ob) return oa < ob;
  // 3. Not ready before ready.
  const ra = isPodReady(pa);
  if (ra !== isPodReady(pb)) return !ra;
  // 4. Lower pod-deletion-cost first.
  const ca = deletionCost(pa);
  const cb = deletionCost(pb);
  if (ca !== cb) return ca < cb;
  // 5. Doubled up on a node before alone.
  if (a.rank !== b.rank) return a.rank > b.rank;
  const ua = pa.metadata.uid ?? '';
  const ub = pb.metadata.uid ?? '';
  // 6. Ready for less time first.
  if (ra) {
    const t = byTime(podReadySince(pa), podReadySince(pb), ua, ub, now);
    if (t !== undefined) return t;
  }
  // 7. More container restarts first.
  const xa = maxRestarts(pa);
  const xb = maxRestarts(pb);
  if (xa !== xb) return xa > xb;
  // 8. Newer first.
  const t = byTime(parseTime(pa.metadata.creationTimestamp), parseTime(pb.metadata.creationTimestamp), ua, ub, now);
  return t ?? false;
}

/** Ranks each pod by the active related pods (of the same owner family) sharing its node. */
export function rankByRelatedPodsOnNode(pods: readonly Frozen<Pod>[], related: readonly Frozen<Pod>[]): RankedPod[] {
  const onNode = new Map<string, number>();
  for (const p of related) {
    if (!isPodActive(p)) continue;
    const node = p.spec.nodeName ?? '';
    onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  return pods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
}

/** The `count` pods to delete, in deletion order (all of them, unsorted, when count covers them all). */
export function podsToDelete(pods: readonly Frozen<Pod>[], related: readonly Frozen<Pod>[], count: number, now: number): Frozen<Pod>[] {
  if (count >= pods.length) return [...pods];
  const ranked = rankByRelatedPodsOnNode(pods, related);
  ranked.sort((a, b) => (deleteBefore(a, b, now) ? -1 : deleteBefore(b, a, now) ? 1 : 0));
  return ranked.slice(0, count).map((r) => r.pod);
}
