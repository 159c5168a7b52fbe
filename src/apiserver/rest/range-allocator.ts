// Hands out numbers from a range, each to one owner: service cluster IPs (as offsets in the
// service CIDR) and node ports. Kubernetes twin: pkg/registry/core/service/allocator (bitmap).
import type { Random } from '../../clock/random.js';

export class RangeAllocator {
  readonly #owner = new Map<number, string>();

  constructor(
    readonly first: number,
    readonly size: number,
    readonly random: Random,
  ) {}

  contains(n: number): boolean {
    return n >= this.first && n < this.first + this.size;
  }

  ownerOf(n: number): string | undefined {
    return this.#owner.get(n);
  }

  /** Claims `n` for `owner`; false when someone else holds it. */
  claim(n: number, owner: string): boolean {
    const held = this.#owner.get(n);
    if (held !== undefined && held !== owner) return false;
    this.#owner.set(n, owner);
    return true;
  }

  /** A free number for `owner`, chosen at random as kube's allocator does; undefined when full. */
  next(owner: string): number | undefined {
    if (this.#owner.size >= this.size) return undefined;
    const start = this.random.int(this.size);
    for (let i = 0; i < this.size; i++) {
      const n = this.first + ((start + i) % this.size);
      if (!this.#owner.has(n)) {
        this.#owner.set(n, owner);
        return n;
      }
    }
    return undefined;
  }

  /** Releases what `owner` holds except `keep`. */
  settle(owner: string, keep: ReadonlySet<number>): void {
    for (const [n, o] of this.#owner) if (o === owner && !keep.has(n)) this.#owner.delete(n);
  }
}
