// One zone's nodes waiting to be tainted for eviction, taken at the zone's rate. A node is
// queued once: after it was tainted it is not queued again until it is removed (it became
// ready again), so a node that stays not ready does not use up the zone's tokens.
// Kubernetes twin: RateLimitedTimedQueue and UniqueQueue (pkg/controller/nodelifecycle/scheduler/
// rate_limited_queue.go): Add, Remove, RemoveFromQueue, Try, SwapLimiter.
import { TokenBucket } from '../../client/token-bucket.js';

/** kube-controller-manager's EvictionRateLimiterBurst. */
export const EVICTION_BURST = 1;

interface Queued {
  name: string;
  /** Not tried before this (clock ms): set after a failed try. */
  processAt: number;
}

/** What a try of one node answers: done (drop it), or try again after `retryMs`. */
export type TryResult = { done: true } | { done: false; retryMs: number };

export class RateLimitedQueue {
  #queue: Queued[] = [];
  /** Every node added and not removed since, queued or already handled. */
  readonly #known = new Set<string>();
  #limiter: TokenBucket;

  constructor(qps: number, now: number) {
    this.#limiter = new TokenBucket(qps, EVICTION_BURST, now);
  }

  get qps(): number {
    return this.#limiter.qps;
  }

  get size(): number {
    return this.#queue.length;
  }

  has(name: string): boolean {
    return this.#queue.some((q) => q.name === name);
  }

  /** Queues the node unless it is known already; true when it was queued. */
  add(name: string, now: number): boolean {
    if (this.#known.has(name)) return false;
    this.#known.add(name);
    this.#queue.push({ name, processAt: now });
    return true;
  }

  /** Forgets the node (it is healthy again): a later add queues it anew. */
  remove(name: string): void {
    this.#known.delete(name);
    this.#queue = this.#queue.filter((q) => q.name !== name);
  }

  /**
   * A new rate. With a burst of 1, a bucket that is empty now hands its debt to the new one, so
   * a change of rate never grants an extra token (as Go drains the new limiter).
   */
  swapQps(qps: number, now: number): void {
    if (qps === this.#limiter.qps) return;
    const next = new TokenBucket(qps, EVICTION_BURST, now);
    if (qps > 0 && this.#limiter.waitMs(now) > 0) next.tryAccept(now);
    this.#limiter = next;
  }

  /** Milliseconds until the head could be tried (undefined when the queue is empty, Infinity at rate 0). */
  nextTryInMs(now: number): number | undefined {
    const head = this.#queue[0];
    if (!head) return undefined;
    return Math.max(this.#limiter.waitMs(now), head.processAt - now);
  }

  /** Tries queued nodes in order while tokens last, each token spent whether or not the try succeeds. */
  async try(now: number, fn: (name: string) => Promise<TryResult>): Promise<void> {
    for (let head = this.#queue[0]; head; head = this.#queue[0]) {
      if (!this.#limiter.tryAccept(now)) return;
      if (head.processAt > now) return;
      const result = await fn(head.name);
      // The node may have been removed (became ready) while we wrote.
      const i = this.#queue.indexOf(head);
      if (i < 0) continue;
      this.#queue.splice(i, 1);
      if (!result.done) this.#insert({ name: head.name, processAt: now + result.retryMs + 1 });
    }
  }

  #insert(q: Queued): void {
    const at = this.#queue.findIndex((x) => x.processAt > q.processAt);
    if (at < 0) this.#queue.push(q);
    else this.#queue.splice(at, 0, q);
  }
}
