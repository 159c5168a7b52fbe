// Remembers the slices this controller just wrote until its cache shows them, so that a pass
// on a stale cache does not create a second slice for the same endpoints.
// Kubernetes twin: pkg/controller/endpointslice (endpointslice_tracker.go, StaleInformerCache).
import type { EndpointSlice } from '../../api/types/endpointslice.js';
import type { Frozen } from '../../api/types.js';

interface Pending {
  /** slice name -> resourceVersion written */
  written: Map<string, string>;
  deleted: Set<string>;
}

const newer = (have: string | undefined, want: string): boolean => have !== undefined && (have === want || BigInt(have) >= BigInt(want));

export class SliceTracker {
  readonly #pending = new Map<string, Pending>();

  #of(serviceKey: string): Pending {
    let p = this.#pending.get(serviceKey);
    if (!p) this.#pending.set(serviceKey, (p = { written: new Map(), deleted: new Set() }));
    return p;
  }

  wrote(serviceKey: string, slice: Frozen<EndpointSlice>): void {
    this.#of(serviceKey).written.set(slice.metadata.name!, slice.metadata.resourceVersion ?? '0');
  }

  deleted(serviceKey: string, name: string): void {
    const p = this.#of(serviceKey);
    p.written.delete(name);
    p.deleted.add(name);
  }

  /** The cache holds every write and no deleted slice; clears what it confirms. */
  caughtUp(serviceKey: string, cached: (name: string) => Frozen<EndpointSlice> | undefined): boolean {
    const p = this.#pending.get(serviceKey);
    if (!p) return true;
    for (const [name, rv] of p.written) if (newer(cached(name)?.metadata.resourceVersion, rv)) p.written.delete(name);
    for (const name of p.deleted) if (!cached(name)) p.deleted.delete(name);
    if (p.written.size === 0 && p.deleted.size === 0) this.#pending.delete(serviceKey);
    return !this.#pending.has(serviceKey);
  }

  forget(serviceKey: string): void {
    this.#pending.delete(serviceKey);
  }
}
