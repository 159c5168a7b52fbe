// An MVCC object store in memory, with etcd's semantics: one revision counter, every write
// stamped with the next revision, a bounded event history per resource from which watches
// replay and consistent paginated lists rebuild older states.
// Kubernetes twin: k8s.io/apiserver/pkg/storage/etcd3/store.go, with the watch cache in front.
import { produce } from 'immer';
import { deepFreeze } from './deep-freeze.js';
import * as errors from '../../api/errors.js';
import type { KubeObject, Preconditions } from '../../api/types.js';
import { decodeContinue, encodeContinue } from './continue-token.js';
import { HistoryWindow } from './history-window.js';
import { keyOf, lowerBound, ResourceTable } from './resource-table.js';
import type {
  ListOptions,
  ListResult,
  ObjectKey,
  ReadConsistency,
  Storage,
  StoreEvent,
  TryUpdate,
  Watch,
  WatchDelivery,
  WatchOptions,
} from './storage.js';
import { StoredObject, type StoredValue } from './stored-object.js';
import { deliveryFor, DispatchEvent } from './watch-filter.js';
import { sameContent } from './same-content.js';

export interface MemoryStorageOptions {
  /** Events kept per resource for watches and consistent lists. */
  historyCapacity?: number;
}

interface Watcher {
  options: WatchOptions;
  deliver: (event: WatchDelivery) => void;
}

/** "pods", ("ns", "x") -> the group-resource used in error messages. */
function groupResource(resource: string): errors.GroupResource {
  const dot = resource.indexOf('.');
  return dot < 0 ? { group: '', resource } : { group: resource.slice(dot + 1), resource: resource.slice(0, dot) };
}

export const TOO_OLD_CONTINUE =
  'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.';

export class MemoryStorage implements Storage {
  #revision = 0;
  readonly #tables = new Map<string, ResourceTable>();
  readonly #watchers = new Map<string, Set<Watcher>>();
  readonly #historyCapacity: number;
  // Events waiting to be handed to watchers; a watcher that writes while being handed an
  // event must not see its own write before the events ahead of it.
  readonly #pending: { resource: string; event: StoreEvent }[] = [];
  #dispatching = false;

  constructor(options: MemoryStorageOptions = {}) {
    this.#historyCapacity = options.historyCapacity ?? 10_000;
  }

  get revision(): number {
    return this.#revision;
  }

  oldestRevision(resource: string): number {
    return this.#table(resource).history.floor;
  }

  #table(resource: string): ResourceTable {
    let table = this.#tables.get(resource);
    if (!table) {
      // A resource first touched now had no events before: its history is complete from the start.
      table = new ResourceTable(new HistoryWindow(this.#historyCapacity, 0));
      this.#tables.set(resource, table);
    }
    return table;
  }

  /**
   * The stored form of a version: stamped with its revision and frozen. The pipeline hands over
   * objects that are its own (freshly decoded, or copies), and parts carried over unchanged from
   * the version before are that version's frozen objects, shared rather than copied. The JSON is
   * made when a reader first needs it (StoredObject.bytes): in-process clients never do.
   */
  #stamp(object: KubeObject | StoredValue, revision: number): StoredObject {
    const rv = String(revision);
    const stamped = Object.isFrozen(object.metadata)
      ? produce(object as StoredValue, (draft) => {
          draft.metadata.resourceVersion = rv;
        })
      : (((object as KubeObject).metadata.resourceVersion = rv), object);
    return new StoredObject(deepFreeze(stamped) as StoredValue, revision);
  }

  #commit(resource: string, table: ResourceTable, event: StoreEvent): void {
    this.#revision = event.revision;
    table.history.push(event);
    this.#pending.push({ resource, event });
    if (this.#dispatching) return;
    this.#dispatching = true;
    try {
      for (let next = this.#pending.shift(); next; next = this.#pending.shift()) this.#dispatch(next.resource, next.event);
    } finally {
      this.#dispatching = false;
    }
  }

  #dispatch(resource: string, event: StoreEvent): void {
    const watchers = this.#watchers.get(resource);
    if (!watchers || watchers.size === 0) return;
    const dispatch = new DispatchEvent(event);
    for (const w of watchers) {
      const delivery = deliveryFor(w.options, dispatch);
      if (delivery) w.deliver(delivery);
    }
  }

  async create(resource: string, key: ObjectKey, object: KubeObject): Promise<StoredObject> {
    const table = this.#table(resource);
    const k = keyOf(key.namespace, key.name);
    if (table.objects.has(k)) throw errors.alreadyExists(groupResource(resource), key.name);
    const stored = this.#stamp(object, this.#revision + 1);
    table.set(k, stored);
    this.#commit(resource, table, { type: 'ADDED', revision: stored.revision, current: stored });
    return stored;
  }

  async get(resource: string, key: ObjectKey, consistency?: ReadConsistency): Promise<StoredObject | undefined> {
    this.#checkNotTooLarge(consistency);
    if (consistency?.kind === 'exact') {
      return this.#stateAt(resource, consistency.revision).get(keyOf(key.namespace, key.name));
    }
    return this.#table(resource).objects.get(keyOf(key.namespace, key.name));
  }

  #checkNotTooLarge(consistency: ReadConsistency | undefined): void {
    if ((consistency?.kind === 'notOlderThan' || consistency?.kind === 'exact') && consistency.revision > this.#revision) {
      throw errors.tooLargeResourceVersion(consistency.revision, this.#revision);
    }
  }

  /**
   * The objects of `resource` as they were at `revision`: the current map with every event
   * after `revision` undone (the first event after it for a key holds the key's old state).
   */
  #stateAt(resource: string, revision: number): { get(key: string): StoredObject | undefined; keys(): readonly string[] } {
    const table = this.#table(resource);
    if (!table.history.hasEventsAfter(revision)) {
      return { get: (k) => table.objects.get(k), keys: () => table.sortedKeys() };
    }
    if (revision < table.history.floor) throw errors.expired('The resourceVersion for the provided list is too old.');
    const overlay = new Map<string, StoredObject | undefined>();
    for (const e of table.history.since(revision)) {
      const k = keyOf(e.current.object.metadata.namespace ?? '', e.current.object.metadata.name!);
      if (!overlay.has(k)) overlay.set(k, e.type === 'ADDED' ? undefined : e.previous);
    }
    const get = (k: string): StoredObject | undefined => (overlay.has(k) ? overlay.get(k) : table.objects.get(k));
    let keys: string[] | undefined;
    return {
      get,
      keys: () => {
        if (!keys) {
          const all = new Set<string>(table.sortedKeys());
          for (const k of overlay.keys()) all.add(k);
          keys = [...all].filter((k) => get(k) !== undefined).sort();
        }
        return keys;
      },
    };
  }

  async list(resource: string, options: ListOptions): Promise<ListResult> {
    const table = this.#table(resource);
    const prefix = options.namespace ? `${options.namespace}/` : '';
    let revision = this.#revision;
    let start = prefix;
    if (options.continueToken) {
      const point = decodeContinue(options.continueToken);
      if (point.revision < table.history.floor && table.history.hasEventsAfter(point.revision)) {
        const err = errors.expired(TOO_OLD_CONTINUE);
        err.status.metadata = { continue: encodeContinue({ revision: this.#revision, start: point.start }) };
        throw err;
      }
      revision = point.revision;
      if (point.start > start) start = point.start;
    } else {
      this.#checkNotTooLarge(options.consistency);
      if (options.consistency?.kind === 'exact') revision = options.consistency.revision;
    }
    const state = this.#stateAt(resource, revision);
    const keys = state.keys();
    const end = prefix ? lowerBound(keys, `${prefix.slice(0, -1)}0`) : keys.length; // '0' follows '/'
    const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
    const items: StoredObject[] = [];
    let i = lowerBound(keys, start);
    for (; i < end && items.length < limit; i++) {
      const stored = state.get(keys[i]);
      if (!stored || (options.predicate && !options.predicate(stored.object))) continue;
      items.push(stored);
    }
    const result: ListResult = { items, revision };
    if (i < end && items.length >= limit) {
      result.continueToken = encodeContinue({ revision, start: `${keys[i - 1]}\u0000` });
      if (!options.filtered) result.remainingItemCount = end - i;
    }
    return result;
  }

  async guaranteedUpdate(
    resource: string,
    key: ObjectKey,
    preconditions: Preconditions | undefined,
    tryUpdate: TryUpdate,
  ): Promise<StoredObject> {
    const table = this.#table(resource);
    const k = keyOf(key.namespace, key.name);
    for (;;) {
      const current = table.objects.get(k);
      if (!current) throw errors.notFound(groupResource(resource), key.name);
      checkPreconditions(resource, key.name, preconditions, current.object);
      const next = await tryUpdate(current.object);
      if (table.objects.get(k) !== current) continue; // someone wrote meanwhile: try again on theirs
      if (sameContent(next, current.object)) return current;
      const stored = this.#stamp(next, this.#revision + 1);
      table.set(k, stored);
      this.#commit(resource, table, { type: 'MODIFIED', revision: stored.revision, current: stored, previous: current });
      return stored;
    }
  }

  async delete(
    resource: string,
    key: ObjectKey,
    preconditions: Preconditions | undefined,
    check?: (current: StoredValue) => void | Promise<void>,
  ): Promise<StoredObject> {
    const table = this.#table(resource);
    const k = keyOf(key.namespace, key.name);
    for (;;) {
      const current = table.objects.get(k);
      if (!current) throw errors.notFound(groupResource(resource), key.name);
      checkPreconditions(resource, key.name, preconditions, current.object);
      if (check) await check(current.object);
      if (table.objects.get(k) !== current) continue;
      const last = this.#stamp(current.object, this.#revision + 1);
      table.remove(k);
      this.#commit(resource, table, { type: 'DELETED', revision: last.revision, current: last, previous: current });
      return last;
    }
  }

  watch(resource: string, options: WatchOptions, deliver: (event: WatchDelivery) => void): Watch {
    const table = this.#table(resource);
    const from = options.fromRevision;
    if (from !== undefined && from > this.#revision) throw errors.tooLargeResourceVersion(from, this.#revision);
    if (from !== undefined && from < table.history.floor) {
      throw errors.expired(`too old resource version: ${from} (${table.history.floor})`);
    }
    // Everything below runs without yielding, so no write can fall between replay and live.
    if (from === undefined || options.sendInitialEvents) {
      const state = from === undefined ? null : this.#stateAt(resource, from);
      const keys = state ? state.keys() : table.sortedKeys();
      const prefix = options.namespace ? `${options.namespace}/` : '';
      for (let i = lowerBound(keys, prefix); i < keys.length && keys[i].startsWith(prefix); i++) {
        const stored = state ? state.get(keys[i]) : table.objects.get(keys[i]);
        if (stored && (!options.predicate || options.predicate(stored.object))) deliver({ type: 'ADDED', object: stored });
      }
    }
    if (from !== undefined) {
      for (const event of table.history.since(from)) {
        const delivery = deliveryFor(options, new DispatchEvent(event));
        if (delivery) deliver(delivery);
      }
    }
    const watcher: Watcher = { options, deliver };
    let watchers = this.#watchers.get(resource);
    if (!watchers) this.#watchers.set(resource, (watchers = new Set()));
    watchers.add(watcher);
    const storage = this;
    return {
      stop: () => void watchers.delete(watcher),
      get revision() {
        return storage.#revision;
      },
    };
  }

  /** Number of live watchers on `resource` (for tests and metrics). */
  watcherCount(resource: string): number {
    return this.#watchers.get(resource)?.size ?? 0;
  }
}

function checkPreconditions(resource: string, name: string, pre: Preconditions | undefined, object: StoredValue): void {
  if (!pre) return;
  const gr = groupResource(resource);
  if (pre.uid !== undefined && pre.uid !== object.metadata.uid) {
    throw errors.conflict(gr, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${object.metadata.uid ?? ''}`);
  }
  if (pre.resourceVersion !== undefined && pre.resourceVersion !== object.metadata.resourceVersion) {
    throw errors.conflict(
      gr,
      name,
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${object.metadata.resourceVersion ?? ''}`,
    );
  }
}

