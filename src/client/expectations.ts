// What a controller is still waiting to see in its informer after bulk creates and deletes,
// so that it does not act twice on a cache that lags behind its own writes.
// Kubernetes twin: ControllerExpectations in pkg/controller/controller_utils.go.
import type { Clock } from '../clock/clock.js';

/** Expectations older than this are assumed lost (a missed watch event) and no longer block. */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60_000;

export interface Expectation {
  /** Creations still to be observed. */
  add: number;
  /** Deletions still to be observed. */
  del: number;
  /** When they were set (clock ms). */
  timestamp: number;
}

export class ControllerExpectations {
  readonly #byKey = new Map<string, Expectation>();

  constructor(
    private readonly clock: Clock,
    private readonly timeoutMs = EXPECTATIONS_TIMEOUT_MS,
  ) {}

  get(key: string): Readonly<Expectation> | undefined {
    return this.#byKey.get(key);
  }

  /** Replaces the key's expectations: `add` creations and `del` deletions from now. */
  set(key: string, add: number, del: number): void {
    this.#byKey.set(key, { add, del, timestamp: this.clock.now() });
  }

  expectCreations(key: string, count: number): void {
    this.set(key, count, 0);
  }

  expectDeletions(key: string, count: number): void {
    this.set(key, 0, count);
  }

  /** Adds to existing expectations (none: nothing happens, as in Go). */
  raise(key: string, add: number, del: number): void {
    const e = this.#byKey.get(key);
    if (!e) return;
    e.add += add;
    e.del += del;
  }

  /** Takes from existing expectations, e.g. for a write that failed and will never be observed. */
  lower(key: string, add: number, del: number): void {
    this.raise(key, -add, -del);
  }

  creationObserved(key: string): void {
    this.lower(key, 1, 0);
  }

  deletionObserved(key: string): void {
    this.lower(key, 0, 1);
  }

  /**
   * True when the controller may act on `key`: nothing is expected (no record, e.g. a new
   * controller or after `forget`), everything expected was observed, or the expectations
   * expired (more than 5 minutes old).
   */
  satisfied(key: string): boolean {
    const e = this.#byKey.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.clock.now() - e.timestamp > this.timeoutMs;
  }

  /** Drops the key's expectations (its owner is gone). Go: DeleteExpectations. */
  forget(key: string): void {
    this.#byKey.delete(key);
  }
}
