// The Deployment controller: informers on Deployments, ReplicaSets and pods, events turned
// into Deployment keys, and the shared work loop. Kubernetes twin: NewDeploymentController's
// handlers (addDeployment, addReplicaSet, updateReplicaSet, deleteReplicaSet, deletePod) in
// pkg/controller/deployment/deployment_controller.go.
import type { Frozen } from '../../api/types.js';
import type { Deployment } from '../../api/types/deployment.js';
import type { Pod } from '../../api/types/pod.js';
import type { ReplicaSet } from '../../api/types/replicaset.js';
import type { Random } from '../../clock/random.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { informerFor } from '../shared/shared-informers.js';
import { Lister } from '../../client/lister.js';
import { objectKeyOf } from '../../client/object-key.js';
import { DEPLOYMENTS, PODS, REPLICASETS } from '../../client/resources.js';
import { runController } from '../../client/run-controller.js';
import { WorkQueue } from '../../client/work-queue.js';
import { controllerRefOf } from '../shared/controller-ref.js';
import { selectorFor } from '../shared/selector.js';
import { reconcileDeployment, type DeploymentDeps } from './reconcile.js';
import type { ControllerHandle, ControllerOptions } from '../shared/controller.js';
import { InstantBatch } from '../shared/instant-batch.js';

export interface DeploymentControllerOptions extends ControllerOptions {
  /** Unused: the controller makes no random choices; kept so every controller starts alike. */
  random?: Random;
}

export interface DeploymentController extends ControllerHandle {
  readonly queue: WorkQueue<string>;
  /** Keys waiting for the end of the current instant, not yet queued. */
  readonly batched: number;
  /** Nothing batched, queued, delayed or in flight. */
  readonly idle: boolean;
}

export function startDeploymentController(options: DeploymentControllerOptions): DeploymentController {
  const { client, clock } = options;
  const dInformer = informerFor(options, DEPLOYMENTS);
  const rsInformer = informerFor(options, REPLICASETS);
  const podInformer = informerFor(options, PODS);
  const deps: DeploymentDeps = {
    client,
    clock,
    recorder: new EventRecorder(client, clock, { component: 'deployment-controller' }),
    deployments: new Lister(dInformer),
    replicaSets: new Lister(rsInformer),
    pods: new Lister(podInformer),
  };
  const queue = new WorkQueue<string>(clock);
  const batch = new InstantBatch(clock, queue);
  const enqueue = (d: Frozen<Deployment>): void => batch.add(objectKeyOf(d));

  const ownerOf = (rs: Frozen<ReplicaSet>): Frozen<Deployment> | undefined => {
    const ref = controllerRefOf(rs);
    if (!ref || ref.kind !== 'Deployment') return undefined;
    const d = deps.deployments.get(rs.metadata.namespace ?? '', ref.name);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  };
  /** Deployments that might adopt an orphaned set. */
  const matching = (rs: Frozen<ReplicaSet>): Frozen<Deployment>[] =>
    deps.deployments.list(rs.metadata.namespace ?? '').filter((d) => {
      const s = d.spec?.selector;
      if (!s || (Object.keys(s.matchLabels ?? {}).length === 0 && !(s.matchExpressions ?? []).length)) return false;
      return selectorFor(s).matches(rs.metadata.labels);
    });
  const onSet = (rs: Frozen<ReplicaSet>): void => {
    if (controllerRefOf(rs)) {
      const d = ownerOf(rs);
      if (d) enqueue(d);
      return;
    }
    for (const d of matching(rs)) enqueue(d);
  };

  dInformer.addEventHandler({ onAdd: enqueue, onUpdate: (_, d) => enqueue(d), onDelete: enqueue });
  rsInformer.addEventHandler({
    onAdd: onSet,
    onUpdate(old, cur) {
      if (controllerRefOf(old)?.uid !== controllerRefOf(cur)?.uid) onSet(old);
      onSet(cur);
    },
    onDelete: onSet,
  });
  // Recreate waits for old pods to be gone: their deletion is the signal to go on.
  podInformer.addEventHandler({
    onDelete(pod: Frozen<Pod>) {
      const ref = controllerRefOf(pod);
      if (!ref || ref.kind !== 'ReplicaSet') return;
      const rs = deps.replicaSets.get(pod.metadata.namespace ?? '', ref.name);
      const d = rs && ownerOf(rs);
      if (d && d.spec?.strategy?.type === 'Recreate') enqueue(d);
    },
  });

  const reconcile = (key: string) => reconcileDeployment(key, deps);
  for (const i of [dInformer, rsInformer, podInformer]) i.start();
  const running = runController({
    name: 'deployment-controller',
    informers: [dInformer, rsInformer, podInformer],
    queue,
    workers: options.workers ?? 5,
    reconcile,
  });
  return {
    started: running.started,
    reconcile,
    queue,
    get batched() {
      return batch.size;
    },
    get idle() {
      return batch.size === 0 && queue.idle;
    },
    async stop() {
      batch.stop();
      await running.stop();
      for (const i of [dInformer, rsInformer, podInformer]) i.stop();
    },
  };
}
