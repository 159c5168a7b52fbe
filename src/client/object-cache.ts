// An informer's store: frozen objects by "namespace/name", indexed by namespace, and the
// difference a fresh list makes to it. Kubernetes twin: k8s.io/client-go/tools/cache
// (threadSafeMap with the namespace index; DeltaFIFO.Replace's deletions of unlisted keys).
import type { Frozen } from '../api/types.js';
import { objectKeyOf } from './object-key.js';
import type { HasMetadata } from './resources.js';

export interface CacheDiff<T extends HasMetadata> {
  added: Frozen<T>[];
  updated: [old: Frozen<T>, current: Frozen<T>][];
  deleted: Frozen<T>[];
}

export class ObjectCache<T extends HasMetadata> {
  readonly #byKey = new Map<string, Frozen<T>>();
  readonly #byNamespace = new Map<string, Map<string, Frozen<T>>>();

  get size(): number {
    return this.#byKey.size;
  }

  get(key: string): Frozen<T> | undefined {
    return this.#byKey.get(key);
  }

  /** Every object, or those of one namespace. */
  list(namespace?: string): Frozen<T>[] {
    const source = namespace === undefined ? this.#byKey : this.#byNamespace.get(namespace);
    return source ? [...source.values()] : [];
  }

  /** Stores `object`; returns the version it replaced. */
  upsert(object: Frozen<T>): Frozen<T> | undefined {
    const key = objectKeyOf(object);
    const old = this.#byKey.get(key);
    this.#byKey.set(key, object);
    const ns = object.metadata.namespace ?? '';
    let inNamespace = this.#byNamespace.get(ns);
    if (!inNamespace) this.#byNamespace.set(ns, (inNamespace = new Map()));
    inNamespace.set(key, object);
    return old;
  }

  /** Removes the object under `key`; returns what was there. */
  remove(key: string): Frozen<T> | undefined {
    const old = this.#byKey.get(key);
    if (!old) return undefined;
    this.#byKey.delete(key);
    const ns = old.metadata.namespace ?? '';
    const inNamespace = this.#byNamespace.get(ns);
    inNamespace?.delete(key);
    if (inNamespace?.size === 0) this.#byNamespace.delete(ns);
    return old;
  }

  /**
   * Makes the cache hold exactly `items` and says what changed. An object whose
   * resourceVersion did not move is no change: a relist after a short outage is quiet.
   */
  replace(items: readonly Frozen<T>[]): CacheDiff<T> {
    const diff: CacheDiff<T> = { added: [], updated: [], deleted: [] };
    const listed = new Set<string>();
    for (const item of items) {
      listed.add(objectKeyOf(item));
      const old = this.upsert(item);
      if (!old) diff.added.push(item);
      else if (old.metadata.resourceVersion !== item.metadata.resourceVersion) diff.updated.push([old, item]);
    }
    for (const key of [...this.#byKey.keys()]) {
      if (!listed.has(key)) diff.deleted.push(this.remove(key)!);
    }
    return diff;
  }
}
