// The annotations a Deployment keeps on its ReplicaSets: revision, revision-history,
// desired-replicas, max-replicas, plus the Deployment's own annotations copied over.
// Kubernetes twin: SetNewReplicaSetAnnotations, SetReplicasAnnotations, SetDeploymentRevision,
// copyDeploymentAnnotationsToReplicaSet (pkg/controller/deployment/util/deployment_util.go).
import type { Frozen, ObjectMeta } from '../../api/types.js';
import type { Deployment } from '../../api/types/deployment.js';
import { maxSurge, replicasOf } from './fenceposts.js';
import { REVISION, revisionOf } from './replica-set-list.js';

export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';
/** kube-controller-manager's default cap on revision-history's length. */
export const MAX_REVISION_HISTORY_CHARS = 2000;

const NOT_COPIED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  REVISION_HISTORY,
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  'deprecated.deployment.rollback.to',
]);

type Annotated = { metadata: ObjectMeta };

function copyDeploymentAnnotations(d: Frozen<Deployment>, rs: Annotated): boolean {
  let changed = false;
  const target = (rs.metadata.annotations ??= {});
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (NOT_COPIED.has(k) || target[k] === v) continue;
    target[k] = v;
    changed = true;
  }
  return changed;
}

/** desired-replicas and max-replicas (replicas + maxSurge), used to detect scaling and to scale proportionally. */
export function setReplicasAnnotations(rs: Annotated, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  if (a[DESIRED_REPLICAS] !== String(desired)) {
    a[DESIRED_REPLICAS] = String(desired);
    changed = true;
  }
  if (a[MAX_REPLICAS] !== String(max)) {
    a[MAX_REPLICAS] = String(max);
    changed = true;
  }
  return changed;
}

export const replicasAnnotationsFor = (d: Frozen<Deployment>): [number, number] => [replicasOf(d), replicasOf(d) + maxSurge(d)];

/**
 * Brings the new set's annotations up to date; true when something changed. A set that had a
 * revision and gets a higher one is a rollback target: its old revision joins revision-history
 * ("1,3" after being revision 1, then 3, now 5), oldest dropped past 2000 characters.
 */
export function setNewReplicaSetAnnotations(d: Frozen<Deployment>, rs: Annotated, newRevision: number, exists: boolean, historyLimit = MAX_REVISION_HISTORY_CHARS): boolean {
  let changed = copyDeploymentAnnotations(d, rs);
  const a = (rs.metadata.annotations ??= {});
  const hadRevision = REVISION in a;
  const oldRevision = a[REVISION] ?? '';
  const old = revisionOf(rs);
  if (old === undefined) return false;
  if (old < newRevision) {
    a[REVISION] = String(newRevision);
    changed = true;
    if (hadRevision) appendHistory(a, oldRevision, historyLimit);
  }
  if (!exists && setReplicasAnnotations(rs, ...replicasAnnotationsFor(d))) changed = true;
  return changed;
}

function appendHistory(a: Record<string, string>, oldRevision: string, limit: number): void {
  const history = a[REVISION_HISTORY] ?? '';
  if (history === '') {
    a[REVISION_HISTORY] = oldRevision;
    return;
  }
  const revisions = history.split(',');
  let total = history.length + oldRevision.length + 1;
  let start = 0;
  while (total > limit && start < revisions.length) {
    total -= revisions[start].length + 1;
    start++;
  }
  if (total <= limit) a[REVISION_HISTORY] = [...revisions.slice(start), oldRevision].join(',');
}

/** The Deployment's own revision annotation follows its new set's; true when it changed. */
export function setDeploymentRevision(d: Annotated, revision: string): boolean {
  const a = (d.metadata.annotations ??= {});
  if (a[REVISION] === revision) return false;
  a[REVISION] = revision;
  return true;
}

/** desired-replicas as a number, if present and valid. */
export function desiredReplicasOf(rs: { metadata: { annotations?: Readonly<Record<string, string>> } }): number | undefined {
  const v = rs.metadata.annotations?.[DESIRED_REPLICAS];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

export function maxReplicasOf(rs: { metadata: { annotations?: Readonly<Record<string, string>> } }): number | undefined {
  const v = rs.metadata.annotations?.[MAX_REPLICAS];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}
