// One pass over one Deployment: its working copy (changed as the pass goes, as Go's `d`),
// the ReplicaSets it owns (replaced by our own writes' answers so later steps see them), and
// the writes every step shares. Kubernetes twin: the DeploymentController methods that share
// `d` and `rsList` in pkg/controller/deployment (scaleReplicaSet, syncRolloutStatus, ...).
import type { Frozen, KubeObject } from '../../api/types.js';
import type { Deployment } from '../../api/types/deployment.js';
import type { Pod } from '../../api/types/pod.js';
import type { ReplicaSet } from '../../api/types/replicaset.js';
import type { Clock } from '../../clock/clock.js';
import type { Client } from '../../client/client.js';
import type { EventRecorder } from '../../client/event-recorder.js';
import type { Lister } from '../../client/lister.js';
import { DEPLOYMENTS, REPLICASETS } from '../../client/resources.js';
import type { ReconcileResult } from '../../client/run-controller.js';
import { isNotFound } from '../../client/response-error.js';
import { replicasAnnotationsFor, setReplicasAnnotations } from './annotations.js';
import { REVISION, specReplicas, type RS } from './replica-set-list.js';
import { rolloutStatus, sameStatus, stuckRequeueMs, calculateStatus } from './status.js';

export interface DeploymentDeps {
  client: Client;
  clock: Clock;
  recorder: EventRecorder;
  deployments: Lister<Deployment>;
  replicaSets: Lister<ReplicaSet>;
  pods: Lister<Pod>;
}

export class DeploymentSync {
  constructor(
    readonly deps: DeploymentDeps,
    public d: Deployment,
    public rsList: RS[],
  ) {}

  now(): number {
    return this.deps.clock.now();
  }

  /** Writes d.status (and, as kube-apiserver allows on deployments/status, d's annotations). */
  async writeStatus(): Promise<void> {
    const written = await this.deps.client.updateStatus(DEPLOYMENTS, this.d as Frozen<Deployment>);
    this.d.metadata.resourceVersion = written.metadata.resourceVersion;
    const revision = this.d.metadata.annotations?.[REVISION];
    if (revision === undefined || written.metadata.annotations?.[REVISION] === revision) return;
    // kube-apiserver keeps annotations on a deployments/status write; a server that resets them
    // (as ours does today) gets the revision on the object itself, which moves its generation.
    const { namespace = '', name = '' } = this.d.metadata;
    const patched = await this.deps.client.patch(DEPLOYMENTS, namespace, name, 'merge', { metadata: { annotations: { [REVISION]: revision } } });
    this.d.metadata.resourceVersion = patched.metadata.resourceVersion;
    this.d.metadata.generation = patched.metadata.generation;
  }

  /** Records an event about the Deployment (never throws). */
  event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    void this.deps.recorder.event(this.d as unknown as Frozen<KubeObject>, type, reason, message);
  }

  replaceSet(rs: RS): RS {
    const i = this.rsList.findIndex((x) => x.metadata.uid === rs.metadata.uid);
    if (i >= 0) this.rsList[i] = rs;
    else this.rsList.push(rs);
    return rs;
  }

  /** Resizes a set (and refreshes its replicas annotations); records ScalingReplicaSet when the size moved. */
  async scaleSet(rs: RS, to: number, op?: 'up' | 'down'): Promise<RS> {
    const copy = structuredClone(rs) as ReplicaSet;
    const resize = specReplicas(rs) !== to;
    const annotations = setReplicasAnnotations(copy, ...replicasAnnotationsFor(this.d));
    if (!resize && !annotations) return rs;
    const from = specReplicas(rs);
    copy.spec = { ...copy.spec!, replicas: to };
    const updated = this.replaceSet(await this.deps.client.update(REPLICASETS, copy as Frozen<ReplicaSet>));
    if (resize) {
      const verb = op ?? (from < to ? 'up' : 'down');
      this.event('Normal', 'ScalingReplicaSet', `Scaled ${verb} replica set ${rs.metadata.name} from ${from} to ${to}`);
    }
    return updated;
  }

  async deleteSet(rs: RS): Promise<void> {
    try {
      await this.deps.client.delete(REPLICASETS, rs.metadata.namespace ?? '', rs.metadata.name ?? '');
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  /** syncDeploymentStatus: counts and Available only, written when they changed. */
  async syncStatus(all: readonly (RS | undefined)[], newRS: RS | undefined): Promise<ReconcileResult> {
    const status = calculateStatus(all, newRS, this.d, this.now());
    if (sameStatus(this.d.status, status)) return {};
    this.d.status = status;
    await this.writeStatus();
    return {};
  }

  /** syncRolloutStatus: also the Progressing condition; a stalled rollout is looked at again at its deadline. */
  async syncRolloutStatus(all: readonly (RS | undefined)[], newRS: RS | undefined): Promise<ReconcileResult> {
    const status = rolloutStatus(all, newRS, this.d, this.now());
    if (sameStatus(this.d.status, status)) {
      const wait = stuckRequeueMs(this.d, status, this.now());
      return wait === undefined ? {} : { requeueAfterMs: wait };
    }
    this.d.status = status;
    await this.writeStatus();
    return {};
  }
}
