// When a pod on a node with NoExecute taints must go: at once if some taint is not tolerated;
// after the shortest tolerationSeconds among the tolerations that let it stay; never if they
// all tolerate forever. Pure.
// Kubernetes twins: pkg/controller/tainteviction/taint_eviction.go (processPodOnNode,
// getMinTolerationTime) and k8s.io/api/core/v1 Toleration.ToleratesTaint.
import type { Frozen } from '../../api/types.js';
import type { Taint } from '../../api/types/node.js';
import type { Toleration } from '../../api/types/pod.js';

/** Toleration.ToleratesTaint: effect (empty matches all), key (empty with Exists matches all), operator. */
export function tolerates(t: Frozen<Toleration>, taint: Frozen<Taint>): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  const operator = t.operator || 'Equal';
  if (operator === 'Exists') return true;
  return operator === 'Equal' && (t.value ?? '') === (taint.value ?? '');
}

export const noExecuteTaints = (taints: readonly Frozen<Taint>[] | undefined): Frozen<Taint>[] => (taints ?? []).filter((t) => t.effect === 'NoExecute');

/** The pod's fate on a node with these NoExecute taints. */
export type EvictionVerdict =
  | { kind: 'stay' }
  | { kind: 'now' }
  /** Delete `afterMs` after the controller first saw the pod threatened. */
  | { kind: 'after'; afterMs: number };

export function evictionVerdict(tolerations: readonly Frozen<Toleration>[] | undefined, taints: readonly Frozen<Taint>[]): EvictionVerdict {
  if (taints.length === 0) return { kind: 'stay' };
  let minSeconds = Infinity;
  for (const taint of taints) {
    // The first toleration matching each taint is the one that counts, as GetMatchingTolerations.
    const match = (tolerations ?? []).find((t) => tolerates(t, taint));
    if (!match) return { kind: 'now' };
    const s = match.tolerationSeconds;
    if (s === undefined || s === null) continue;
    minSeconds = Math.min(minSeconds, Math.max(0, s));
  }
  if (minSeconds === Infinity) return { kind: 'stay' };
  return minSeconds <= 0 ? { kind: 'now' } : { kind: 'after', afterMs: minSeconds * 1000 };
}
