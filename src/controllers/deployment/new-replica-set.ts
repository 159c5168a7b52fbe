// Finding or creating the ReplicaSet for the Deployment's current template, with revisions
// kept in step. Kubernetes twin: getAllReplicaSetsAndSyncRevision and getNewReplicaSet
// (pkg/controller/deployment/sync.go), FindNewReplicaSet / FindOldReplicaSets (util).
import type { Deployment } from '../../api/types/deployment.js';
import type { ReplicaSet } from '../../api/types/replicaset.js';
import type { Frozen } from '../../api/types.js';
import { REPLICASETS } from '../../client/resources.js';
import { isAlreadyExists } from '../../client/response-error.js';
import { controllerRefOf, newControllerRef } from '../shared/controller-ref.js';
import { setDeploymentRevision, setNewReplicaSetAnnotations } from './annotations.js';
import { getCondition, newCondition, PROGRESSING, Reason, setCondition } from './conditions.js';
import { computePodTemplateHash } from './hash.js';
import { newReplicaSetReplicas } from './plan.js';
import { byCreation, maxRevision, REVISION, type RS } from './replica-set-list.js';
import { hasProgressDeadline } from './status.js';
import type { DeploymentSync } from './sync-context.js';
import { equalIgnoreHash, selectorWithHash, templateWithHash } from './template.js';

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The oldest set whose template is the Deployment's (ignoring the hash label). */
export function findNewReplicaSet(d: Frozen<Deployment>, rsList: readonly RS[]): RS | undefined {
  return [...rsList].sort(byCreation).find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

export interface ReplicaSetsOfDeployment {
  newRS: RS | undefined;
  /** Every other set, active or not. */
  oldRSs: RS[];
}

export async function replicaSetsAndSyncRevision(s: DeploymentSync, create: boolean): Promise<ReplicaSetsOfDeployment> {
  const found = findNewReplicaSet(s.d, s.rsList);
  const oldRSs = s.rsList.filter((rs) => rs.metadata.uid !== found?.metadata.uid);
  const newRS = await newReplicaSet(s, found, oldRSs, create);
  return { newRS, oldRSs };
}

async function newReplicaSet(s: DeploymentSync, existing: RS | undefined, oldRSs: RS[], create: boolean): Promise<RS | undefined> {
  const d = s.d;
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) {
    const copy = structuredClone(existing) as ReplicaSet;
    const annotationsChanged = setNewReplicaSetAnnotations(d, copy, newRevision, true);
    const minReady = d.spec?.minReadySeconds ?? 0;
    if (annotationsChanged || (copy.spec?.minReadySeconds ?? 0) !== minReady) {
      if (copy.spec) copy.spec.minReadySeconds = minReady || undefined;
      // Go returns here; the Deployment's revision follows on the next pass.
      return s.replaceSet(await s.deps.client.update(REPLICASETS, copy as Frozen<ReplicaSet>));
    }
    let changed = setDeploymentRevision(d, copy.metadata.annotations?.[REVISION] ?? '');
    if (hasProgressDeadline(d) && !getCondition(d.status, PROGRESSING)) {
      setCondition((d.status ??= {}), newCondition(PROGRESSING, 'True', Reason.FoundNewReplicaSet, `Found new replica set "${copy.metadata.name}"`, s.now()));
      changed = true;
    }
    if (changed) await s.writeStatus();
    return existing;
  }
  if (!create) return undefined;
  return createNewReplicaSet(s, oldRSs, newRevision);
}

async function createNewReplicaSet(s: DeploymentSync, oldRSs: RS[], newRevision: number): Promise<RS | undefined> {
  const d = s.d;
  const hash = computePodTemplateHash(d.spec?.template, d.status?.collisionCount);
  const template = templateWithHash(d.spec?.template, hash);
  const rs: ReplicaSet = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...(template.metadata?.labels ?? {}) },
      ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')],
    },
    spec: { replicas: 0, selector: selectorWithHash(d.spec?.selector, hash), template },
  };
  if (d.spec?.minReadySeconds) rs.spec!.minReadySeconds = d.spec.minReadySeconds;
  const replicas = newReplicaSetReplicas(d, [...oldRSs, rs as RS], 0);
  rs.spec!.replicas = replicas;
  setNewReplicaSetAnnotations(d, rs, newRevision, false);

  let created: RS | undefined;
  let alreadyExists = false;
  try {
    created = await s.deps.client.create(REPLICASETS, rs as Frozen<ReplicaSet>);
  } catch (e) {
    if (!isAlreadyExists(e)) {
      const msg = `Failed to create new replica set "${rs.metadata.name}": ${messageOf(e)}`;
      if (hasProgressDeadline(d)) {
        setCondition((d.status ??= {}), newCondition(PROGRESSING, 'False', Reason.FailedReplicaSetCreate, msg, s.now()));
        await s.writeStatus().catch(() => undefined);
      }
      s.event('Warning', Reason.FailedReplicaSetCreate, msg);
      throw e;
    }
    alreadyExists = true;
    const current = await s.deps.client.get(REPLICASETS, d.metadata.namespace ?? '', rs.metadata.name ?? '');
    if (controllerRefOf(current)?.uid !== d.metadata.uid || !equalIgnoreHash(current.spec?.template, d.spec?.template)) {
      // A different set holds the name: a hash collision. Count it, so the next name differs.
      (d.status ??= {}).collisionCount = (d.status.collisionCount ?? 0) + 1;
      await s.writeStatus().catch(() => undefined);
      throw e;
    }
    created = current;
  }
  s.replaceSet(created);
  if (!alreadyExists && replicas > 0) {
    s.event('Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`);
  }
  let changed = setDeploymentRevision(d, String(newRevision));
  if (!alreadyExists && hasProgressDeadline(d)) {
    setCondition((d.status ??= {}), newCondition(PROGRESSING, 'True', Reason.NewReplicaSet, `Created new replica set "${created.metadata.name}"`, s.now()));
    changed = true;
  }
  if (changed) await s.writeStatus();
  return created;
}
