// Enqueues a controller's keys at the end of the current clock instant instead of at once, so
// that a burst of informer events about one key costs one reconcile.
// Kubernetes twin: none as such. In kube-controller-manager the informers and the workers run
// in parallel; while a worker syncs, the events that keep arriving collapse into one queued
// key (client-go's workqueue dirty set). In one JavaScript thread an idle worker wakes after
// every single event, before the next one is even produced, so nothing ever collapses: 1,000
// pods turning Ready at one instant would cost 1,000 ReplicaSet syncs over 1,000 pods each.
// Handing the keys over from a zero-delay timer on the injected clock lets every event of the
// instant land first. No virtual time passes; on the real clock it is a timer of 0 ms.
import type { Cancel, Clock } from '../../clock/clock.js';
import type { WorkQueue } from '../../client/work-queue.js';

export class InstantBatch<K = string> {
  readonly #pending = new Set<K>();
  #cancel: Cancel | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly queue: WorkQueue<K>,
  ) {}

  /** Keys waiting for the end of the instant (not yet in the queue). */
  get size(): number {
    return this.#pending.size;
  }

  add(key: K): void {
    if (this.queue.shuttingDown) return;
    this.#pending.add(key);
    this.#cancel ??= this.clock.after(0, () => this.flush());
  }

  /** Hands every pending key to the queue now, in the order first added. */
  flush(): void {
    this.#cancel?.();
    this.#cancel = undefined;
    const keys = [...this.#pending];
    this.#pending.clear();
    for (const key of keys) this.queue.add(key);
  }

  /** Drops pending keys and the timer (the controller is stopping). */
  stop(): void {
    this.#cancel?.();
    this.#cancel = undefined;
    this.#pending.clear();
  }
}
