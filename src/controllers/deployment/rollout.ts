// The rollout strategies and the scaling/paused path, one step per pass.
// Kubernetes twins: rolloutRolling, reconcileNewReplicaSet, reconcileOldReplicaSets (rolling.go);
// rolloutRecreate, oldPodsRunning (recreate.go); sync, scale, cleanupDeployment,
// checkPausedConditions, isScalingEvent (sync.go).
import type { Frozen } from '../../api/types.js';
import type { Pod } from '../../api/types/pod.js';
import type { ReconcileResult } from '../../client/run-controller.js';
import { desiredReplicasOf } from './annotations.js';
import { getCondition, newCondition, PROGRESSING, Reason, setCondition } from './conditions.js';
import { isRollingUpdate, replicasOf } from './fenceposts.js';
import { replicaSetsAndSyncRevision } from './new-replica-set.js';
import { cleanupVictims, findActiveOrLatest, isSaturated, newReplicaSetReplicas, planOldScaleDown, planProportionalScale } from './plan.js';
import { activeSets, actualTotal, specReplicas, type RS } from './replica-set-list.js';
import { deploymentComplete } from './status.js';
import type { DeploymentSync } from './sync-context.js';

const present = (rss: readonly (RS | undefined)[]): RS[] => rss.filter((rs): rs is RS => rs !== undefined);

export async function rolloutRolling(s: DeploymentSync): Promise<ReconcileResult> {
  const { newRS, oldRSs } = await replicaSetsAndSyncRevision(s, true);
  const all = present([...oldRSs, newRS]);
  if (!newRS) return s.syncRolloutStatus(all, newRS);
  // Scale up, if there is room.
  const want = specReplicas(newRS) > replicasOf(s.d) ? replicasOf(s.d) : newReplicaSetReplicas(s.d, all, specReplicas(newRS));
  if (want !== specReplicas(newRS)) {
    await s.scaleSet(newRS, want);
    return s.syncRolloutStatus(all, newRS);
  }
  // Scale down old sets, if availability allows.
  const resizes = planOldScaleDown(s.d, all, activeSets(oldRSs), newRS);
  for (const { rs, to } of resizes) await s.scaleSet(rs, to);
  if (resizes.length > 0) return s.syncRolloutStatus(all, newRS);
  if (deploymentComplete(s.d, s.d.status)) await cleanup(s, oldRSs);
  return s.syncRolloutStatus(all, newRS);
}

/** Old pods left that are not finished: Recreate waits for them to be gone. */
function oldPodsRunning(newRS: RS | undefined, oldRSs: readonly RS[], podsBySet: ReadonlyMap<string, readonly Frozen<Pod>[]>): boolean {
  if (actualTotal(oldRSs) > 0) return true;
  for (const [uid, pods] of podsBySet) {
    if (newRS && newRS.metadata.uid === uid) continue;
    if (pods.some((p) => p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')) return true;
  }
  return false;
}

export async function rolloutRecreate(s: DeploymentSync, podsBySet: ReadonlyMap<string, readonly Frozen<Pod>[]>): Promise<ReconcileResult> {
  // No new set yet: it is created only once the old pods are gone.
  let { newRS, oldRSs } = await replicaSetsAndSyncRevision(s, false);
  let all = present([...oldRSs, newRS]);
  const activeOld = activeSets(oldRSs);
  for (const rs of activeOld) await s.scaleSet(rs, 0);
  if (activeOld.length > 0) return s.syncRolloutStatus(all, newRS);
  if (oldPodsRunning(newRS, oldRSs, podsBySet)) return s.syncRolloutStatus(all, newRS);
  if (!newRS) {
    ({ newRS, oldRSs } = await replicaSetsAndSyncRevision(s, true));
    all = present([...oldRSs, newRS]);
  }
  if (newRS) await s.scaleSet(newRS, replicasOf(s.d));
  if (deploymentComplete(s.d, s.d.status)) await cleanup(s, oldRSs);
  return s.syncRolloutStatus(all, newRS);
}

async function cleanup(s: DeploymentSync, oldRSs: readonly RS[]): Promise<void> {
  for (const rs of cleanupVictims(s.d, oldRSs)) await s.deleteSet(rs);
}

/** Scaling events and paused Deployments: resize without rolling; no new set is created. */
export async function syncScaling(s: DeploymentSync): Promise<ReconcileResult> {
  const { newRS, oldRSs } = await replicaSetsAndSyncRevision(s, false);
  await scale(s, newRS, oldRSs);
  if (s.d.spec?.paused) await cleanup(s, oldRSs);
  return s.syncStatus(present([...oldRSs, newRS]), newRS);
}

async function scale(s: DeploymentSync, newRS: RS | undefined, oldRSs: RS[]): Promise<void> {
  const d = s.d;
  const only = findActiveOrLatest(newRS, oldRSs);
  if (only) {
    if (specReplicas(only) !== replicasOf(d)) await s.scaleSet(only, replicasOf(d));
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const rs of activeSets(oldRSs)) await s.scaleSet(rs, 0);
    return;
  }
  if (!isRollingUpdate(d)) return;
  const plan = planProportionalScale(d, newRS, oldRSs);
  if (!plan) return;
  for (const { rs, to } of plan.resizes) await s.scaleSet(rs, to, plan.op);
}

/** The replicas annotation of an active set disagrees with spec.replicas: someone scaled. */
export async function isScalingEvent(s: DeploymentSync): Promise<boolean> {
  const { newRS, oldRSs } = await replicaSetsAndSyncRevision(s, false);
  return activeSets([...oldRSs, newRS]).some((rs) => {
    const desired = desiredReplicasOf(rs);
    return desired !== undefined && desired !== replicasOf(s.d);
  });
}

/** Progressing=Unknown DeploymentPaused / DeploymentResumed, so a long pause never reads as a timeout. */
export async function checkPausedConditions(s: DeploymentSync): Promise<void> {
  const d = s.d;
  if (d.spec?.progressDeadlineSeconds === undefined) return;
  const cond = getCondition(d.status, PROGRESSING);
  if (cond?.reason === Reason.TimedOut) return;
  const pausedShown = cond?.reason === Reason.Paused;
  let c;
  if (d.spec.paused && !pausedShown) c = newCondition(PROGRESSING, 'Unknown', Reason.Paused, 'Deployment is paused', s.now());
  else if (!d.spec.paused && pausedShown) c = newCondition(PROGRESSING, 'Unknown', Reason.Resumed, 'Deployment is resumed', s.now());
  if (!c) return;
  setCondition((d.status ??= {}), c);
  await s.writeStatus();
}
