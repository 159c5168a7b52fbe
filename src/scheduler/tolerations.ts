// Whether a pod's tolerations cover a node's taints.
// Kubernetes twins: k8s.io/api/core/v1/toleration.go (ToleratesTaint) and
// pkg/apis/core/v1/helper/helpers.go (FindMatchingUntoleratedTaint).
import type { Taint } from '../api/types/node.js';
import type { Toleration } from '../api/types/pod.js';

/**
 * An empty effect tolerates every effect; an empty key (only valid with Exists) matches every
 * key; the operator defaults to Equal, which compares values; Exists ignores the value.
 */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? '') {
    case '':
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export const tolerates = (tolerations: readonly Toleration[] | undefined, taint: Taint): boolean =>
  (tolerations ?? []).some((t) => toleratesTaint(t, taint));

/** NoSchedule and NoExecute taints keep pods away; PreferNoSchedule only lowers the score. */
export const blocksScheduling = (t: Taint): boolean => t.effect === 'NoSchedule' || t.effect === 'NoExecute';

/** The first taint (in node order) passing `filter` that no toleration covers. */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[] | undefined,
  filter: (t: Taint) => boolean = blocksScheduling,
): Taint | undefined {
  return taints.find((t) => filter(t) && !tolerates(tolerations, t));
}
