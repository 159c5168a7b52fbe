// The pure arithmetic of a Deployment rollout: how big each ReplicaSet should be next.
// Kubernetes twins: NewRSNewReplicas, IsSaturated, FindActiveOrLatest, GetProportion
// (pkg/controller/deployment/util), reconcileOldReplicaSets, cleanupUnhealthyReplicas,
// scaleDownOldReplicaSetsForRollingUpdate (rolling.go), scale and cleanupDeployment (sync.go).
import type { Frozen } from '../../api/types.js';
import type { Deployment } from '../../api/types/deployment.js';
import { desiredReplicasOf, maxReplicasOf } from './annotations.js';
import { isRollingUpdate, maxSurge, maxUnavailable, replicasOf } from './fenceposts.js';
import { activeSets, availableTotal, byCreation, byRevision, bySizeNewer, bySizeOlder, specReplicas, specTotal, type RS } from './replica-set-list.js';

export interface Resize {
  rs: RS;
  to: number;
}

/**
 * The new set's size for this step. Rolling: grow into the room maxSurge leaves.
 * Worked example: replicas 10, maxSurge 3 (25% rounded up), sets hold 10 -> new set +3.
 */
export function newReplicaSetReplicas(d: Frozen<Deployment>, all: readonly RS[], newSize: number): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const current = specTotal(all);
  const maxTotal = replicasOf(d) + maxSurge(d);
  if (current >= maxTotal) return newSize;
  return newSize + Math.min(maxTotal - current, replicasOf(d) - newSize);
}

/**
 * Old sets to shrink this step, within maxUnavailable. First pods that are not available
 * anyway (oldest sets first), then available ones down to replicas - maxUnavailable.
 * Worked example: replicas 4, maxUnavailable 1, old set 4 (all available), new set 1 (not yet
 * available): total 5, min available 3, room 5 - 3 - 1 = 1 -> old set to 3.
 */
export function planOldScaleDown(d: Frozen<Deployment>, all: readonly RS[], oldActive: readonly RS[], newRS: RS): Resize[] {
  if (specTotal(oldActive) === 0) return [];
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = specTotal(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return [];
  const sizes = new Map<RS, number>(oldActive.map((rs) => [rs, specReplicas(rs)]));
  const sorted = [...oldActive].sort(byCreation);
  // 1. Unhealthy replicas first: they block nothing by going.
  let cleaned = 0;
  for (const rs of sorted) {
    if (cleaned >= maxScaledDown) break;
    const size = sizes.get(rs)!;
    const avail = rs.status?.availableReplicas ?? 0;
    if (size === 0 || size === avail) continue;
    const cut = Math.min(maxScaledDown - cleaned, size - avail);
    sizes.set(rs, size - cut);
    cleaned += cut;
  }
  // 2. Then available ones, keeping minAvailable.
  const available = availableTotal([...oldActive, newRS]);
  const allowed = available - minAvailable;
  let scaled = 0;
  for (const rs of sorted) {
    if (scaled >= allowed) break;
    const size = sizes.get(rs)!;
    if (size === 0) continue;
    const cut = Math.min(size, allowed - scaled);
    sizes.set(rs, size - cut);
    scaled += cut;
  }
  return sorted.filter((rs) => sizes.get(rs) !== specReplicas(rs)).map((rs) => ({ rs, to: sizes.get(rs)! }));
}

/** New set at full size with desired-replicas matching and every pod available. */
export function isSaturated(d: Frozen<Deployment>, rs: RS | undefined): boolean {
  if (!rs) return false;
  const r = replicasOf(d);
  return specReplicas(rs) === r && desiredReplicasOf(rs) === r && (rs.status?.availableReplicas ?? 0) === r;
}

/** The one active set, or the newest when none is active; undefined when several are. */
export function findActiveOrLatest(newRS: RS | undefined, oldRSs: readonly RS[]): RS | undefined {
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = activeSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

function fractionOf(rs: RS, d: Frozen<Deployment>): number {
  if (replicasOf(d) === 0) return -specReplicas(rs);
  const target = replicasOf(d) + maxSurge(d);
  const annotated = maxReplicasOf(rs) ?? d.status?.replicas ?? 0;
  // Go rounds half away from zero (math.Round); annotated 0 divides to +Inf/NaN there too.
  const scaled = annotated === 0 ? 0 : (specReplicas(rs) * target) / annotated;
  return Math.sign(scaled) * Math.round(Math.abs(scaled)) - specReplicas(rs);
}

function proportion(rs: RS, d: Frozen<Deployment>, toAdd: number, added: number): number {
  if (specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = fractionOf(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/**
 * A scaling event (or pause) with several active sets: spread the change in proportion to
 * each set's share, leftovers to the largest. Worked example: replicas 10 -> 15, maxSurge 3,
 * sets 8 (old) and 5 (new), both annotated max 13: room 18 - 13 = 5; old gets round(8*18/13)-8
 * = 3, new round(5*18/13)-5 = 2 -> 11 and 7.
 */
export function planProportionalScale(d: Frozen<Deployment>, newRS: RS | undefined, oldRSs: readonly RS[]): { resizes: Resize[]; op: 'up' | 'down' } | undefined {
  const all = activeSets([...oldRSs, newRS]);
  const allowedSize = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowedSize - specTotal(all);
  if (toAdd === 0) return { resizes: all.map((rs) => ({ rs, to: specReplicas(rs) })), op: 'up' };
  const op = toAdd > 0 ? 'up' : 'down';
  all.sort(toAdd > 0 ? bySizeNewer : bySizeOlder);
  let added = 0;
  const resizes = all.map((rs) => {
    const p = proportion(rs, d, toAdd, added);
    added += p;
    return { rs, to: specReplicas(rs) + p };
  });
  if (resizes.length > 0) resizes[0].to = Math.max(0, resizes[0].to + toAdd - added);
  return { resizes, op };
}

/** Old sets beyond revisionHistoryLimit, lowest revisions first, that are empty and settled. */
export function cleanupVictims(d: Frozen<Deployment>, oldRSs: readonly RS[]): RS[] {
  const limit = d.spec?.revisionHistoryLimit;
  if (limit === undefined || limit === 2147483647) return [];
  const alive = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = alive.length - limit;
  if (diff <= 0) return [];
  return [...alive]
    .sort(byRevision)
    .slice(0, diff)
    .filter((rs) => (rs.status?.replicas ?? 0) === 0 && specReplicas(rs) === 0 && (rs.metadata.generation ?? 0) <= (rs.status?.observedGeneration ?? 0));
}
