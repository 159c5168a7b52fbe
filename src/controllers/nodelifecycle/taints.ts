// The taints the node lifecycle controller keeps on a node, from its conditions: NoSchedule ones
// from every condition and spec.unschedulable (TaintNodeByCondition), and the NoExecute
// not-ready / unreachable pair (the taint-based eviction pass, which decides when). Other taints
// are the user's and are never touched. Pure.
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

/** The NoExecute taints that make the taint eviction controller evict: one of the two at a time. */
export const NO_EXECUTE_KEYS = [TAINT_NOT_READY, TAINT_UNREACHABLE] as const;
export type NoExecuteKey = (typeof NO_EXECUTE_KEYS)[number];

const isManagedNoSchedule = (t: Frozen<Taint>): boolean => t.effect === 'NoSchedule' && MANAGED_NO_SCHEDULE.has(t.key);

export const hasNoExecuteTaint = (node: Frozen<Node>, key: NoExecuteKey): boolean =>
  (node.spec?.taints ?? []).some((t) => t.key === key && t.effect === 'NoExecute');

/** The NoSchedule taints the node should carry from its conditions and spec.unschedulable, as key and effect. */
export function desiredTaints(node: Frozen<Node>): { key: string; effect: TaintEffect }[] {
  const out: { key: string; effect: TaintEffect }[] = [];
  const conditions = node.status?.conditions ?? [];
  for (const [type, status, key] of CONDITION_TAINTS) {
    if (conditions.some((c) => c.type === type && c.status === status)) out.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) out.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  return out;
}

/**
 * The node's taints with the managed NoSchedule ones made to match `desired`: user taints, the
 * NoExecute ones (kept by the eviction pass) and managed taints already present keep their
 * place and timeAdded; new ones are stamped with now. Answers undefined when nothing changes.
 */
export function nextTaints(node: Frozen<Node>, desired: readonly { key: string; effect: TaintEffect }[], now: number): Taint[] | undefined {
  const current = node.spec?.taints ?? [];
  const wanted = (t: Frozen<Taint>) => desired.some((d) => d.key === t.key && d.effect === t.effect);
  const kept = current.filter((t) => !isManagedNoSchedule(t) || wanted(t));
  const added = desired.filter((d) => !current.some((t) => t.key === d.key && t.effect === d.effect));
  if (kept.length === current.length && added.length === 0) return undefined;
  const stamp = rfc3339(now);
  return [...kept.map((t) => ({ ...t })), ...added.map((d) => ({ key: d.key, effect: d.effect, timeAdded: stamp }))];
}

/**
 * The node's taints with `add` as its one NoExecute eviction taint (none when undefined): the
 * other removed, `add` stamped with now unless already there. Undefined when nothing changes.
 * As Go's SwapNodeControllerTaint (and RemoveTaintOffNode for both when `add` is undefined).
 */
export function swapNoExecuteTaint(node: Frozen<Node>, add: NoExecuteKey | undefined, now: number): Taint[] | undefined {
  const current = node.spec?.taints ?? [];
  const isOther = (t: Frozen<Taint>) => t.effect === 'NoExecute' && (NO_EXECUTE_KEYS as readonly string[]).includes(t.key) && t.key !== add;
  const kept = current.filter((t) => !isOther(t));
  const missing = add !== undefined && !hasNoExecuteTaint(node, add);
  if (kept.length === current.length && !missing) return undefined;
  const out: Taint[] = kept.map((t) => ({ ...t }));
  if (missing) out.push({ key: add, effect: 'NoExecute', timeAdded: rfc3339(now) });
  return out;
}
