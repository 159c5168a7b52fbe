// Deployment conditions: Progressing, Available, ReplicaFailure, with their reasons as real.
// Kubernetes twin: NewDeploymentCondition, SetDeploymentCondition, RemoveDeploymentCondition and
// the reason constants (pkg/controller/deployment/util/deployment_util.go).
import { rfc3339 } from '../../clock/clock.js';
import type { Frozen } from '../../api/types.js';
import type { DeploymentCondition, DeploymentStatus } from '../../api/types/deployment.js';
import type { ReplicaSetCondition } from '../../api/types/replicaset.js';

export const PROGRESSING = 'Progressing';
export const AVAILABLE = 'Available';
export const REPLICA_FAILURE = 'ReplicaFailure';

export const Reason = {
  NewReplicaSet: 'NewReplicaSetCreated',
  FoundNewReplicaSet: 'FoundNewReplicaSet',
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  NewReplicaSetAvailable: 'NewReplicaSetAvailable',
  TimedOut: 'ProgressDeadlineExceeded',
  FailedReplicaSetCreate: 'ReplicaSetCreateError',
  Paused: 'DeploymentPaused',
  Resumed: 'DeploymentResumed',
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
} as const;

export function newCondition(type: string, status: DeploymentCondition['status'], reason: string, message: string, now: number): DeploymentCondition {
  const t = rfc3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

export const getCondition = (s: Frozen<DeploymentStatus> | undefined, type: string): Frozen<DeploymentCondition> | undefined => s?.conditions?.find((c) => c.type === type);

/**
 * Sets a condition. The same status and reason is no change at all (not even lastUpdateTime);
 * the same status with another reason keeps lastTransitionTime.
 */
export function setCondition(s: DeploymentStatus, c: DeploymentCondition): void {
  const current = getCondition(s, c.type);
  if (current && current.status === c.status && current.reason === c.reason) return;
  const next = { ...c };
  if (current && current.status === c.status) next.lastTransitionTime = current.lastTransitionTime;
  s.conditions = [...(s.conditions ?? []).filter((x) => x.type !== c.type), next];
}

export function removeCondition(s: DeploymentStatus, type: string): void {
  if (!s.conditions) return;
  s.conditions = s.conditions.filter((c) => c.type !== type);
  if (s.conditions.length === 0) delete s.conditions;
}

/** A ReplicaSet's ReplicaFailure surfaced on its Deployment. */
export const fromReplicaSetCondition = (c: Readonly<ReplicaSetCondition>): DeploymentCondition => ({
  type: c.type,
  status: c.status,
  lastUpdateTime: c.lastTransitionTime,
  lastTransitionTime: c.lastTransitionTime,
  reason: c.reason,
  message: c.message,
});
