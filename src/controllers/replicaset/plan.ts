// The pure decision of a ReplicaSet sync: how many pods to create, which to delete.
// Kubernetes twin: the arithmetic of manageReplicas (pkg/controller/replicaset/replica_set.go).
import type { Frozen } from '../../api/types.js';
import type { Pod } from '../../api/types/pod.js';
import { podsToDelete } from './pod-ranking.js';

/** At most this many creations or deletions per sync (kube-controller-manager's burstReplicas). */
export const BURST_REPLICAS = 500;

export interface ReplicaPlan {
  create: number;
  remove: Frozen<Pod>[];
}

/**
 * `active` are the pods the set controls that count (not terminating, not finished);
 * `related` are the active pods of its sibling sets (same owning Deployment), used to rank.
 * Worked example: replicas 5, 2 active pods -> create 3; replicas 1, 4 active -> delete the 3
 * ranked first; replicas 1000 and none yet -> create 500 now, the rest on a later sync.
 */
export function planReplicas(desired: number, active: readonly Frozen<Pod>[], related: readonly Frozen<Pod>[], now: number, burst = BURST_REPLICAS): ReplicaPlan {
  const diff = active.length - desired;
  if (diff < 0) return { create: Math.min(-diff, burst), remove: [] };
  if (diff > 0) return { create: 0, remove: podsToDelete(active, related, Math.min(diff, burst), now) };
  return { create: 0, remove: [] };
}
