// A view of stored objects through another API version: objects are converted on the way in
// and out, so that one stored resource serves several versions (core/v1 and events.k8s.io/v1
// Events). Kubernetes twin: the storage codec's version conversion (pkg/storage/storagebackend).
import { freeze } from 'immer';
import type { Conversion } from '../../api/registry/definition.js';
import type { KubeObject, Preconditions } from '../../api/types.js';
import type { ListOptions, ListResult, ObjectKey, ReadConsistency, Storage, TryUpdate, Watch, WatchDelivery, WatchOptions } from './storage.js';
import { StoredObject, type StoredValue } from './stored-object.js';

export type { Conversion };

export class ConvertingStorage implements Storage {
  constructor(
    readonly inner: Storage,
    readonly conversion: Conversion,
  ) {}

  get revision(): number {
    return this.inner.revision;
  }

  oldestRevision(): number {
    return this.inner.oldestRevision(this.conversion.resource);
  }

  #view(stored: StoredObject): StoredObject {
    return new StoredObject(freeze(this.conversion.fromStorage(stored.object), true) as StoredValue, stored.revision);
  }

  #viewPredicate(p: ((o: StoredValue) => boolean) | undefined): ((o: StoredValue) => boolean) | undefined {
    return p && ((o) => p(this.conversion.fromStorage(o) as StoredValue));
  }

  async create(_resource: string, key: ObjectKey, object: KubeObject): Promise<StoredObject> {
    return this.#view(await this.inner.create(this.conversion.resource, key, this.conversion.toStorage(object)));
  }

  async get(_resource: string, key: ObjectKey, consistency?: ReadConsistency): Promise<StoredObject | undefined> {
    const found = await this.inner.get(this.conversion.resource, key, consistency);
    return found && this.#view(found);
  }

  async list(_resource: string, options: ListOptions): Promise<ListResult> {
    const result = await this.inner.list(this.conversion.resource, { ...options, predicate: this.#viewPredicate(options.predicate) });
    return { ...result, items: result.items.map((i) => this.#view(i)) };
  }

  async guaranteedUpdate(_resource: string, key: ObjectKey, preconditions: Preconditions | undefined, tryUpdate: TryUpdate): Promise<StoredObject> {
    const stored = await this.inner.guaranteedUpdate(this.conversion.resource, key, preconditions, async (current) => {
      const next = await tryUpdate(freeze(this.conversion.fromStorage(current), true) as StoredValue);
      return this.conversion.toStorage(next);
    });
    return this.#view(stored);
  }

  async delete(
    _resource: string,
    key: ObjectKey,
    preconditions: Preconditions | undefined,
    check?: (current: StoredValue) => void | Promise<void>,
  ): Promise<StoredObject> {
    const last = await this.inner.delete(this.conversion.resource, key, preconditions, check && ((o) => check(this.conversion.fromStorage(o) as StoredValue)));
    return this.#view(last);
  }

  watch(_resource: string, options: WatchOptions, deliver: (event: WatchDelivery) => void): Watch {
    return this.inner.watch(this.conversion.resource, { ...options, predicate: this.#viewPredicate(options.predicate) }, (d) =>
      deliver({ type: d.type, object: this.#view(d.object) }),
    );
  }
}
