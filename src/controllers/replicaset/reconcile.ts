// One level-triggered pass over a ReplicaSet: claim pods, create or delete toward
// spec.replicas (only once earlier writes were observed), write status every time.
// Kubernetes twin: syncReplicaSet, claimPods and getIndirectlyRelatedPods
// (pkg/controller/replicaset/replica_set.go).
import { selectorFor } from '../shared/selector.js';
import type { Frozen } from '../../api/types.js';
import type { Pod } from '../../api/types/pod.js';
import type { ReplicaSet } from '../../api/types/replicaset.js';
import type { Clock } from '../../clock/clock.js';
import type { Lister } from '../../client/lister.js';
import { splitKey } from '../../client/object-key.js';
import { PODS, REPLICASETS } from '../../client/resources.js';
import type { ReconcileResult } from '../../client/run-controller.js';
import { claimObjects, recheckOwner } from '../shared/claim.js';
import { controllerRefOf } from '../shared/controller-ref.js';
import type { ControllerIndex } from '../shared/controller-index.js';
import { isPodActive, nextAvailableInMs, podFacts } from '../shared/pod-state.js';
import { BURST_REPLICAS, planReplicas } from './plan.js';
import { applyReplicaPlan, type PodControlDeps } from './pod-control.js';
import { replicaSetStatus, statusUnchanged, type ManageError } from './status.js';

export interface ReplicaSetDeps extends PodControlDeps {
  clock: Clock;
  replicaSets: Lister<ReplicaSet>;
  pods: Lister<Pod>;
  /** Pods by controller uid (orphans by namespace); without it every pod of the namespace is looked at. */
  podIndex?: ControllerIndex<Pod>;
  burstReplicas?: number;
}

export async function reconcileReplicaSet(key: string, d: ReplicaSetDeps): Promise<ReconcileResult> {
  const { namespace, name } = splitKey(key);
  const rs = d.replicaSets.get(namespace, name);
  if (!rs) {
    // Gone: the garbage collector removes its pods through their ownerReferences.
    d.expectations.forget(key);
    return {};
  }
  const needsSync = d.expectations.satisfied(key);
  const selector = selectorFor(rs.spec?.selector);
  // All active pods of the namespace: those that stopped matching but still name us get released.
  // (Pods another controller owns are skipped by the claim anyway: the index leaves them out.)
  const candidates = (d.podIndex?.candidates(namespace, rs.metadata.uid ?? '') ?? d.pods.list(namespace)).filter(isPodActive);
  const pods = await claimObjects(candidates, {
    client: d.client,
    resource: PODS,
    owner: rs,
    ownerApiVersion: 'apps/v1',
    ownerKind: 'ReplicaSet',
    selector,
    canAdopt: recheckOwner(d.client, REPLICASETS, rs),
    inspect: podFacts,
  });

  let failure: ManageError | undefined;
  if (needsSync && !rs.metadata.deletionTimestamp) {
    const desired = rs.spec?.replicas ?? 1;
    // Siblings' pods only rank deletions: skip gathering them when nothing is to be deleted.
    const related = pods.length > desired ? relatedPods(rs, d) : [];
    const plan = planReplicas(desired, pods, related, d.clock.now(), d.burstReplicas ?? BURST_REPLICAS);
    const error = await applyReplicaPlan(key, rs, plan, d);
    if (error !== undefined) failure = { error };
  }

  const now = d.clock.now();
  const status = replicaSetStatus(rs, pods, failure, now);
  if (!statusUnchanged(rs, status)) {
    await d.client.updateStatus(REPLICASETS, { ...rs, status } as Frozen<ReplicaSet>);
  }
  if (failure) throw failure.error;
  // Nothing announces the moment a ready pod has been ready for minReadySeconds: come back then.
  const wait = nextAvailableInMs(pods, rs.spec?.minReadySeconds ?? 0, now);
  return wait === undefined ? {} : { requeueAfterMs: wait };
}

/**
 * Pods of this set and of its siblings (sets with the same controller, e.g. one Deployment's
 * revisions), used to spread deletions across nodes.
 */
function relatedPods(rs: Frozen<ReplicaSet>, d: ReplicaSetDeps): Frozen<Pod>[] {
  const ns = rs.metadata.namespace ?? '';
  const owner = controllerRefOf(rs);
  const family = owner ? d.replicaSets.list(ns).filter((o) => controllerRefOf(o)?.uid === owner.uid) : [rs];
  const seen = new Set<string>();
  const out: Frozen<Pod>[] = [];
  for (const member of family) {
    const selector = selectorFor(member.spec?.selector);
    // As podLister.List(selector), with each pod's answer remembered across passes.
    for (const pod of d.pods.list(ns)) {
      if (!podFacts(pod).matches(selector)) continue;
      const uid = pod.metadata.uid ?? '';
      if (seen.has(uid)) continue;
      seen.add(uid);
      out.push(pod);
    }
  }
  return out;
}
