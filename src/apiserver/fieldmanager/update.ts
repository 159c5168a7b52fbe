// managedFields after a non-apply write (create, update, non-apply patch, subresource writes).
// Kubernetes twin: managedfields/internal/fieldmanager.go (FieldManager.Update,
// decodeLiveOrNew), managedfieldsupdater.go and structured-merge-diff merge/update.go
// (Updater.Update).
//
// The writer takes every field whose value it set or changed; other managers lose those fields
// and any field the write removed. The writer's entry is stamped with `now` only when it took
// something. Example: a ConfigMap created with data.a by kubectl-create, then labelled x=y by
// kubectl-label, has two entries: {f:data:{.:{},f:a:{}}} and {f:metadata:{f:labels:{.:{},f:x:{}}}}.
import type { ManagedFieldsEntry } from '../../api/types.js';
import { compare, type Comparison } from './compare.js';
import type { FieldSet } from './field-set.js';
import { countsFor, ownable, type Subresource } from './ignored-fields.js';
import {
  capUpdateManagers,
  decodeManagedFields,
  decodeOrEmpty,
  encodeManagedFields,
  fieldsOf,
  isResetManagedFields,
  managerIdentifier,
  ownsAllOf,
  ownsAnyOf,
  type Managed,
  type ManagerFields,
} from './managed-fields.js';
import { rootType, zeroObject } from './schema-types.js';

type Json = { metadata?: { managedFields?: ManagedFieldsEntry[] } } & object;

export interface UpdateArgs {
  group: string;
  version: string;
  kind: string;
  /** The stored object before the write; undefined for a create. */
  prev: object | undefined;
  /** The object about to be stored; its metadata.managedFields are ignored when `sent` is given. */
  next: object;
  /** The managedFields the client sent (if the key is present); else next's. */
  sent?: readonly ManagedFieldsEntry[];
  manager: string;
  subresource: Subresource;
  /** RFC 3339 time of the write. */
  now: string;
}

export function updateManagedFields(args: UpdateArgs): ManagedFieldsEntry[] {
  const root = rootType(args.group, args.version, args.kind);
  const sent = 'sent' in args ? args.sent : (args.next as Json).metadata?.managedFields;
  const managed = startingManagers(args.prev as Json | undefined, sent, args.subresource);
  // compare() never looks at metadata.managedFields: both sides are taken as they are.
  const cmp = compare(root, args.prev ?? zeroObject(root), args.next, countsFor(root, args.subresource));
  const apiVersion = args.group ? `${args.group}/${args.version}` : args.version;
  const entry = { manager: args.manager, operation: 'Update' as const, apiVersion, subresource: args.subresource };
  const id = managerIdentifier(entry);
  // Every earlier entry, the writer's own included, gives up what this write changed or removed.
  releaseChanged(managed, cmp, id);
  const took = ownable(cmp.modified.union(cmp.added).difference(cmp.removed), root, args.subresource);
  const before = managed.get(id);
  if (before) {
    const kept = writerKeeps(before, cmp, took);
    if (kept !== before) {
      if (fieldsOf(kept).isEmpty()) managed.delete(id);
      else managed.set(id, kept);
    }
  }
  if (!took.isEmpty()) {
    const held = managed.get(id);
    managed.set(id, { ...entry, time: args.now, ...(held ? { set: held.set, fieldsV1: held.fieldsV1 } : { set: took }) });
  }
  return encodeManagedFields(capUpdateManagers(managed)) ?? [];
}

/**
 * The writer's own entry after the write: what it held, less what the write changed or removed,
 * plus what it took. The common case, a writer changing fields it already owns and removing none
 * of them, leaves it as it was (and its stored FieldsV1 as is).
 */
function writerKeeps(before: ManagerFields, cmp: Comparison, took: FieldSet): ManagerFields {
  if (ownsAllOf(before, took) && !ownsAnyOf(before, cmp.removed)) return before;
  const lost = cmp.modified.union(cmp.added).union(cmp.removed);
  return { ...before, set: fieldsOf(before).difference(lost).union(took), fieldsV1: undefined };
}

/**
 * Whose fields the write starts from: the client's managedFields when it sent valid ones to the
 * main resource (so a client can edit them), none when it sent [] or [{}] (a reset), else the
 * stored ones. Subresource writes always start from the stored ones.
 */
function startingManagers(prev: Json | undefined, sent: readonly ManagedFieldsEntry[] | undefined, subresource: Subresource): Managed {
  const stored = () => decodeOrEmpty(prev?.metadata?.managedFields);
  if (subresource !== '') return stored();
  // The client sent back what is stored (the write path hands over the stored array itself then).
  if (sent === prev?.metadata?.managedFields) return stored();
  if (isResetManagedFields(sent)) return new Map();
  try {
    const decoded = decodeManagedFields(sent);
    return decoded.size > 0 ? decoded : stored();
  } catch {
    return stored();
  }
}

/** Takes changed and removed fields from every manager but `except`; drops managers left empty. */
export function releaseChanged(managed: Managed, cmp: Comparison, except: string | undefined): void {
  if (managed.size === 0 || (managed.size === 1 && managed.has(except ?? ''))) return;
  const lost = cmp.modified.union(cmp.added).union(cmp.removed);
  for (const [id, m] of managed) {
    if (id === except || !ownsAnyOf(m, lost)) continue;
    const set = fieldsOf(m).difference(lost);
    if (set.isEmpty()) managed.delete(id);
    else managed.set(id, { ...m, set, fieldsV1: undefined });
  }
}

