// The garbage collector: informers over every served resource feed an ownership graph; keys
// are object uids; reconcile deletes objects whose owners are gone and carries out the
// Foreground and Orphan propagation finalizers.
// Kubernetes twin: pkg/controller/garbagecollector (garbagecollector.go, graph_builder.go).
import type { Frozen } from '../../api/types.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { Informer } from '../../client/informer.js';
import { informerFor } from '../shared/shared-informers.js';
import type { HasMetadata, ResourceType } from '../../client/resources.js';
import { runController } from '../../client/run-controller.js';
import { WorkQueue } from '../../client/work-queue.js';
import { OwnershipGraph, isDeletingDependents, isOrphaning, nodeOf, type GraphNode } from './graph.js';
import { reconcileItem, type GcContext } from './reconcile.js';
import { IGNORED_RESOURCES, KindMapper, MONITORED_RESOURCES } from './resources.js';
import type { ControllerHandle, ControllerOptions } from '../shared/controller.js';

export interface GarbageCollectorOptions extends ControllerOptions {
  /** Resources to watch (default: all kubesim serves but events, as kube-controller-manager). */
  resources?: readonly ResourceType[];
}

/** Keys are object uids. */
export interface GarbageCollectorController extends ControllerHandle<void> {
  readonly graph: OwnershipGraph;
}

/**
 * Equal as JSON values (null and missing alike). Walks the values instead of serialising them:
 * it runs on every update of every object (mostly pods' status), usually on one small list.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  const objectA = a as Record<string, unknown>;
  const objectB = b as Record<string, unknown>;
  const keysA = Object.keys(objectA).filter((k) => objectA[k] !== undefined);
  const keysB = Object.keys(objectB).filter((k) => objectB[k] !== undefined);
  return keysA.length === keysB.length && keysA.every((k) => k in objectB && sameJson(objectA[k], objectB[k]));
}

export function startGarbageCollectorController(options: GarbageCollectorOptions): GarbageCollectorController {
  const { client, clock } = options;
  const resources = options.resources ?? MONITORED_RESOURCES;
  const queue = new WorkQueue<string>(clock);
  const graph = new OwnershipGraph();
  const informers = new Map<ResourceType, Informer<HasMetadata>>();
  const ctx: GcContext = {
    client,
    graph,
    informers,
    mapper: new KindMapper([...resources, ...IGNORED_RESOURCES]),
    queue,
    recorder: new EventRecorder(client, clock, { component: 'garbage-collector-controller' }),
    reported: new Set(),
  };

  const enqueueWaitingOwners = (n: GraphNode | undefined): void => {
    for (const ref of n?.owners ?? []) {
      const owner = graph.get(ref.uid);
      if (owner && isDeletingDependents(owner)) queue.add(owner.uid);
    }
  };
  const enqueueDependents = (uid: string): void => {
    for (const d of graph.dependentsOf(uid)) queue.add(d.uid);
  };
  const observe = (resource: ResourceType, object: Frozen<HasMetadata>, old?: Frozen<HasMetadata>): void => {
    // Status churn leaves the graph as it was: nothing to record, nobody to wake.
    if (old && !changedForGc(old, object)) return;
    const node = nodeOf(resource, object);
    if (!node.uid) return;
    const previous = graph.upsert(node);
    if (node.owners.length > 0 || isOrphaning(node) || isDeletingDependents(node)) queue.add(node.uid);
    // An owner may be waiting for this object's references to go or to stop blocking.
    enqueueWaitingOwners(previous);
    enqueueWaitingOwners(node);
    if (isDeletingDependents(node)) enqueueDependents(node.uid);
  };

  for (const resource of resources) {
    const informer = informerFor<HasMetadata>(options, resource);
    informers.set(resource, informer);
    informer.addEventHandler({
      onAdd: (o) => observe(resource, o),
      onUpdate: (old, o) => observe(resource, o, old),
      onDelete: (o) => {
        const removed = graph.remove(o.metadata.uid ?? '');
        enqueueDependents(o.metadata.uid ?? '');
        enqueueWaitingOwners(removed);
      },
    });
  }
  const running = runController({
    name: 'garbage-collector-controller',
    informers: [...informers.values()],
    queue,
    workers: options.workers ?? 2,
    reconcile: (uid) => reconcileItem(ctx, uid),
  });
  for (const informer of informers.values()) informer.start();

  return {
    started: running.started,
    graph,
    reconcile: (uid) => reconcileItem(ctx, uid),
    async stop() {
      for (const informer of informers.values()) informer.stop();
      await running.stop();
    },
  };
}

/** Only ownership and deletion state matter to the collector; status churn does not. */
function changedForGc(old: Frozen<HasMetadata>, cur: Frozen<HasMetadata>): boolean {
  const a = old.metadata;
  const b = cur.metadata;
  return (
    a.uid !== b.uid ||
    a.deletionTimestamp !== b.deletionTimestamp ||
    !sameJson(a.ownerReferences, b.ownerReferences) ||
    !sameJson(a.finalizers, b.finalizers)
  );
}
