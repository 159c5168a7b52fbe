// Keys waiting to be reconciled. Fair (first in, first out), stingy (a key queued twice is
// processed once), and never hands one key to two workers at once: a key added while it is
// being processed is queued again when `done` is called. Delays and per-key exponential
// backoff run on the injected clock.
// Kubernetes twin: k8s.io/client-go/util/workqueue (queue.go, delaying_queue.go,
// rate_limiting_queue.go with the per-item half of DefaultControllerRateLimiter).
import type { Cancel, Clock } from '../clock/clock.js';
import { exponentialDelay } from './exponential-backoff.js';

export interface WorkQueueOptions {
  /** First retry delay (client-go: 5 ms). */
  baseDelayMs?: number;
  /** Longest retry delay (client-go: 1000 s). */
  maxDelayMs?: number;
}

export class WorkQueue<K = string> {
  /** Keys ready to be handed out, in order; each is in #dirty and not in #processing. */
  #queue: K[] = [];
  #head = 0;
  /** Keys that need processing (queued, or re-added while being processed). */
  readonly #dirty = new Set<K>();
  readonly #processing = new Set<K>();
  /** addAfter timers, one per key: the earliest wins. */
  readonly #delayed = new Map<K, { at: number; cancel: Cancel }>();
  readonly #failures = new Map<K, number>();
  readonly #getters: ((key: K | undefined) => void)[] = [];
  #shuttingDown = false;
  readonly #baseDelayMs: number;
  readonly #maxDelayMs: number;

  constructor(
    private readonly clock: Clock,
    options: WorkQueueOptions = {},
  ) {
    this.#baseDelayMs = options.baseDelayMs ?? 5;
    this.#maxDelayMs = options.maxDelayMs ?? 1_000_000;
  }

  /** Keys waiting to be handed out (not counting those being processed or delayed). */
  get length(): number {
    return this.#queue.length - this.#head;
  }

  get processing(): number {
    return this.#processing.size;
  }

  /** Nothing queued, processing or delayed. */
  get idle(): boolean {
    return this.length === 0 && this.#processing.size === 0 && this.#delayed.size === 0;
  }

  get shuttingDown(): boolean {
    return this.#shuttingDown;
  }

  add(key: K): void {
    if (this.#shuttingDown || this.#dirty.has(key)) return;
    this.#dirty.add(key);
    // Being processed: `done` queues it again, so no two workers hold it at once.
    if (this.#processing.has(key)) return;
    this.#queue.push(key);
    this.#handOut();
  }

  /** Adds `key` once `ms` have passed on the clock; a later call with an earlier time wins. */
  addAfter(key: K, ms: number): void {
    if (this.#shuttingDown) return;
    if (ms <= 0) return this.add(key);
    const at = this.clock.now() + ms;
    const pending = this.#delayed.get(key);
    if (pending && pending.at <= at) return;
    pending?.cancel();
    const cancel = this.clock.after(ms, () => {
      this.#delayed.delete(key);
      this.add(key);
    });
    this.#delayed.set(key, { at, cancel });
  }

  /**
   * Adds `key` after its backoff, which doubles with each call until `forget`:
   * 5, 10, 20, 40 ms ... up to 1000 s with the defaults.
   */
  addRateLimited(key: K): void {
    const failures = this.#failures.get(key) ?? 0;
    this.#failures.set(key, failures + 1);
    this.addAfter(key, exponentialDelay(this.#baseDelayMs, this.#maxDelayMs, failures));
  }

  /** The key succeeded (or is given up on): its backoff starts again from the base. */
  forget(key: K): void {
    this.#failures.delete(key);
  }

  /** How many times addRateLimited was called since the last forget. */
  numRequeues(key: K): number {
    return this.#failures.get(key) ?? 0;
  }

  /** The next key to process (call `done` with it after), or undefined once shut down. */
  get(): Promise<K | undefined> {
    if (this.#shuttingDown) return Promise.resolve(undefined);
    if (this.length > 0) return Promise.resolve(this.#take());
    return new Promise((resolve) => this.#getters.push(resolve));
  }

  /** Processing of `key` finished; if it was added meanwhile, it is queued again now. */
  done(key: K): void {
    this.#processing.delete(key);
    if (this.#dirty.has(key) && !this.#shuttingDown) {
      this.#queue.push(key);
      this.#handOut();
    }
  }

  /** Stops handing out keys: waiting and later `get` calls answer undefined; timers are cancelled. */
  shutdown(): void {
    this.#shuttingDown = true;
    for (const d of this.#delayed.values()) d.cancel();
    this.#delayed.clear();
    this.#queue = [];
    this.#head = 0;
    this.#dirty.clear();
    for (const g of this.#getters.splice(0)) g(undefined);
  }

  #take(): K {
    const key = this.#queue[this.#head++];
    // Drop the consumed prefix now and then, so the array does not grow without bound.
    if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    this.#dirty.delete(key);
    this.#processing.add(key);
    return key;
  }

  #handOut(): void {
    while (this.#getters.length > 0 && this.length > 0) this.#getters.shift()!(this.#take());
  }
}
