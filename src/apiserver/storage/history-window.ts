// The bounded history of one resource's events: what watches replay from and what consistent
// paginated lists rebuild older states from. Kubernetes twin: the watch cache's event window
// (k8s.io/apiserver/pkg/storage/cacher/watch_cache.go), as a ring buffer.
import type { StoreEvent } from './storage.js';

export class HistoryWindow {
  readonly #ring: (StoreEvent | undefined)[];
  #start = 0; // index of the oldest event
  #size = 0;
  /** Every event with a revision above this one is still in the window. */
  #floor: number;

  constructor(
    readonly capacity: number,
    floor = 0,
  ) {
    this.#ring = new Array(capacity);
    this.#floor = floor;
  }

  /** The oldest revision a reader may start after. */
  get floor(): number {
    return this.#floor;
  }

  get size(): number {
    return this.#size;
  }

  push(event: StoreEvent): void {
    if (this.#size === this.capacity) {
      const evicted = this.#ring[this.#start]!;
      this.#floor = evicted.revision;
      this.#ring[this.#start] = undefined;
      this.#start = (this.#start + 1) % this.capacity;
      this.#size--;
    }
    this.#ring[(this.#start + this.#size) % this.capacity] = event;
    this.#size++;
  }

  #at(i: number): StoreEvent {
    return this.#ring[(this.#start + i) % this.capacity]!;
  }

  /** Index of the first event with a revision above `revision` (binary search: revisions ascend). */
  #firstAfter(revision: number): number {
    let lo = 0;
    let hi = this.#size;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#at(mid).revision <= revision) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Every event after `revision`, oldest first. The caller checks `revision >= floor`. */
  *since(revision: number): Generator<StoreEvent> {
    for (let i = this.#firstAfter(revision); i < this.#size; i++) yield this.#at(i);
  }

  /** True when some event came after `revision`. */
  hasEventsAfter(revision: number): boolean {
    return this.#size > 0 && this.#at(this.#size - 1).revision > revision;
  }
}
