// metadata.managedFields decoded into one field set per manager, and encoded back.
// Kubernetes twin: k8s.io/apimachinery/pkg/util/managedfields/internal/managedfields.go and
// capmanagers.go.
//
// A manager is identified by (manager, operation, subresource) and, for Update only, apiVersion:
// an applier keeps one entry whatever version it applies through. Entries are sorted Apply
// before Update, then oldest first (by whole seconds), then by manager, apiVersion, subresource.
import type { ManagedFieldsEntry } from '../../api/types.js';
import { FieldSet, fieldsV1Covers, fieldsV1Intersects, fromFieldsV1, toFieldsV1 } from './field-set.js';
import { sortInPlace } from './small-sort.js';

export interface ManagerFields {
  readonly manager: string;
  readonly operation: 'Apply' | 'Update';
  readonly apiVersion: string;
  readonly subresource: string;
  readonly time?: string;
  /** The manager's fields, when built or changed by this write (see fieldsOf). */
  readonly set?: FieldSet;
  /**
   * The stored FieldsV1 object the manager was read from, standing for its fields while `set`
   * is absent: a write that leaves a manager's fields alone neither decodes nor re-encodes them.
   */
  readonly fieldsV1?: unknown;
}

const decoded = new WeakMap<object, FieldSet>();

/** A manager's fields, decoded from its stored FieldsV1 on first need. */
export function fieldsOf(m: ManagerFields): FieldSet {
  if (m.set) return m.set;
  const wire = m.fieldsV1;
  if (!wire || typeof wire !== 'object') return new FieldSet();
  let set = decoded.get(wire);
  if (!set) {
    try {
      set = fromFieldsV1(wire);
    } catch {
      // Stored entries were encoded by this server; anything unreadable owns nothing.
      set = new FieldSet();
    }
    decoded.set(wire, set);
  }
  return set;
}

/** Whether the manager owns some path of the set. */
export function ownsAnyOf(m: ManagerFields, set: FieldSet): boolean {
  return m.set ? m.set.intersects(set) : fieldsV1Intersects(m.fieldsV1, set);
}

/** Whether the manager owns every path of the set. */
export function ownsAllOf(m: ManagerFields, set: FieldSet): boolean {
  return m.set ? set.difference(m.set).isEmpty() : fieldsV1Covers(m.fieldsV1, set);
}

const ownsNothing = (m: ManagerFields): boolean => (m.set ? m.set.isEmpty() : !m.fieldsV1 || typeof m.fieldsV1 !== 'object' || Object.keys(m.fieldsV1).length === 0);

/** Manager identifier -> its fields. */
export type Managed = Map<string, ManagerFields>;

/** At most this many Update entries are kept; older ones merge into "ancient-changes". */
export const MAX_UPDATE_MANAGERS = 10;
const ANCIENT_CHANGES = 'ancient-changes';

/** The identifier as kube builds it: the entry's JSON without time, fields and (for Apply) apiVersion. */
export function managerIdentifier(e: { manager: string; operation: string; apiVersion?: string; subresource?: string }): string {
  // Every write asks for a few of these, and the managers of a cluster are few: remember them.
  const key = `${e.manager}\u0000${e.operation}\u0000${e.apiVersion ?? ''}\u0000${e.subresource ?? ''}`;
  let id = identifiers.get(key);
  if (id === undefined) {
    if (identifiers.size >= MAX_REMEMBERED_IDENTIFIERS) identifiers.clear();
    identifiers.set(key, (id = identifierJson(e)));
  }
  return id;
}

const identifiers = new Map<string, string>();
const MAX_REMEMBERED_IDENTIFIERS = 10_000;

function identifierJson(e: { manager: string; operation: string; apiVersion?: string; subresource?: string }): string {
  const id: Record<string, string> = {};
  if (e.manager) id.manager = e.manager;
  if (e.operation) id.operation = e.operation;
  if (e.operation !== 'Apply' && e.apiVersion) id.apiVersion = e.apiVersion;
  if (e.subresource) id.subresource = e.subresource;
  return JSON.stringify(id);
}

/**
 * Decodes managedFields; throws (with kube's reason) when an entry is not valid. Stored entries
 * (`stored`), written by this server, keep their FieldsV1 undecoded until a write needs it.
 */
export function decodeManagedFields(entries: readonly ManagedFieldsEntry[] | undefined, stored = false): Managed {
  const managed: Managed = new Map();
  (entries ?? []).forEach((e, i) => {
    if (e.operation !== 'Apply' && e.operation !== 'Update') throw new Error('operation must be `Apply` or `Update`');
    if (!e.apiVersion) throw new Error('apiVersion must not be empty');
    if (!e.fieldsType) throw new Error(`missing fieldsType in managed fields entry ${i}`);
    if (e.fieldsType !== 'FieldsV1') throw new Error(`invalid fieldsType "${e.fieldsType}" in managed fields entry ${i}`);
    const none = e.fieldsV1 === undefined || e.fieldsV1 === null;
    const entry: ManagerFields = {
      manager: e.manager ?? '',
      operation: e.operation,
      apiVersion: e.apiVersion,
      subresource: e.subresource ?? '',
      time: e.time,
      set: none ? new FieldSet() : stored ? undefined : fromFieldsV1(e.fieldsV1),
      fieldsV1: none || !stored ? undefined : e.fieldsV1,
    };
    managed.set(managerIdentifier(entry), entry);
  });
  return managed;
}

/**
 * The managers of a stored version, or none when its entries are not valid (kube's
 * emptyManagedFieldsOnErr).
 */
export function decodeOrEmpty(entries: readonly ManagedFieldsEntry[] | undefined): Managed {
  try {
    return decodeManagedFields(entries, true);
  } catch {
    return new Map();
  }
}

/** A non-nil empty list, or a single empty entry, asks to clear managedFields. */
export function isResetManagedFields(entries: readonly ManagedFieldsEntry[] | undefined): boolean {
  if (!Array.isArray(entries)) return false;
  if (entries.length === 0) return true;
  return entries.length === 1 && Object.values(entries[0] ?? {}).every((v) => v === undefined || v === '' || v === null);
}

const seconds = (time: string | undefined): number => (time ? Math.floor(Date.parse(time) / 1000) || 0 : 0);

/** The wire form, sorted as kube sorts it; managers with no fields are left out. */
export function encodeManagedFields(managed: Managed): ManagedFieldsEntry[] | undefined {
  const entries: ManagedFieldsEntry[] = [];
  for (const m of managed.values()) {
    if (ownsNothing(m)) continue;
    const e: ManagedFieldsEntry = { manager: m.manager, operation: m.operation, apiVersion: m.apiVersion };
    if (m.time) e.time = m.time;
    e.fieldsType = 'FieldsV1';
    if (m.set) {
      e.fieldsV1 = toFieldsV1(m.set) as ManagedFieldsEntry['fieldsV1'];
      // The next write of this object reads these fields back: it finds the set, not the wire.
      if (e.fieldsV1 && !decoded.has(e.fieldsV1)) decoded.set(e.fieldsV1, m.set);
    } else e.fieldsV1 = m.fieldsV1 as ManagedFieldsEntry['fieldsV1'];
    if (m.subresource) e.subresource = m.subresource;
    entries.push(e);
  }
  if (entries.length === 0) return undefined;
  return sortInPlace(entries, compareEntries);
}

function compareEntries(p: ManagedFieldsEntry, q: ManagedFieldsEntry): number {
  const order: Array<[string | number, string | number]> = [
    [p.operation ?? '', q.operation ?? ''],
    [seconds(p.time), seconds(q.time)],
    [p.manager ?? '', q.manager ?? ''],
    [p.apiVersion ?? '', q.apiVersion ?? ''],
    [p.subresource ?? '', q.subresource ?? ''],
  ];
  for (const [a, b] of order) if (a !== b) return a < b ? -1 : 1;
  return 0;
}

/**
 * Keeps at most `max` Update managers: the oldest are merged, per apiVersion, into one
 * "ancient-changes" entry carrying the newest merged time (kube's capManagersManager).
 */
export function capUpdateManagers(managed: Managed, max = MAX_UPDATE_MANAGERS): Managed {
  const updaters = [...managed.entries()].filter(([, m]) => m.operation === 'Update');
  if (updaters.length <= max) return managed;
  updaters.sort(([ia, a], [ib, b]) => seconds(a.time) - seconds(b.time) || (ia < ib ? -1 : ia > ib ? 1 : 0));
  const firstOfVersion = new Map<string, string>();
  let count = updaters.length;
  for (const [id, m] of updaters) {
    if (count <= max) break;
    const bucket = managerIdentifier({ manager: ANCIENT_CHANGES, operation: 'Update', apiVersion: m.apiVersion });
    const first = firstOfVersion.get(m.apiVersion);
    if (first === undefined) {
      firstOfVersion.set(m.apiVersion, id);
      continue;
    }
    // The first manager of this version opens the bucket unless one is there already.
    let existing = managed.get(bucket);
    if (!existing) {
      existing = managed.get(first)!;
      managed.delete(first);
    }
    managed.delete(id);
    managed.set(bucket, { manager: ANCIENT_CHANGES, operation: 'Update', apiVersion: m.apiVersion, subresource: '', time: m.time, set: fieldsOf(existing).union(fieldsOf(m)) });
    count--;
  }
  return managed;
}
