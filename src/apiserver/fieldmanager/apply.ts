// Server-side apply: merge an applied configuration into the live object and record what the
// applier now owns. Kubernetes twin: managedfields/internal/structuredmerge.go (Apply),
// versioncheck.go, lastappliedmanager.go, managedfieldsupdater.go and structured-merge-diff
// merge/update.go (Updater.Apply, prune).
//
// The applier owns exactly the fields of its configuration. Fields it owned last time and left
// out now are removed unless another manager owns them. Changing a field another manager owns
// is a conflict (409) unless forced, which moves the field to the applier.
import * as errors from '../../api/errors.js';
import type { ManagedFieldsEntry } from '../../api/types.js';
import { deepEqual } from '../storage/same-content.js';
import { compare } from './compare.js';
import { applyConflictError, type Conflict } from './conflict.js';
import { FieldSet } from './field-set.js';
import { countsFor, ownable, withoutManagedFields, type Subresource } from './ignored-fields.js';
import { allowedFromLastApplied, buildLastApplied, KUBECTL_MANAGER, LAST_APPLIED, lastAppliedOf } from './last-applied.js';
import { capUpdateManagers, decodeOrEmpty, encodeManagedFields, fieldsOf, managerIdentifier, type Managed } from './managed-fields.js';
import { merge, removeItems } from './merge.js';
import { childType, elementType, rootType, type TypeNode } from './schema-types.js';
import { toFieldSet } from './to-field-set.js';

type Json = Record<string, unknown> & { metadata?: Record<string, unknown> & { managedFields?: ManagedFieldsEntry[] } };

export interface ApplyArgs {
  group: string;
  version: string;
  kind: string;
  /** The stored object; undefined when the apply creates it. */
  current: object | undefined;
  /** The applied configuration (the decoded PATCH body). */
  applied: object;
  manager: string;
  force: boolean;
  now: string;
  subresource?: Subresource;
}

/** The object the apply leads to, its metadata.managedFields set. Throws 400 or 409 StatusErrors. */
export function applyConfiguration(args: ApplyArgs): Json {
  const root = rootType(args.group, args.version, args.kind);
  const apiVersion = args.group ? `${args.group}/${args.version}` : args.version;
  const applied = args.applied as Json;
  checkApplied(applied, apiVersion, args.kind);
  const sub = args.subresource ?? '';
  const live: Json = args.current ? withoutManagedFields(args.current as Json) : { apiVersion, kind: args.kind, metadata: {} };
  const managed = decodeOrEmpty((args.current as Json | undefined)?.metadata?.managedFields);
  const id = managerIdentifier({ manager: args.manager, operation: 'Apply', subresource: sub });
  const previous = managed.get(id);
  const newSet = toFieldSet(root, applied).filterTop(countsFor(root, sub));
  managed.set(id, { manager: args.manager, operation: 'Apply', apiVersion, subresource: sub, time: previous?.time, set: newSet });
  const merged = prune(root, merge(root, live, applied) as Json, managed, id, previous ? fieldsOf(previous) : undefined);

  let conflicts = takeOver(root, live, merged, managed, id, sub, args.force);
  if (conflicts.length > 0 && args.manager === KUBECTL_MANAGER) {
    // Conflicts with what client-side apply recorded (and still holds) are kubectl's own.
    const allowed = allowedFromLastApplied(root, live, apiVersion);
    if (allowed) {
      conflicts = conflicts.filter((c) => !allowed.has(c.path));
      if (conflicts.length === 0) conflicts = takeOver(root, live, merged, managed, id, sub, true);
    }
  }
  if (conflicts.length > 0) throw applyConflictError(conflicts);

  const own = ownable(newSet, root, sub);
  const changed = !args.current || !deepEqual(live, merged);
  if (own.isEmpty()) managed.delete(id);
  else managed.set(id, { ...managed.get(id)!, set: own, time: changed ? args.now : previous?.time });
  if (args.manager === KUBECTL_MANAGER && lastAppliedOf(merged)) {
    merged.metadata = { ...merged.metadata, annotations: { ...(merged.metadata?.annotations as object), [LAST_APPLIED]: buildLastApplied(applied) } };
  }
  const entries = encodeManagedFields(capUpdateManagers(managed));
  merged.metadata = { ...merged.metadata };
  if (entries) merged.metadata.managedFields = entries;
  else delete merged.metadata.managedFields;
  return merged;
}

/** kube's version check and "managedFields must be nil": 400 BadRequest. */
function checkApplied(applied: Json, apiVersion: string, kind: string): void {
  if (applied.apiVersion !== apiVersion || applied.kind !== kind) {
    const av = typeof applied.apiVersion === 'string' ? applied.apiVersion : '';
    const [group, version] = av.includes('/') ? av.split('/', 2) : ['', av];
    throw errors.badRequest(`invalid object type: ${group}/${version}, Kind=${typeof applied.kind === 'string' ? applied.kind : ''}`);
  }
  const meta = applied.metadata;
  if (meta && meta.managedFields !== undefined && meta.managedFields !== null) throw errors.badRequest('metadata.managedFields must be nil');
}

/**
 * Removes what the applier owned last time, left out now, and nobody else owns.
 * Example: applied {labels: {a, b}} then {labels: {a}} removes label b, unless another manager
 * holds it.
 */
function prune(root: TypeNode, merged: Json, managed: Managed, id: string, last: FieldSet | undefined): Json {
  if (!last || last.isEmpty()) return merged;
  let owned = new FieldSet();
  for (const m of managed.values()) owned = owned.union(fieldsOf(m));
  // A struct field stays while anything under it is owned: an applied `labels: {app: x}` owns
  // labels.app, not labels, yet an Update entry (or kubectl's migration from client-side
  // apply) lists labels itself; comparing the sets as they are would remove the whole map.
  const gone = withNamedFieldsAsMembers(root, last).difference(withNamedFieldsAsMembers(root, owned));
  return gone.isEmpty() ? merged : ((removeItems(root, merged, gone) as Json | undefined) ?? merged);
}

/**
 * The set with every struct field on the way to its paths made a member too (map keys and
 * list items are not). Kubernetes twin: structured-merge-diff fieldpath Set.EnsureNamedFieldsAreMembers.
 */
function withNamedFieldsAsMembers(type: TypeNode, set: FieldSet): FieldSet {
  if (set.children.size === 0) return set;
  const out = new FieldSet();
  for (const m of set.members) out.members.add(m);
  for (const [token, child] of set.children) {
    const name = token.startsWith('f:') ? token.slice(2) : undefined;
    const isStructField = name !== undefined && type.t === 'struct' && Object.hasOwn(type.decl.fields, name);
    if (isStructField) out.members.add(token);
    out.children.set(token, withNamedFieldsAsMembers(name !== undefined ? childType(type, name) : elementType(type), child));
  }
  return out;
}

/**
 * The conflicts of the change live -> merged with other managers; when there are none or the
 * apply is forced, other managers lose the fields that changed or went.
 */
function takeOver(root: TypeNode, live: Json, merged: Json, managed: Managed, id: string, sub: Subresource, force: boolean): Conflict[] {
  const keep = countsFor(root, sub);
  const cmp = compare(root, live, merged);
  const changed = cmp.modified.union(cmp.added).filterTop(keep);
  const removed = cmp.removed.filterTop(keep);
  const conflicts: Conflict[] = [];
  for (const [other, m] of managed) {
    if (other === id) continue;
    fieldsOf(m).intersection(changed).forEach((path) => conflicts.push({ managerId: other, path }));
  }
  if (conflicts.length > 0 && !force) return conflicts;
  for (const [other, m] of [...managed]) {
    if (other === id) continue;
    const set = fieldsOf(m).difference(changed).difference(removed);
    if (set.isEmpty()) managed.delete(other);
    else managed.set(other, { ...m, set, fieldsV1: undefined });
  }
  return [];
}
