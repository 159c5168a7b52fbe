// A token bucket on a clock's milliseconds: `qps` tokens a second, at most `burst` saved up,
// full at the start. A rate of 0 never lets anything through.
// Kubernetes twin: k8s.io/client-go/util/flowcontrol (NewTokenBucketRateLimiter, TryAccept,
// NewFakeNeverRateLimiter).
export class TokenBucket {
  #tokens: number;
  #last: number;

  constructor(
    readonly qps: number,
    readonly burst: number,
    now: number,
  ) {
    this.#tokens = qps > 0 ? burst : 0;
    this.#last = now;
  }

  /** Takes a token if there is one. Worked example: qps 0.1, burst 1, taken at 0 s -> next at 10 s. */
  tryAccept(now: number): boolean {
    if (this.qps <= 0) return false;
    this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) / 1000) * this.qps);
    this.#last = now;
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Milliseconds until a token is there (0: now; Infinity: never). */
  waitMs(now: number): number {
    if (this.qps <= 0) return Infinity;
    const tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) / 1000) * this.qps);
    return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / this.qps) * 1000);
  }
}
