// Counting and ordering a Deployment's ReplicaSets.
// Kubernetes twins: GetReplicaCountForReplicaSets and friends, Revision, MaxRevision,
// ReplicaSetsByRevision (pkg/controller/deployment/util), and ReplicaSetsByCreationTimestamp,
// ReplicaSetsBySizeOlder/Newer, FilterActiveReplicaSets (pkg/controller/controller_utils.go).
import type { Frozen } from '../../api/types.js';
import type { ReplicaSet } from '../../api/types/replicaset.js';
import { parseTime } from '../shared/pod-state.js';

export type RS = Frozen<ReplicaSet>;

export const REVISION = 'deployment.kubernetes.io/revision';

export const specReplicas = (rs: RS | undefined): number => rs?.spec?.replicas ?? 0;
const sum = (rss: readonly (RS | undefined)[], f: (rs: RS) => number): number => rss.reduce((n, rs) => n + (rs ? f(rs) : 0), 0);
/** Sum of spec.replicas. */
export const specTotal = (rss: readonly (RS | undefined)[]): number => sum(rss, specReplicas);
/** Sum of status.replicas: the pods that exist. */
export const actualTotal = (rss: readonly (RS | undefined)[]): number => sum(rss, (rs) => rs.status?.replicas ?? 0);
export const readyTotal = (rss: readonly (RS | undefined)[]): number => sum(rss, (rs) => rs.status?.readyReplicas ?? 0);
export const availableTotal = (rss: readonly (RS | undefined)[]): number => sum(rss, (rs) => rs.status?.availableReplicas ?? 0);

/** Sets that want pods. */
export const activeSets = (rss: readonly (RS | undefined)[]): RS[] => rss.filter((rs): rs is RS => rs !== undefined && specReplicas(rs) > 0);

/** The revision annotation as a number; 0 when missing, undefined when unparsable. */
export function revisionOf(rs: { metadata: { annotations?: Readonly<Record<string, string>> } }): number | undefined {
  const v = rs.metadata.annotations?.[REVISION];
  if (v === undefined || v === '') return 0;
  return /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

export const maxRevision = (rss: readonly RS[]): number => rss.reduce((m, rs) => Math.max(m, revisionOf(rs) ?? 0), 0);

const created = (rs: RS): number => parseTime(rs.metadata.creationTimestamp) ?? 0;

/** Older first; equal times by name. */
export function byCreation(a: RS, b: RS): number {
  const d = created(a) - created(b);
  if (d !== 0) return d;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0;
}

/** Lower revision first; equal revisions by creation. */
export function byRevision(a: RS, b: RS): number {
  const d = (revisionOf(a) ?? 0) - (revisionOf(b) ?? 0);
  return d !== 0 ? d : byCreation(a, b);
}

/** Larger first; equal sizes older first (scaling down). */
export const bySizeOlder = (a: RS, b: RS): number => specReplicas(b) - specReplicas(a) || byCreation(a, b);
/** Larger first; equal sizes newer first (scaling up). */
export const bySizeNewer = (a: RS, b: RS): number => specReplicas(b) - specReplicas(a) || byCreation(b, a);
