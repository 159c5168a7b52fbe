// The ownership graph: every object the collector has seen, by uid, with the reverse index
// from an owner's uid to the uids of the objects that name it. Owners that were never seen
// need no "virtual node" here: reconcile verifies an unknown owner against the server.
// Kubernetes twin: pkg/controller/garbagecollector/graph.go and graph_builder.go (uidToNode).
import type { Frozen, OwnerReference } from '../../api/types.js';
import type { HasMetadata, ResourceType } from '../../client/resources.js';

export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';

export interface GraphNode {
  uid: string;
  resource: ResourceType;
  namespace: string;
  name: string;
  owners: readonly Frozen<OwnerReference>[];
  finalizers: readonly string[];
  /** metadata.deletionTimestamp is set. */
  beingDeleted: boolean;
}

export function nodeOf(resource: ResourceType, object: Frozen<HasMetadata>): GraphNode {
  const m = object.metadata;
  return {
    uid: m.uid ?? '',
    resource,
    namespace: m.namespace ?? '',
    name: m.name ?? '',
    owners: m.ownerReferences ?? [],
    finalizers: m.finalizers ?? [],
    beingDeleted: m.deletionTimestamp !== undefined && m.deletionTimestamp !== null,
  };
}

/** Deleting with the foregroundDeletion finalizer: waits for its blocking dependents. */
export const isDeletingDependents = (n: GraphNode): boolean => n.beingDeleted && n.finalizers.includes(FOREGROUND_FINALIZER);
export const isOrphaning = (n: GraphNode): boolean => n.beingDeleted && n.finalizers.includes(ORPHAN_FINALIZER);

export class OwnershipGraph {
  readonly #nodes = new Map<string, GraphNode>();
  readonly #dependents = new Map<string, Set<string>>();

  get(uid: string): GraphNode | undefined {
    return this.#nodes.get(uid);
  }

  /** Inserts or replaces a node; answers the previous version. */
  upsert(node: GraphNode): GraphNode | undefined {
    const old = this.#nodes.get(node.uid);
    if (old) this.#unlink(old);
    this.#nodes.set(node.uid, node);
    for (const ref of node.owners) {
      let set = this.#dependents.get(ref.uid);
      if (!set) this.#dependents.set(ref.uid, (set = new Set()));
      set.add(node.uid);
    }
    return old;
  }

  remove(uid: string): GraphNode | undefined {
    const old = this.#nodes.get(uid);
    if (!old) return undefined;
    this.#unlink(old);
    this.#nodes.delete(uid);
    return old;
  }

  /** Objects (seen so far) whose ownerReferences name `ownerUid`. */
  dependentsOf(ownerUid: string): GraphNode[] {
    const set = this.#dependents.get(ownerUid);
    if (!set) return [];
    return [...set].map((u) => this.#nodes.get(u)).filter((n): n is GraphNode => n !== undefined);
  }

  /** Dependents whose reference to the owner has blockOwnerDeletion: true. */
  blockingDependentsOf(ownerUid: string): GraphNode[] {
    return this.dependentsOf(ownerUid).filter((d) => d.owners.some((r) => r.uid === ownerUid && r.blockOwnerDeletion === true));
  }

  #unlink(node: GraphNode): void {
    for (const ref of node.owners) {
      const set = this.#dependents.get(ref.uid);
      set?.delete(node.uid);
      if (set && set.size === 0) this.#dependents.delete(ref.uid);
    }
  }
}
