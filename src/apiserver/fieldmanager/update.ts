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
import { countsFor, ownable, withoutManagedFields, type Subresource } from './ignored-fields.js';
import { capUpdateManagers, decodeManagedFields, decodeOrEmpty, encodeManagedFields, isResetManagedFields, managerIdentifier, type Managed } from './managed-fields.js';
import { rootType, zeroObject } from './schema-types.js';

type Json = { metadata?: { managedFields?: ManagedFieldsEntry[] } } & object;

export interface UpdateArgs {
  group: string;
  version: string;
  kind: string;
  /** The stored object before the write; undefined for a create. */
  prev: object | undefined;
  /** The object about to be stored; its metadata.managedFields are what the client sent. */
  next: object;
  manager: string;
  subresource: Subresource;
  /** RFC 3339 time of the write. */
  now: string;
}

export function updateManagedFields(args: UpdateArgs): ManagedFieldsEntry[] {
  const root = rootType(args.group, args.version, args.kind);
  const managed = startingManagers(args.prev as Json | undefined, args.next as Json, args.subresource);
  const live = args.prev ? withoutManagedFields(args.prev) : zeroObject(root);
  const cmp = filtered(compare(root, live, withoutManagedFields(args.next)), countsFor(root, args.subresource));
  // Every earlier entry, the writer's own included, gives up what this write changed or removed.
  releaseChanged(managed, cmp, undefined);
  const took = ownable(cmp.modified.union(cmp.added).difference(cmp.removed), root, args.subresource);
  if (!took.isEmpty()) {
    const apiVersion = args.group ? `${args.group}/${args.version}` : args.version;
    const entry = { manager: args.manager, operation: 'Update' as const, apiVersion, subresource: args.subresource };
    const id = managerIdentifier(entry);
    const before = managed.get(id)?.set;
    managed.set(id, { ...entry, time: args.now, set: before ? took.union(before) : took });
  }
  return encodeManagedFields(capUpdateManagers(managed)) ?? [];
}

/**
 * Whose fields the write starts from: the client's managedFields when it sent valid ones to the
 * main resource (so a client can edit them), none when it sent [] or [{}] (a reset), else the
 * stored ones. Subresource writes always start from the stored ones.
 */
function startingManagers(prev: Json | undefined, next: Json, subresource: Subresource): Managed {
  const stored = () => decodeOrEmpty(prev?.metadata?.managedFields);
  if (subresource !== '') return stored();
  const sent = next.metadata?.managedFields;
  if (isResetManagedFields(sent)) return new Map();
  try {
    const decoded = decodeManagedFields(sent);
    return decoded.size > 0 ? decoded : stored();
  } catch {
    return stored();
  }
}

function filtered(c: Comparison, keep: Parameters<FieldSet['filter']>[0]): Comparison {
  return { added: c.added.filter(keep), modified: c.modified.filter(keep), removed: c.removed.filter(keep) };
}

/** Takes changed and removed fields from every manager but `except`; drops managers left empty. */
export function releaseChanged(managed: Managed, cmp: Comparison, except: string | undefined): void {
  const lost = cmp.modified.union(cmp.added).union(cmp.removed);
  for (const [id, m] of managed) {
    if (id === except) continue;
    const set = m.set.difference(lost);
    if (set.isEmpty()) managed.delete(id);
    else managed.set(id, { ...m, set });
  }
}

