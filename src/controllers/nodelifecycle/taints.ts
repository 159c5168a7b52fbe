// The taints the node lifecycle controller keeps on a node, from its conditions: NoExecute
// not-ready / unreachable from Ready (the taint-based eviction pass), and NoSchedule ones from
// every condition and spec.unschedulable (TaintNodeByCondition). Other taints are the user's
// and are never touched. Pure.
// Kubernetes twin: pkg/controller/nodelifecycle/node_lifecycle_controller.go
// (doNoExecuteTaintingPass, doNoScheduleTaintingPass, nodeConditionToTaintKeyStatusMap) and
// controller_utils.go SwapNodeControllerTaint (which stamps timeAdded).
import type { Frozen } from '../../api/types.js';
import type { Node, Taint, TaintEffect } from '../../api/types/node.js';
import { rfc3339 } from '../../clock/clock.js';

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

/** Condition type and status -> the NoSchedule taint it brings. */
const CONDITION_TAINTS: readonly [string, string, string][] = [
  ['Ready', 'False', TAINT_NOT_READY],
  ['Ready', 'Unknown', TAINT_UNREACHABLE],
  ['MemoryPressure', 'True', 'node.kubernetes.io/memory-pressure'],
  ['DiskPressure', 'True', 'node.kubernetes.io/disk-pressure'],
  ['NetworkUnavailable', 'True', 'node.kubernetes.io/network-unavailable'],
  ['PIDPressure', 'True', 'node.kubernetes.io/pid-pressure'],
];

const MANAGED_NO_SCHEDULE = new Set([...CONDITION_TAINTS.map(([, , key]) => key), TAINT_UNSCHEDULABLE]);
const MANAGED_NO_EXECUTE = new Set([TAINT_NOT_READY, TAINT_UNREACHABLE]);

const isManaged = (t: Frozen<Taint>): boolean =>
  (t.effect === 'NoSchedule' && MANAGED_NO_SCHEDULE.has(t.key)) || (t.effect === 'NoExecute' && MANAGED_NO_EXECUTE.has(t.key));

export interface TaintPolicy {
  /**
   * No NoExecute taints at all: every node is not ready, which says more about the control
   * plane's network than about the nodes ("master disruption mode"), so nothing is evicted.
   */
  suppressNoExecute: boolean;
}

/** The managed taints the node should carry, as key and effect. */
export function desiredTaints(node: Frozen<Node>, policy: TaintPolicy): { key: string; effect: TaintEffect }[] {
  const out: { key: string; effect: TaintEffect }[] = [];
  const conditions = node.status?.conditions ?? [];
  for (const [type, status, key] of CONDITION_TAINTS) {
    if (conditions.some((c) => c.type === type && c.status === status)) out.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) out.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  const ready = conditions.find((c) => c.type === 'Ready');
  if (!policy.suppressNoExecute) {
    if (ready?.status === 'False') out.push({ key: TAINT_NOT_READY, effect: 'NoExecute' });
    if (ready?.status === 'Unknown') out.push({ key: TAINT_UNREACHABLE, effect: 'NoExecute' });
  }
  return out;
}

/**
 * The node's taints with the managed ones made to match `desired`: user taints and managed
 * taints already present keep their place and timeAdded; new ones are stamped with now.
 * Answers undefined when nothing changes.
 */
export function nextTaints(node: Frozen<Node>, desired: readonly { key: string; effect: TaintEffect }[], now: number): Taint[] | undefined {
  const current = node.spec?.taints ?? [];
  const wanted = (t: Frozen<Taint>) => desired.some((d) => d.key === t.key && d.effect === t.effect);
  const kept = current.filter((t) => !isManaged(t) || wanted(t));
  const added = desired.filter((d) => !current.some((t) => t.key === d.key && t.effect === d.effect));
  if (kept.length === current.length && added.length === 0) return undefined;
  const stamp = rfc3339(now);
  return [...kept.map((t) => ({ ...t })), ...added.map((d) => ({ key: d.key, effect: d.effect, timeAdded: stamp }))];
}
