// A Deployment's status from its ReplicaSets, and the Progressing condition's bookkeeping.
// Kubernetes twins: calculateStatus and syncRolloutStatus's decisions (pkg/controller/deployment/
// sync.go, progress.go), DeploymentComplete / DeploymentProgressing / DeploymentTimedOut.
import type { Frozen } from '../../api/types.js';
import type { Deployment, DeploymentStatus } from '../../api/types/deployment.js';
import { parseTime } from '../shared/pod-state.js';
import { canonicalJson } from './hash.js';
import { AVAILABLE, fromReplicaSetCondition, getCondition, newCondition, PROGRESSING, Reason, REPLICA_FAILURE, removeCondition, setCondition } from './conditions.js';
import { maxUnavailable, replicasOf } from './fenceposts.js';
import { actualTotal, availableTotal, readyTotal, specTotal, type RS } from './replica-set-list.js';

/** Go's MaxInt32 progressDeadlineSeconds means "no deadline", as does none. */
export const hasProgressDeadline = (d: Frozen<Deployment>): boolean => {
  const s = d.spec?.progressDeadlineSeconds;
  return s !== undefined && s !== 2147483647;
};

const n = (v: number | undefined): number => v ?? 0;

/** Drops Go's zero values (omitempty), as the status reads from kube-apiserver. */
function compact(s: DeploymentStatus): DeploymentStatus {
  const out: DeploymentStatus = {};
  for (const [k, v] of Object.entries(s) as [keyof DeploymentStatus, unknown][]) {
    if (v === undefined || v === 0 || (Array.isArray(v) && v.length === 0)) continue;
    (out as Record<string, unknown>)[k] = v;
  }
  if (s.collisionCount !== undefined) out.collisionCount = s.collisionCount;
  return out;
}

/** Counts from the sets, the Deployment's conditions carried over, and Available decided. */
export function calculateStatus(all: readonly (RS | undefined)[], newRS: RS | undefined, d: Frozen<Deployment>, now: number): DeploymentStatus {
  const available = availableTotal(all);
  const unavailable = Math.max(0, specTotal(all) - available);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation,
    replicas: actualTotal(all),
    updatedReplicas: actualTotal([newRS]),
    readyReplicas: readyTotal(all),
    availableReplicas: available,
    unavailableReplicas: unavailable,
    collisionCount: d.status?.collisionCount,
    conditions: structuredClone((d.status?.conditions ?? []) as DeploymentStatus['conditions']),
  };
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(status, newCondition(AVAILABLE, 'True', Reason.MinimumReplicasAvailable, 'Deployment has minimum availability.', now));
  } else {
    setCondition(status, newCondition(AVAILABLE, 'False', Reason.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', now));
  }
  return compact(status);
}

/** Every replica updated and available, and the current spec observed. */
export function deploymentComplete(d: Frozen<Deployment>, s: DeploymentStatus | undefined): boolean {
  const r = replicasOf(d);
  return n(s?.updatedReplicas) === r && n(s?.replicas) === r && n(s?.availableReplicas) === r && n(s?.observedGeneration) >= n(d.metadata.generation);
}

/** More updated, fewer old, more ready or more available pods than last written. */
export function deploymentProgressing(d: Frozen<Deployment>, s: DeploymentStatus): boolean {
  const old = d.status;
  const oldOld = n(old?.replicas) - n(old?.updatedReplicas);
  const newOld = n(s.replicas) - n(s.updatedReplicas);
  return n(s.updatedReplicas) > n(old?.updatedReplicas) || newOld < oldOld || n(s.readyReplicas) > n(old?.readyReplicas) || n(s.availableReplicas) > n(old?.availableReplicas);
}

/** The Progressing condition was last updated more than progressDeadlineSeconds ago. */
export function deploymentTimedOut(d: Frozen<Deployment>, s: DeploymentStatus, now: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s, PROGRESSING);
  if (!c || c.reason === Reason.NewReplicaSetAvailable) return false;
  if (c.reason === Reason.TimedOut) return true;
  const from = parseTime(c.lastUpdateTime);
  return from !== undefined && from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 < now;
}

/** The status syncRolloutStatus writes: counts, Progressing as the rollout stands, ReplicaFailure from the sets. */
export function rolloutStatus(all: readonly (RS | undefined)[], newRS: RS | undefined, d: Frozen<Deployment>, now: number): DeploymentStatus {
  const s = calculateStatus(all, newRS, d, now);
  if (!hasProgressDeadline(d)) removeCondition(s, PROGRESSING);
  const current = getCondition(d.status, PROGRESSING);
  const complete = n(s.replicas) === n(s.updatedReplicas) && current?.reason === Reason.NewReplicaSetAvailable;
  if (hasProgressDeadline(d) && !complete) {
    const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
    if (deploymentComplete(d, s)) {
      setCondition(s, newCondition(PROGRESSING, 'True', Reason.NewReplicaSetAvailable, `${subject} has successfully progressed.`, now));
    } else if (deploymentProgressing(d, s)) {
      // Progress moves lastUpdateTime even with an unchanged reason: that is what the deadline counts from.
      const c = newCondition(PROGRESSING, 'True', Reason.ReplicaSetUpdated, `${subject} is progressing.`, now);
      if (current?.status === 'True') c.lastTransitionTime = current.lastTransitionTime;
      removeCondition(s, PROGRESSING);
      setCondition(s, c);
    } else if (deploymentTimedOut(d, s, now)) {
      setCondition(s, newCondition(PROGRESSING, 'False', Reason.TimedOut, `${subject} has timed out progressing.`, now));
    }
  }
  const failures = replicaFailures(all, newRS);
  if (failures) setCondition(s, failures);
  else removeCondition(s, REPLICA_FAILURE);
  return s;
}

function replicaFailures(all: readonly (RS | undefined)[], newRS: RS | undefined) {
  for (const rs of [newRS, ...all]) {
    const c = rs?.status?.conditions?.find((x) => x.type === REPLICA_FAILURE);
    if (c) return fromReplicaSetCondition(c);
  }
  return undefined;
}

/**
 * When to look again at a rollout that shows no progress, so that the deadline is noticed:
 * lastUpdateTime + progressDeadlineSeconds - now, plus a second. Worked example: updated at
 * 00:00:00, deadline 600 s, now 00:03:00 -> in 7 min 1 s. Undefined when nothing is pending.
 */
export function stuckRequeueMs(d: Frozen<Deployment>, s: DeploymentStatus, now: number): number | undefined {
  const c = getCondition(d.status, PROGRESSING);
  if (!hasProgressDeadline(d) || !c) return undefined;
  if (deploymentComplete(d, s) || c.reason === Reason.TimedOut) return undefined;
  const from = parseTime(c.lastUpdateTime) ?? now;
  const after = from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 - now;
  return after < 1000 ? 1000 : after + 1000;
}

/** Status equality as Go's reflect.DeepEqual on the written form. */
export const sameStatus = (a: DeploymentStatus | undefined, b: DeploymentStatus): boolean => canonicalJson(compact(a ?? {})) === canonicalJson(compact(b));
