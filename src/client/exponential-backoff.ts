// Delays that double on each failure up to a cap. Kubernetes twin: the per-item part of
// client-go's DefaultControllerRateLimiter (workqueue.ItemExponentialFailureRateLimiter) and
// the reflector's wait.Backoff between failed list/watch attempts.

/**
 * The wait before retry number `failures` (0 for the first): base * 2^failures, capped.
 * Worked example with base 5 ms, cap 1000 s: 5, 10, 20, 40 ms, ... the 18th retry waits
 * 5 * 2^17 = 655 360 ms, the 19th would be 1 310 720 ms and is capped at 1 000 000 ms.
 */
export function exponentialDelay(baseMs: number, maxMs: number, failures: number): number {
  // 2^failures overflows to Infinity long after the cap is passed; min() takes care of it.
  return Math.min(maxMs, baseMs * 2 ** failures);
}

/** One retrying actor's backoff: each `next()` waits twice as long, `reset()` starts over. */
export class Backoff {
  #failures = 0;

  constructor(
    private readonly baseMs: number,
    private readonly maxMs: number,
  ) {}

  next(): number {
    return exponentialDelay(this.baseMs, this.maxMs, this.#failures++);
  }

  reset(): void {
    this.#failures = 0;
  }
}
