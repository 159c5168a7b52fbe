// The metadata the server owns: what create fills and what update carries over.
// Kubernetes twin: k8s.io/apiserver/pkg/registry/rest/create.go (BeforeCreate,
// FillObjectMetaSystemFields) and update.go (BeforeUpdate).
import { rfc3339 } from '../../clock/clock.js';
import type { NameGenerator } from '../../clock/names.js';
import type { MutableObj, Obj, ResourceDefinition } from '../../api/registry/definition.js';
import { deepEqual } from '../storage/same-content.js';

/** Fills uid, creationTimestamp, generation and a generated name; clears what a client may not set. */
export function fillCreateMeta(def: ResourceDefinition, obj: MutableObj, names: NameGenerator, now: number): void {
  const meta = obj.metadata;
  if (!meta.name && meta.generateName) meta.name = names.generateName(meta.generateName);
  meta.uid = names.uid();
  meta.creationTimestamp = rfc3339(now);
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.selfLink;
  // metadata.managedFields: left for recordManagedFields, which the pipeline calls last and which
  // sets or removes them (deleting a key that is there turns the object into a slow dictionary).
  if (def.tracksGeneration) meta.generation = 1;
  else delete meta.generation;
}

/** What counts as the spec for metadata.generation: everything but metadata and status. */
function specChanged(next: MutableObj, prev: Obj): boolean {
  for (const k of new Set([...Object.keys(next), ...Object.keys(prev)])) {
    if (k === 'metadata' || k === 'status' || k === 'apiVersion' || k === 'kind') continue;
    if (!deepEqual((next as Record<string, unknown>)[k], (prev as Record<string, unknown>)[k])) return true;
  }
  return false;
}

const isBodyKey = (k: string): boolean => k !== 'metadata' && k !== 'apiVersion' && k !== 'kind';

/** Whether two objects have the same fields besides metadata, apiVersion and kind, in the same order. */
function sameBodyKeys(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a).filter(isBodyKey);
  const kb = Object.keys(b).filter(isBodyKey);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i]);
}

/** Carries the server-owned fields of `prev` into an update, and moves generation on a spec change. */
export type UpdateTarget = '' | 'status' | 'finalize';

/** The metadata a status write cannot change, by default (apimachinery's ResetObjectMetaForStatus). */
const RESET_FOR_STATUS = ['labels', 'annotations', 'finalizers', 'ownerReferences'] as const;

export function carryUpdateMeta(def: ResourceDefinition, next: MutableObj, prev: Obj, subresource: UpdateTarget): void {
  const meta = next.metadata;
  const old = prev.metadata;
  // An update without a resourceVersion is unconditional: it applies to the current version.
  if (!meta.resourceVersion) meta.resourceVersion = old.resourceVersion;
  if (!meta.uid) meta.uid = old.uid;
  meta.creationTimestamp = old.creationTimestamp;
  if (old.deletionTimestamp) meta.deletionTimestamp = old.deletionTimestamp;
  else delete meta.deletionTimestamp;
  if (old.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = old.deletionGracePeriodSeconds;
  else delete meta.deletionGracePeriodSeconds;
  delete meta.selfLink;
  // metadata.managedFields: left for recordManagedFields, as on create.
  if (old.generation !== undefined) meta.generation = old.generation;
  else delete meta.generation;
  if (subresource === 'status' || subresource === 'finalize') {
    // A status write changes status only (ResetObjectMetaForStatus plus the kept spec); a
    // namespace's finalize write changes spec.finalizers only.
    const finalizers = (next.spec as { finalizers?: string[] } | undefined)?.finalizers;
    const status = next.status;
    const fields = next as Record<string, unknown>;
    const stored = prev as Record<string, unknown>;
    if (sameBodyKeys(fields, stored)) {
      // The usual case: the same top-level fields in the same order, so values are swapped in
      // place (deleting keys would turn every stored version into a slow dictionary object).
      for (const k in stored) if (k !== 'metadata' && k !== 'status') fields[k] = stored[k];
    } else {
      for (const k in fields) if (k !== 'metadata' && k !== 'apiVersion' && k !== 'kind') delete fields[k];
      for (const k in stored) if (k !== 'metadata') fields[k] = stored[k];
    }
    if (subresource === 'status') {
      if (status !== undefined) next.status = status;
      else delete next.status;
    } else {
      next.spec = { ...((prev.spec as object | undefined) ?? {}), finalizers: finalizers ?? [] };
    }
    const kept = subresource === 'finalize' ? RESET_FOR_STATUS : (def.strategy.statusKeepsMetadata ?? RESET_FOR_STATUS);
    const m = meta as Record<string, unknown>;
    // The stored values themselves, frozen: shaping never writes into them (and should it, the
    // update pipeline shapes a full copy instead).
    for (const field of kept) {
      const was = (old as Record<string, unknown>)[field];
      if (was === undefined) delete m[field];
      else m[field] = was;
    }
    return;
  }
  if (def.statusSubresource) {
    // The main resource cannot write status: it keeps the stored one.
    if (prev.status !== undefined) next.status = prev.status as MutableObj['status'];
    else delete next.status;
  }
  if (def.tracksGeneration) {
    const bump = specChanged(next, prev) || (def.strategy.generationFollowsAnnotations && !deepEqual(meta.annotations ?? {}, old.annotations ?? {}));
    meta.generation = (old.generation ?? 0) + (bump ? 1 : 0);
  }
}
