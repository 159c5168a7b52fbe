// One pass of the collector over one object (keyed by uid): orphan or wait for dependents if
// the object is being deleted with a propagation finalizer; otherwise check its owners and
// delete it when none remains. Safe to run any number of times.
// Kubernetes twin: attemptToDeleteItem, processDeletingDependentsItem and
// attemptToOrphanWorker in pkg/controller/garbagecollector/garbagecollector.go.
import { produce } from 'immer';
import type { Frozen, KubeObject, OwnerReference } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import type { EventRecorder } from '../../client/event-recorder.js';
import type { Informer } from '../../client/informer.js';
import { keyOf } from '../../client/object-key.js';
import { apiVersionOf, type HasMetadata, type ResourceType } from '../../client/resources.js';
import { isNotFound } from '../../client/response-error.js';
import type { WorkQueue } from '../../client/work-queue.js';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER, isDeletingDependents, isOrphaning, type GraphNode, type OwnershipGraph } from './graph.js';
import {
  OWNER_REF_INVALID_NAMESPACE,
  invalidNamespaceMessage,
  ownerReferencesWithout,
  planForDependent,
  unblockedOwnerReferences,
  type ClassifiedOwner,
  type GcAction,
  type OwnerState,
} from './plan.js';
import type { KindMapper } from './resources.js';

export interface GcContext {
  client: Client;
  graph: OwnershipGraph;
  informers: ReadonlyMap<ResourceType, Informer<HasMetadata>>;
  mapper: KindMapper;
  queue: WorkQueue<string>;
  recorder: EventRecorder;
  /** dependent uid + owner uid pairs already reported as OwnerRefInvalidNamespace. */
  reported: Set<string>;
}

/** A cluster-scoped dependent naming a namespaced owner: never resolvable, never retried. */
class InvalidClusterScopedReference extends Error {}

export async function reconcileItem(ctx: GcContext, uid: string): Promise<void> {
  const node = ctx.graph.get(uid);
  if (!node) return;
  if (isOrphaning(node)) return orphanDependents(ctx, node);
  if (isDeletingDependents(node)) return processDeletingDependents(ctx, node);
  // Being deleted without a propagation finalizer: its dependents follow once it is gone.
  if (node.beingDeleted || node.owners.length === 0) return;
  // First from the cache: the common case (every owner alive) costs no request at all.
  const first = await planFor(ctx, node, node.owners, node.finalizers);
  if (!first || first.action.type === 'keep') return;
  // About to write: decide again from the live object, as the real collector does.
  const latest = await liveObject(ctx, node);
  if (!latest) return;
  const owners = latest.metadata.ownerReferences ?? [];
  const planned = await planFor(ctx, node, owners, latest.metadata.finalizers ?? []);
  if (!planned) return;
  const { action } = planned;
  switch (action.type) {
    case 'keep':
      return;
    case 'removeOwnerReferences':
      await writeOwnerReferences(ctx, node, latest, ownerReferencesWithout(owners, action.uids));
      return;
    case 'delete': {
      let current = latest;
      if (action.unblock) current = await writeOwnerReferences(ctx, node, latest, unblockedOwnerReferences(owners));
      await deleteObject(ctx, node, current, action.policy);
    }
  }
}

async function planFor(ctx: GcContext, node: GraphNode, owners: readonly Frozen<OwnerReference>[], finalizers: readonly string[]): Promise<{ action: GcAction } | undefined> {
  let classified: ClassifiedOwner[];
  try {
    classified = await Promise.all(owners.map(async (ref) => ({ ref, state: await classifyOwner(ctx, node, ref) })));
  } catch (e) {
    if (e instanceof InvalidClusterScopedReference) return undefined;
    throw e;
  }
  const dependents = ctx.graph.dependentsOf(node.uid);
  const facts = { finalizers, hasDependents: dependents.length > 0, dependentDeletingDependents: dependents.some(isDeletingDependents) };
  return { action: planForDependent(facts, classified) };
}

async function liveObject(ctx: GcContext, node: GraphNode): Promise<Frozen<HasMetadata> | undefined> {
  try {
    const o = await ctx.client.get(node.resource, node.namespace, node.name);
    return o.metadata.uid === node.uid ? o : undefined;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** Where an owner stands, checked against the cache and then the server. Kubernetes twin: isDangling. */
async function classifyOwner(ctx: GcContext, node: GraphNode, ref: Frozen<OwnerReference>): Promise<OwnerState> {
  const resource = ctx.mapper.resourceFor(ref.apiVersion, ref.kind);
  // A kind kubesim does not serve cannot be checked: keep the dependent, as a GC whose
  // RESTMapper does not know the kind keeps retrying rather than deleting.
  if (!resource) return 'solid';
  const known = ctx.graph.get(ref.uid);
  if (!node.namespace && resource.namespaced) {
    report(ctx, node, ref, known);
    throw new InvalidClusterScopedReference();
  }
  // An owner seen in another namespace: the reference is invalid and counts as absent.
  if (known && known.namespace && known.namespace !== node.namespace) report(ctx, node, ref, known);
  const namespace = resource.namespaced ? node.namespace : '';
  let owner = ctx.informers.get(resource)?.get(keyOf(namespace, ref.name));
  if (!owner || owner.metadata.uid !== ref.uid) {
    // The cache may lag behind (an owner just created): ask the server before concluding.
    try {
      owner = await ctx.client.get(resource, namespace, ref.name);
    } catch (e) {
      if (isNotFound(e)) return 'dangling';
      throw e;
    }
    if (owner.metadata.uid !== ref.uid) return 'dangling';
  }
  const m = owner.metadata;
  return m.deletionTimestamp && (m.finalizers ?? []).includes(FOREGROUND_FINALIZER) ? 'waiting' : 'solid';
}

function report(ctx: GcContext, node: GraphNode, ref: Frozen<OwnerReference>, known: GraphNode | undefined): void {
  if (known && !known.namespace) return;
  const key = `${node.uid}/${ref.uid}`;
  if (ctx.reported.has(key)) return;
  ctx.reported.add(key);
  const involved = {
    apiVersion: apiVersionOf(node.resource),
    kind: node.resource.kind,
    metadata: { name: node.name, namespace: node.namespace || undefined, uid: node.uid },
  } as Frozen<KubeObject>;
  void ctx.recorder.event(involved, 'Warning', OWNER_REF_INVALID_NAMESPACE, invalidNamespaceMessage(ref, node.namespace));
}

async function writeOwnerReferences(
  ctx: GcContext,
  node: GraphNode,
  latest: Frozen<HasMetadata>,
  refs: readonly Frozen<OwnerReference>[],
): Promise<Frozen<HasMetadata>> {
  const next = produce(latest, (d) => {
    if (refs.length > 0) d.metadata.ownerReferences = refs as OwnerReference[];
    else delete d.metadata.ownerReferences;
  });
  try {
    return await ctx.client.update(node.resource, next);
  } catch (e) {
    if (isNotFound(e)) return latest;
    throw e;
  }
}

async function deleteObject(ctx: GcContext, node: GraphNode, latest: Frozen<HasMetadata>, policy: 'Background' | 'Foreground' | 'Orphan'): Promise<void> {
  try {
    await ctx.client.delete(node.resource, node.namespace, node.name, {
      propagationPolicy: policy,
      preconditions: { uid: node.uid, resourceVersion: latest.metadata.resourceVersion },
    });
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}

/** Foreground: delete the dependents, and let the owner go once no blocking one is left. */
async function processDeletingDependents(ctx: GcContext, node: GraphNode): Promise<void> {
  const dependents = ctx.graph.dependentsOf(node.uid);
  const blocking = ctx.graph.blockingDependentsOf(node.uid);
  if (blocking.length === 0) return removeFinalizer(ctx, node, FOREGROUND_FINALIZER);
  for (const d of dependents) if (!d.beingDeleted || isDeletingDependents(d)) ctx.queue.add(d.uid);
}

/** Orphan: take this owner out of every dependent's ownerReferences, then drop the finalizer. */
async function orphanDependents(ctx: GcContext, node: GraphNode): Promise<void> {
  for (const d of ctx.graph.dependentsOf(node.uid)) {
    const latest = await liveObject(ctx, d);
    if (!latest) continue;
    const refs = latest.metadata.ownerReferences ?? [];
    if (!refs.some((r) => r.uid === node.uid)) continue;
    await writeOwnerReferences(ctx, d, latest, ownerReferencesWithout(refs, [node.uid]));
  }
  await removeFinalizer(ctx, node, ORPHAN_FINALIZER);
}

async function removeFinalizer(ctx: GcContext, node: GraphNode, finalizer: string): Promise<void> {
  const latest = await liveObject(ctx, node);
  if (!latest || !(latest.metadata.finalizers ?? []).includes(finalizer)) return;
  const next = produce(latest, (d) => {
    const rest = (d.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    if (rest.length > 0) d.metadata.finalizers = rest;
    else delete d.metadata.finalizers;
  });
  try {
    await ctx.client.update(node.resource, next);
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}
