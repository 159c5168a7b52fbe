// A ReplicaSet's status from the pods it controls, and the ReplicaFailure condition.
// Kubernetes twin: calculateStatus and updateReplicaSetStatus
// (pkg/controller/replicaset/replica_set_utils.go).
import { rfc3339 } from '../../clock/clock.js';
import type { Frozen } from '../../api/types.js';
import type { Pod } from '../../api/types/pod.js';
import type { ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from '../../api/types/replicaset.js';
import { isAvailable, podFacts } from '../shared/pod-state.js';
import { selectorForLabels } from '../shared/selector.js';

export const REPLICA_FAILURE = 'ReplicaFailure';

export interface ManageError {
  /** The first error met creating or deleting pods. */
  error: unknown;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function hasAllLabels(pod: Frozen<Pod>, wanted: readonly (readonly [string, string])[]): boolean {
  const have = pod.metadata.labels ?? {};
  for (const [k, v] of wanted) if (have[k] !== v) return false;
  return true;
}

/**
 * The status to write. Go's zero values are omitted (omitempty), as kube-apiserver shows them:
 * `replicas` is always there, the other counts only when non-zero.
 */
export function replicaSetStatus(rs: Frozen<ReplicaSet>, pods: readonly Frozen<Pod>[], failure: ManageError | undefined, now: number): ReplicaSetStatus {
  const labels = rs.spec?.template?.metadata?.labels;
  const templateLabels = Object.entries(labels ?? {});
  const templateSelector = labels ? selectorForLabels(labels) : undefined;
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let fully = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    const facts = podFacts(pod);
    if (templateSelector ? facts.matches(templateSelector) : hasAllLabels(pod, templateLabels)) fully++;
    if (!facts.ready) continue;
    ready++;
    if (isAvailable(facts, minReady, now)) available++;
  }
  let conditions = (rs.status?.conditions ?? []) as ReplicaSetCondition[];
  const current = conditions.find((c) => c.type === REPLICA_FAILURE);
  if (failure && !current) {
    const diff = pods.length - (rs.spec?.replicas ?? 1);
    const reason = diff < 0 ? 'FailedCreate' : 'FailedDelete';
    conditions = [...conditions, { type: REPLICA_FAILURE, status: 'True', lastTransitionTime: rfc3339(now), reason, message: messageOf(failure.error) }];
  } else if (!failure && current) {
    conditions = conditions.filter((c) => c.type !== REPLICA_FAILURE);
  }
  const status: ReplicaSetStatus = { replicas: pods.length };
  if (fully) status.fullyLabeledReplicas = fully;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  if (conditions.length > 0) status.conditions = conditions;
  return status;
}

const n = (v: number | undefined): number => v ?? 0;

/** Go skips the write when the counts, observedGeneration and conditions are all unchanged. */
export function statusUnchanged(rs: Frozen<ReplicaSet>, next: ReplicaSetStatus): boolean {
  const s = rs.status;
  return (
    n(s?.replicas) === next.replicas &&
    n(s?.fullyLabeledReplicas) === n(next.fullyLabeledReplicas) &&
    n(s?.readyReplicas) === n(next.readyReplicas) &&
    n(s?.availableReplicas) === n(next.availableReplicas) &&
    n(rs.metadata.generation) === n(s?.observedGeneration) &&
    JSON.stringify(s?.conditions ?? []) === JSON.stringify(next.conditions ?? [])
  );
}
