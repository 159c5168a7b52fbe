// The scheduling queue: an active queue ordered by the profile's QueueSort (priority, then
// arrival), a backoff queue (1 s doubling to 10 s per attempt), and the unschedulable pods,
// moved back when a cluster event may have made them schedulable, and after 5 minutes at most.
// Kubernetes twin: pkg/scheduler/internal/queue/scheduling_queue.go (PriorityQueue).
import type { Cancel, Clock } from '../clock/clock.js';
import type { Pod } from '../api/types/pod.js';
import type { QueuedPodInfo } from './framework.js';

export const INITIAL_BACKOFF_MS = 1_000;
export const MAX_BACKOFF_MS = 10_000;
/** An unschedulable pod is retried after this long even if no event moved it. */
export const UNSCHEDULABLE_TIMEOUT_MS = 5 * 60_000;
const FLUSH_PERIOD_MS = 30_000;

interface Entry extends QueuedPodInfo {
  key: string;
  attempts: number;
  /** When the pod last failed: backoff and the unschedulable timeout count from here. */
  failedAt: number;
}

const keyOf = (pod: Pod): string => `${pod.metadata.namespace}/${pod.metadata.name}`;

export class SchedulingQueue {
  readonly #active: Entry[] = [];
  /** Keys in #active, so that forgetting a pod that is not there (most are not) costs no scan. */
  readonly #activeKeys = new Set<string>();
  readonly #backoff = new Map<string, { entry: Entry; cancel: Cancel }>();
  readonly #unschedulable = new Map<string, Entry>();
  readonly #waiters: ((e: Entry | undefined) => void)[] = [];
  readonly #stopFlush: Cancel;
  #closed = false;

  constructor(
    readonly less: (a: QueuedPodInfo, b: QueuedPodInfo) => boolean,
    readonly clock: Clock,
  ) {
    this.#stopFlush = clock.every(FLUSH_PERIOD_MS, () => this.#flushUnschedulable());
  }

  /** A pending pod was added or changed: it goes (back) to the active queue. */
  add(pod: Pod): void {
    const key = keyOf(pod);
    const known = this.#take(key);
    const entry: Entry = known ? { ...known, pod } : { key, pod, timestamp: this.clock.now(), attempts: 0, failedAt: 0 };
    this.#pushActive(entry);
  }

  /** The pod was deleted or bound: forget it. */
  delete(pod: Pod): void {
    this.#take(keyOf(pod));
  }

  /** The next pod to schedule, waiting for one when none is ready; undefined once closed. */
  pop(): Promise<QueuedPodInfo | undefined> {
    const next = this.#active.shift();
    if (next) {
      this.#activeKeys.delete(next.key);
      return Promise.resolve(next);
    }
    if (this.#closed) return Promise.resolve(undefined);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /** A pod no node can take now: parked until a cluster event or the timeout. */
  addUnschedulable(info: QueuedPodInfo): void {
    const entry = this.#failed(info);
    this.#unschedulable.set(entry.key, entry);
  }

  /** A pod whose attempt failed for another reason (an error, a rejected binding): retried after its backoff. */
  addBackoff(info: QueuedPodInfo): void {
    this.#toBackoff(this.#failed(info));
  }

  /** Something changed that may let parked pods fit (a node came or changed, a pod went). */
  moveAllToActiveOrBackoff(): void {
    const parked = [...this.#unschedulable.values()];
    this.#unschedulable.clear();
    for (const e of parked) {
      if (this.#backoffRemaining(e) > 0) this.#toBackoff(e);
      else this.#pushActive(e);
    }
  }

  get pendingCount(): { active: number; backoff: number; unschedulable: number } {
    return { active: this.#active.length, backoff: this.#backoff.size, unschedulable: this.#unschedulable.size };
  }

  close(): void {
    this.#closed = true;
    this.#stopFlush();
    for (const { cancel } of this.#backoff.values()) cancel();
    this.#backoff.clear();
    for (const w of this.#waiters.splice(0)) w(undefined);
  }

  #failed(info: QueuedPodInfo): Entry {
    const key = keyOf(info.pod);
    this.#take(key);
    return { key, pod: info.pod, timestamp: info.timestamp, attempts: (info.attempts ?? 0) + 1, failedAt: this.clock.now() };
  }

  /** 1 s, 2 s, 4 s, 8 s, then 10 s: the backoff after `attempts` failures. */
  #backoffRemaining(e: Entry): number {
    const duration = Math.min(INITIAL_BACKOFF_MS * 2 ** Math.max(0, e.attempts - 1), MAX_BACKOFF_MS);
    return e.failedAt + duration - this.clock.now();
  }

  #toBackoff(e: Entry): void {
    const cancel = this.clock.after(Math.max(0, this.#backoffRemaining(e)), () => {
      this.#backoff.delete(e.key);
      this.#pushActive(e);
    });
    this.#backoff.set(e.key, { entry: e, cancel });
  }

  #flushUnschedulable(): void {
    const now = this.clock.now();
    for (const e of [...this.#unschedulable.values()]) {
      if (now - e.failedAt >= UNSCHEDULABLE_TIMEOUT_MS) {
        this.#unschedulable.delete(e.key);
        this.#pushActive(e);
      }
    }
  }

  #take(key: string): Entry | undefined {
    if (this.#activeKeys.delete(key)) return this.#active.splice(this.#active.findIndex((e) => e.key === key), 1)[0];
    const b = this.#backoff.get(key);
    if (b) {
      b.cancel();
      this.#backoff.delete(key);
      return b.entry;
    }
    const u = this.#unschedulable.get(key);
    if (u) this.#unschedulable.delete(key);
    return u;
  }

  #pushActive(e: Entry): void {
    if (this.#closed) return;
    const waiter = this.#waiters.shift();
    if (waiter) return waiter(e);
    let i = this.#active.length;
    while (i > 0 && this.less(e, this.#active[i - 1])) i--;
    this.#active.splice(i, 0, e);
    this.#activeKeys.add(e.key);
  }
}
