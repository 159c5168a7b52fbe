// The ReplicaSet controller: informers on ReplicaSets and pods, events turned into keys, and
// the shared work loop. Kubernetes twin: NewBaseController's event handlers (addPod,
// updatePod, deletePod, addRS, updateRS, deleteRS) in pkg/controller/replicaset/replica_set.go.
import { sameLabels, selectorFor } from '../shared/selector.js';
import type { Frozen } from '../../api/types.js';
import type { Pod } from '../../api/types/pod.js';
import type { ReplicaSet } from '../../api/types/replicaset.js';
import type { Random } from '../../clock/random.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { informerFor } from '../shared/shared-informers.js';
import { Lister } from '../../client/lister.js';
import { keyOf, objectKeyOf } from '../../client/object-key.js';
import { PODS, REPLICASETS } from '../../client/resources.js';
import { runController, type RunningController } from '../../client/run-controller.js';
import { WorkQueue } from '../../client/work-queue.js';
import { controllerRefOf } from '../shared/controller-ref.js';
import { ControllerIndex } from '../shared/controller-index.js';
import { isPodReady } from '../shared/pod-state.js';
import { reconcileReplicaSet, type ReplicaSetDeps } from './reconcile.js';
import { UidTrackingExpectations } from './uid-tracking-expectations.js';
import type { ControllerHandle, ControllerOptions } from '../shared/controller.js';
import { InstantBatch } from '../shared/instant-batch.js';

export interface ReplicaSetControllerOptions extends ControllerOptions {
  /** Unused for now (the ranking's ties break by uid); kept so every controller starts alike. */
  random?: Random;
  burstReplicas?: number;
}

export interface ReplicaSetController extends ControllerHandle {
  readonly queue: WorkQueue<string>;
  /** Keys waiting for the end of the current instant, not yet queued. */
  readonly batched: number;
  /** Nothing batched, queued, delayed or in flight. */
  readonly idle: boolean;
}

export function startReplicaSetController(options: ReplicaSetControllerOptions): ReplicaSetController {
  const { client, clock } = options;
  const rsInformer = informerFor(options, REPLICASETS);
  const podInformer = informerFor(options, PODS);
  const replicaSets = new Lister(rsInformer);
  const pods = new Lister(podInformer);
  const queue = new WorkQueue<string>(clock);
  const expectations = new UidTrackingExpectations(clock);
  const podIndex = new ControllerIndex<Pod>();
  podInformer.addEventHandler(podIndex.handlers);
  const deps: ReplicaSetDeps = {
    client,
    clock,
    replicaSets,
    pods,
    podIndex,
    expectations,
    recorder: new EventRecorder(client, clock, { component: 'replicaset-controller' }),
    burstReplicas: options.burstReplicas,
  };

  const batch = new InstantBatch(clock, queue);
  const enqueue = (rs: Frozen<ReplicaSet>): void => batch.add(objectKeyOf(rs));
  /** The set named by the pod's controllerRef, if it is a ReplicaSet we know with that uid. */
  const ownerOf = (pod: Frozen<Pod>): Frozen<ReplicaSet> | undefined => {
    const ref = controllerRefOf(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return undefined;
    const rs = replicaSets.get(pod.metadata.namespace ?? '', ref.name);
    return rs && rs.metadata.uid === ref.uid ? rs : undefined;
  };
  /** Sets whose selector matches an orphan: each may adopt it. */
  const matchingSets = (pod: Frozen<Pod>): Frozen<ReplicaSet>[] =>
    replicaSets.list(pod.metadata.namespace ?? '').filter((rs) => selectorFor(rs.spec?.selector).matches(pod.metadata.labels));
  const podKey = (pod: Frozen<Pod>): string => keyOf(pod.metadata.namespace ?? '', pod.metadata.name ?? '');

  const onPodDeleted = (pod: Frozen<Pod>): void => {
    const rs = ownerOf(pod);
    if (!rs) return;
    expectations.deletionObserved(objectKeyOf(rs), podKey(pod));
    enqueue(rs);
  };

  podInformer.addEventHandler({
    onAdd(pod) {
      // Seen already terminating (e.g. after a restart): count it as a deletion, not a creation.
      if (pod.metadata.deletionTimestamp) return onPodDeleted(pod);
      if (controllerRefOf(pod)) {
        const rs = ownerOf(pod);
        if (!rs) return;
        expectations.creationObserved(objectKeyOf(rs));
        return enqueue(rs);
      }
      for (const rs of matchingSets(pod)) enqueue(rs);
    },
    onUpdate(old, cur) {
      const labelsChanged = !sameLabels(old.metadata.labels, cur.metadata.labels);
      if (cur.metadata.deletionTimestamp) {
        onPodDeleted(cur);
        if (labelsChanged) onPodDeleted(old);
        return;
      }
      const oldRef = controllerRefOf(old);
      const curRef = controllerRefOf(cur);
      const refChanged = oldRef?.uid !== curRef?.uid;
      if (refChanged && oldRef) {
        const previous = ownerOf(old);
        if (previous) enqueue(previous);
      }
      if (curRef) {
        const rs = ownerOf(cur);
        if (!rs) return;
        enqueue(rs);
        // Ready now, available after minReadySeconds: look again then.
        const minReady = rs.spec?.minReadySeconds ?? 0;
        if (minReady > 0 && !isPodReady(old) && isPodReady(cur)) queue.addAfter(objectKeyOf(rs), minReady * 1000 + 1000);
        return;
      }
      if (labelsChanged || refChanged) for (const rs of matchingSets(cur)) enqueue(rs);
    },
    onDelete: onPodDeleted,
  });
  rsInformer.addEventHandler({
    onAdd: enqueue,
    onUpdate: (_, cur) => enqueue(cur),
    onDelete(rs) {
      expectations.forget(objectKeyOf(rs));
      enqueue(rs);
    },
  });

  const reconcile = (key: string) => reconcileReplicaSet(key, deps);
  rsInformer.start();
  podInformer.start();
  const running: RunningController = runController({
    name: 'replicaset-controller',
    informers: [rsInformer, podInformer],
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
      rsInformer.stop();
      podInformer.stop();
    },
  };
}
