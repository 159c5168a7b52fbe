// Twin of pkg/scheduler/framework/plugins/tainttoleration: Filter rejects a node with a NoSchedule
// or NoExecute taint the pod does not tolerate; Score prefers nodes with fewer untolerated
// PreferNoSchedule taints.
import type { Taint } from '../../api/types/node.js';
import type { Toleration } from '../../api/types/pod.js';
import { defaultNormalizeScoreInPlace, skip, StateKey, success, unresolvable, type Plugin } from '../framework.js';
import { findUntoleratedTaint, tolerates } from '../tolerations.js';

export const NAME = 'TaintToleration';
/** User-visible in FailedScheduling events: byte-equal to kube-scheduler's. */
export const untoleratedTaintReason = (t: Taint): string => `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`;

const preScoreKey = new StateKey<readonly Toleration[]>(`PreScore${NAME}`);

/** Only tolerations that could cover a PreferNoSchedule taint (effect empty or PreferNoSchedule) count. */
const preferNoScheduleTolerations = (ts: readonly Toleration[] | undefined) =>
  (ts ?? []).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');

export const taintToleration: Plugin = {
  name: NAME,
  filter(pod, node) {
    if (node.taints.length === 0) return success; // most nodes: nothing to look for
    const taint = findUntoleratedTaint(node.taints, pod.spec.tolerations);
    return taint ? unresolvable(untoleratedTaintReason(taint)) : success;
  },
  preScore(pod, nodes, state) {
    if (nodes.length === 0) return skip;
    state.write(preScoreKey, preferNoScheduleTolerations(pod.spec.tolerations));
    return success;
  },
  /** The number of PreferNoSchedule taints nothing tolerates; normalised in reverse. */
  score(pod, node, state) {
    if (node.taints.length === 0) return 0;
    const tolerations = state.read(preScoreKey) ?? preferNoScheduleTolerations(pod.spec.tolerations);
    return node.taints.filter((t) => t.effect === 'PreferNoSchedule' && !tolerates(tolerations, t)).length;
  },
  /** Example: counts [0, 1, 2] -> [100, 50, 0]. */
  normalizeScores: (scores) => defaultNormalizeScoreInPlace(scores, true),
};
