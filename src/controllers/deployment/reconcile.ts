// One level-triggered pass over a Deployment.
// Kubernetes twin: syncDeployment, getReplicaSetsForDeployment, getPodMapForDeployment
// (pkg/controller/deployment/deployment_controller.go).
import type { Frozen } from '../../api/types.js';
import type { Deployment } from '../../api/types/deployment.js';
import type { Pod } from '../../api/types/pod.js';
import { splitKey } from '../../client/object-key.js';
import { DEPLOYMENTS, REPLICASETS } from '../../client/resources.js';
import type { ReconcileResult } from '../../client/run-controller.js';
import { claimObjects, recheckOwner } from '../shared/claim.js';
import { controllerRefOf } from '../shared/controller-ref.js';
import { selectorFor } from '../shared/selector.js';
import { replicaSetsAndSyncRevision } from './new-replica-set.js';
import type { RS } from './replica-set-list.js';
import { checkPausedConditions, isScalingEvent, rolloutRecreate, rolloutRolling, syncScaling } from './rollout.js';
import { DeploymentSync, type DeploymentDeps } from './sync-context.js';

export type { DeploymentDeps } from './sync-context.js';

const selectsAll = (d: Frozen<Deployment>): boolean => {
  const s = d.spec?.selector;
  return !!s && Object.keys(s.matchLabels ?? {}).length === 0 && (s.matchExpressions ?? []).length === 0;
};

export async function reconcileDeployment(key: string, deps: DeploymentDeps): Promise<ReconcileResult> {
  const { namespace, name } = splitKey(key);
  const cached = deps.deployments.get(namespace, name);
  if (!cached) return {};
  const d = structuredClone(cached) as Deployment;
  const s = new DeploymentSync(deps, d, []);
  if (selectsAll(cached)) {
    s.event('Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
    if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
      (d.status ??= {}).observedGeneration = d.metadata.generation;
      await s.writeStatus();
    }
    return {};
  }
  s.rsList = await claimObjects(deps.replicaSets.list(namespace), {
    client: deps.client,
    resource: REPLICASETS,
    owner: cached,
    ownerApiVersion: 'apps/v1',
    ownerKind: 'Deployment',
    selector: selectorFor(cached.spec?.selector),
    canAdopt: recheckOwner(deps.client, DEPLOYMENTS, cached),
  });
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = await replicaSetsAndSyncRevision(s, false);
    return s.syncStatus([...oldRSs, ...(newRS ? [newRS] : [])], newRS);
  }
  await checkPausedConditions(s);
  if (d.spec?.paused) return syncScaling(s);
  if (await isScalingEvent(s)) return syncScaling(s);
  if (d.spec?.strategy?.type === 'Recreate') return rolloutRecreate(s, podsBySet(s.d, s.rsList, deps));
  return rolloutRolling(s);
}

/** The Deployment's pods grouped by the uid of the set controlling them. */
function podsBySet(d: Frozen<Deployment>, rsList: readonly RS[], deps: DeploymentDeps): Map<string, Frozen<Pod>[]> {
  const out = new Map<string, Frozen<Pod>[]>(rsList.map((rs) => [rs.metadata.uid ?? '', []]));
  for (const pod of deps.pods.list(d.metadata.namespace, selectorFor(d.spec?.selector))) {
    const ref = controllerRefOf(pod);
    const list = ref ? out.get(ref.uid) : undefined;
    if (list) list.push(pod);
  }
  return out;
}
