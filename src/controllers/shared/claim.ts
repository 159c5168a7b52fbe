// Adoption and release: a controller claims the objects its selector matches that have no
// controller yet, and lets go of those it controls that no longer match.
// Kubernetes twin: BaseControllerRefManager.ClaimObject and PodControllerRefManager /
// ReplicaSetControllerRefManager (pkg/controller/controller_ref_manager.go), with
// RecheckDeletionTimestamp as the canAdopt check.
import type { Selector } from '../../api/selectors/label-selector.js';
import type { Frozen } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import type { HasMetadata, ResourceType } from '../../client/resources.js';
import { isNotFound } from '../../client/response-error.js';
import { StatusError } from '../../api/errors.js';
import { controllerRefOf, newControllerRef } from './controller-ref.js';

export interface ClaimOptions<T extends HasMetadata> {
  client: Client;
  /** What is claimed (pods, replicasets). */
  resource: ResourceType<T>;
  owner: Frozen<HasMetadata>;
  ownerApiVersion: string;
  ownerKind: string;
  selector: Selector;
  /**
   * Checked once, before the first adoption: the owner, read fresh from the server, is still
   * the same object and not being deleted (a stale cache must not adopt for a dead owner).
   */
  canAdopt(): Promise<void>;
  /**
   * What the claim asks of each object, for callers that remember it per object version (pods:
   * podFacts). It must agree with the default: the controllerRef's uid, the selector's match.
   */
  inspect?(object: Frozen<T>): ClaimView;
}

/** What a claim asks of one object. */
export interface ClaimView {
  readonly controllerUid: string | undefined;
  matches(selector: Selector): boolean;
}

/** The default ClaimView: read from the object each time. */
const viewOf = (object: Frozen<HasMetadata>): ClaimView => ({
  controllerUid: controllerRefOf(object)?.uid,
  matches: (selector) => selector.matches(object.metadata.labels),
});

/** The objects the owner controls after adopting and releasing; the first write error is thrown after all were tried. */
export async function claimObjects<T extends HasMetadata>(objects: readonly Frozen<T>[], o: ClaimOptions<T>): Promise<Frozen<T>[]> {
  const claimed: Frozen<T>[] = [];
  const errors: unknown[] = [];
  let adoptCheck: Promise<void> | undefined;
  const ownerNamespace = o.owner.metadata.namespace ?? '';
  const ownerUid = o.owner.metadata.uid;
  const ownerDeleting = !!o.owner.metadata.deletionTimestamp;
  const inspect = o.inspect ?? viewOf;
  for (const object of objects) {
    if (ownerNamespace && object.metadata.namespace !== ownerNamespace) continue;
    const view = inspect(object);
    const controllerUid = view.controllerUid;
    // Another owner's object is none of our business: skip it before matching labels.
    if (controllerUid !== undefined && controllerUid !== ownerUid) continue;
    const matches = view.matches(o.selector);
    try {
      if (controllerUid !== undefined) {
        if (matches) claimed.push(object);
        else if (!ownerDeleting) await release(object, o);
        continue;
      }
      if (!matches || ownerDeleting || object.metadata.deletionTimestamp) continue;
      adoptCheck ??= o.canAdopt();
      await adoptCheck;
      const adopted = await adopt(object, o);
      if (adopted) claimed.push(adopted);
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length > 0) throw errors[0];
  return claimed;
}

async function adopt<T extends HasMetadata>(object: Frozen<T>, o: ClaimOptions<T>): Promise<Frozen<T> | undefined> {
  const ref = newControllerRef(o.owner, o.ownerApiVersion, o.ownerKind);
  // The uid makes the patch fail if the object was replaced by another of the same name.
  const patch = { metadata: { ownerReferences: [ref], uid: object.metadata.uid } };
  try {
    return await o.client.patch(o.resource, object.metadata.namespace ?? '', object.metadata.name ?? '', 'strategic', patch);
  } catch (e) {
    if (isNotFound(e)) return undefined; // gone: nothing to adopt
    throw e;
  }
}

async function release<T extends HasMetadata>(object: Frozen<T>, o: ClaimOptions<T>): Promise<void> {
  const patch = { metadata: { ownerReferences: [{ $patch: 'delete', uid: o.owner.metadata.uid }], uid: object.metadata.uid } };
  try {
    await o.client.patch(o.resource, object.metadata.namespace ?? '', object.metadata.name ?? '', 'strategic', patch);
  } catch (e) {
    // Gone, or replaced (the uid no longer matches: Invalid): either way no longer ours.
    if (isNotFound(e) || (e instanceof StatusError && e.code === 422)) return;
    throw e;
  }
}

/**
 * The usual canAdopt: reads the owner from the server and refuses if it was deleted or
 * replaced. Go's message: "original ReplicaSet ns/name is gone: got uid X, wanted Y".
 */
export function recheckOwner(client: Client, resource: ResourceType, owner: Frozen<HasMetadata>): () => Promise<void> {
  return async () => {
    const ns = owner.metadata.namespace ?? '';
    const name = owner.metadata.name ?? '';
    const fresh = await client.get(resource, ns, name);
    if (fresh.metadata.uid !== owner.metadata.uid) {
      throw new Error(`original ${resource.kind} ${ns}/${name} is gone: got uid ${fresh.metadata.uid ?? ''}, wanted ${owner.metadata.uid ?? ''}`);
    }
    if (fresh.metadata.deletionTimestamp) {
      throw new Error(`${ns}/${name} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
    }
  };
}
