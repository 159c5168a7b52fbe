// The objects of one resource, kept by key ("namespace/name"), with the key order a list
// walks (etcd's byte order) maintained lazily: sorting happens only when a list needs it.
import type { HistoryWindow } from './history-window.js';
import type { StoredObject } from './stored-object.js';

export const keyOf = (namespace: string, name: string): string => `${namespace}/${name}`;

/** First index in sorted `keys` whose key is >= `target`. */
export function lowerBound(keys: readonly string[], target: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Splices an unread order can take before it is dropped for one sort at the next list.
const SPLICES_BEFORE_RESORT = 256;

export class ResourceTable {
  readonly objects = new Map<string, StoredObject>();
  #sorted: string[] | null = [];
  #splicesSinceRead = 0;

  constructor(readonly history: HistoryWindow) {}

  /** Keys in list order. */
  sortedKeys(): readonly string[] {
    this.#splicesSinceRead = 0;
    if (this.#sorted === null) this.#sorted = [...this.objects.keys()].sort();
    return this.#sorted;
  }

  set(key: string, value: StoredObject): void {
    const isNew = !this.objects.has(key);
    this.objects.set(key, value);
    const sorted = this.#sorted;
    if (!isNew || sorted === null) return;
    if (sorted.length === 0 || key > sorted[sorted.length - 1]) {
      sorted.push(key); // names created in order (generateName aside) append cheaply
    } else if (++this.#splicesSinceRead > SPLICES_BEFORE_RESORT) {
      this.#sorted = null; // a burst of inserts: one sort later beats many splices now
    } else {
      sorted.splice(lowerBound(sorted, key), 0, key);
    }
  }

  remove(key: string): void {
    if (!this.objects.delete(key) || this.#sorted === null) return;
    const i = lowerBound(this.#sorted, key);
    if (this.#sorted[i] === key) this.#sorted.splice(i, 1);
  }
}
