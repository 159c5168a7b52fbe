// Node health as the node lifecycle controller judges it: the last time it heard from the
// kubelet (a newer Ready heartbeat or a newer Lease renewTime), and, once that is older than
// the grace period, every kubelet condition turned Unknown. Pure.
// Kubernetes twin: pkg/controller/nodelifecycle/node_lifecycle_controller.go (tryUpdateNodeHealth).
import type { Frozen } from '../../api/types.js';
import type { Lease } from '../../api/types/lease.js';
import type { Node, NodeCondition } from '../../api/types/node.js';
import { rfc3339 } from '../../clock/clock.js';

export const NODE_STATUS_UNKNOWN = 'NodeStatusUnknown';
export const NODE_STATUS_UNKNOWN_MESSAGE = 'Kubelet stopped posting node status.';
export const NODE_STATUS_NEVER_UPDATED = 'NodeStatusNeverUpdated';
export const NODE_STATUS_NEVER_UPDATED_MESSAGE = 'Kubelet never posted node status.';

/** The conditions the kubelet owns; all go Unknown together when it falls silent. */
export const KUBELET_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;

/**
 * What the controller remembers of a node between passes. `probeMs` is the controller's own
 * clock reading when it last saw a sign of life, so that skew between the kubelet's clock and
 * ours never matters (as nodeHealthData.probeTimestamp).
 */
export interface NodeHealth {
  probeMs: number;
  readyHeartbeat: string;
  readyStatus: string;
  leaseRenewTime: string;
}

export const readyCondition = (node: Frozen<Node>): Frozen<NodeCondition> | undefined =>
  node.status?.conditions?.find((c) => c.type === 'Ready');

/** Moves `probeMs` to now when the Ready heartbeat, Ready status or the Lease changed since last seen. */
export function observeHealth(previous: NodeHealth | undefined, node: Frozen<Node>, lease: Frozen<Lease> | undefined, now: number): NodeHealth {
  const ready = readyCondition(node);
  const seen: NodeHealth = {
    probeMs: now,
    readyHeartbeat: ready?.lastHeartbeatTime ?? '',
    readyStatus: ready?.status ?? '',
    leaseRenewTime: lease?.spec?.renewTime ?? '',
  };
  if (!previous) return seen;
  const statusChanged = seen.readyHeartbeat !== previous.readyHeartbeat || seen.readyStatus !== previous.readyStatus;
  // A renewTime is compared as text: RFC 3339 with fixed precision sorts as time does.
  const leaseRenewed = seen.leaseRenewTime > previous.leaseRenewTime;
  if (statusChanged || leaseRenewed) return seen;
  return { ...previous, readyHeartbeat: seen.readyHeartbeat, readyStatus: seen.readyStatus };
}

/** True once the controller has not heard from the node for the grace period. */
export const silentTooLong = (health: NodeHealth, now: number, gracePeriodMs: number): boolean => now - health.probeMs >= gracePeriodMs;

/**
 * The node's conditions once its kubelet fell silent: each kubelet condition Unknown, keeping
 * its last heartbeat, with a transition time of now when it changes. Answers undefined when
 * nothing needs writing (all already Unknown).
 */
export function unknownConditions(node: Frozen<Node>, now: number): NodeCondition[] | undefined {
  const current = node.status?.conditions ?? [];
  const stamp = rfc3339(now);
  let changed = false;
  const next: NodeCondition[] = current.map((c) => ({ ...c }));
  for (const type of KUBELET_CONDITIONS) {
    const c = next.find((x) => x.type === type);
    if (!c) {
      changed = true;
      next.push({
        type,
        status: 'Unknown',
        reason: NODE_STATUS_NEVER_UPDATED,
        message: NODE_STATUS_NEVER_UPDATED_MESSAGE,
        lastHeartbeatTime: node.metadata.creationTimestamp,
        lastTransitionTime: stamp,
      });
    } else if (c.status !== 'Unknown') {
      changed = true;
      Object.assign(c, { status: 'Unknown', reason: NODE_STATUS_UNKNOWN, message: NODE_STATUS_UNKNOWN_MESSAGE, lastTransitionTime: stamp });
    }
  }
  return changed ? next : undefined;
}
