// What the collector does with one object, decided from facts already gathered: pure.
// Kubernetes twin: attemptToDeleteItem's switch in pkg/controller/garbagecollector/garbagecollector.go.
import type { Frozen, OwnerReference } from '../../api/types.js';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from './graph.js';

/**
 * solid: the owner exists (same uid) and is not waiting for its dependents;
 * dangling: no live object of that name has that uid (or the reference is invalid);
 * waiting: the owner exists, is being deleted and carries foregroundDeletion.
 */
export type OwnerState = 'solid' | 'dangling' | 'waiting';

export interface ClassifiedOwner {
  ref: Frozen<OwnerReference>;
  state: OwnerState;
}

export type Propagation = 'Background' | 'Foreground' | 'Orphan';

export type GcAction =
  | { type: 'keep' }
  /** Some owner is solid: drop the references to the absent and the waiting ones. */
  | { type: 'removeOwnerReferences'; uids: string[] }
  /** No solid owner: delete; `unblock` first clears blockOwnerDeletion (a cycle guard). */
  | { type: 'delete'; policy: Propagation; unblock: boolean };

export interface ItemFacts {
  finalizers: readonly string[];
  /** The graph knows objects that name this one as owner. */
  hasDependents: boolean;
  /** One of those dependents is itself deleting its dependents (cycle guard). */
  dependentDeletingDependents: boolean;
}

export function planForDependent(item: ItemFacts, owners: readonly ClassifiedOwner[]): GcAction {
  const solid = owners.filter((o) => o.state === 'solid');
  const notSolid = owners.filter((o) => o.state !== 'solid');
  if (owners.length === 0) return { type: 'keep' };
  if (solid.length > 0) {
    if (notSolid.length === 0) return { type: 'keep' };
    return { type: 'removeOwnerReferences', uids: notSolid.map((o) => o.ref.uid) };
  }
  const waiting = owners.some((o) => o.state === 'waiting');
  if (waiting && item.hasDependents) {
    // An owner waits in the foreground and this item owns things too: it goes in the
    // foreground as well, so the wait propagates down the chain.
    return { type: 'delete', policy: 'Foreground', unblock: item.dependentDeletingDependents };
  }
  // Honour a finalizer the object already carries; otherwise background.
  const policy: Propagation = item.finalizers.includes(ORPHAN_FINALIZER)
    ? 'Orphan'
    : item.finalizers.includes(FOREGROUND_FINALIZER)
      ? 'Foreground'
      : 'Background';
  return { type: 'delete', policy, unblock: false };
}

/** The ownerReferences left once the given owners are removed. */
export function ownerReferencesWithout(owners: readonly Frozen<OwnerReference>[], uids: readonly string[]): Frozen<OwnerReference>[] {
  return owners.filter((r) => !uids.includes(r.uid));
}

/** Every reference made non-blocking (blockOwnerDeletion: false), as the cycle guard does. */
export function unblockedOwnerReferences(owners: readonly Frozen<OwnerReference>[]): Frozen<OwnerReference>[] {
  return owners.map((r) => (r.blockOwnerDeletion ? { ...r, blockOwnerDeletion: false } : r));
}

/** The message of the OwnerRefInvalidNamespace warning, as the graph builder prints it. */
export function invalidNamespaceMessage(ref: Frozen<OwnerReference>, namespace: string): string {
  return `ownerRef [${ref.apiVersion}/${ref.kind}, namespace: ${namespace}, name: ${ref.name}, uid: ${ref.uid}] does not exist in namespace "${namespace}"`;
}

export const OWNER_REF_INVALID_NAMESPACE = 'OwnerRefInvalidNamespace';
