// Time that moves only when told to. Timers fire in (deadline, arming order), and pending
// promise continuations run between timers, so a run with the same inputs replays exactly.
import type { Cancel, Clock } from './clock.js';
import { TimerHeap, type Timer } from './timer-heap.js';

// Lets awaits queued by a fired timer run before the next timer fires.
const settle = (): Promise<void> => new Promise<void>((resolve) => setImmediate(resolve));

export class VirtualClock implements Clock {
  #now: number;
  #seq = 0;
  readonly #timers = new TimerHeap();

  constructor(startMs = Date.UTC(2024, 0, 1)) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  after(ms: number, fire: () => void): Cancel {
    const timer: Timer = { at: this.#now + Math.max(0, ms), seq: this.#seq++, fire, cancelled: false };
    this.#timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  every(ms: number, fire: () => void): Cancel {
    const period = Math.max(1, ms);
    let cancelCurrent: Cancel = () => {};
    let stopped = false;
    const arm = (): void => {
      cancelCurrent = this.after(period, () => {
        if (stopped) return;
        arm();
        fire();
      });
    };
    arm();
    return () => {
      stopped = true;
      cancelCurrent();
    };
  }

  /** Moves time forward by `ms`, firing every timer due on the way. */
  async advance(ms: number): Promise<void> {
    if (ms < 0) throw new RangeError('a clock never goes backwards');
    const until = this.#now + ms;
    await settle();
    for (let t = this.#nextDue(until); t; t = this.#nextDue(until)) {
      this.#now = t.at;
      t.fire();
      await settle();
    }
    this.#now = until;
  }

  /** Number of timers still armed (cancelled ones excluded once they reach the top). */
  pendingTimers(): number {
    return this.#timers.size;
  }

  #nextDue(until: number): Timer | undefined {
    for (let t = this.#timers.peek(); t; t = this.#timers.peek()) {
      if (t.cancelled) {
        this.#timers.pop();
        continue;
      }
      if (t.at > until) return undefined;
      return this.#timers.pop();
    }
    return undefined;
  }
}
