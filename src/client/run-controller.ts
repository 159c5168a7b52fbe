// The loop every controller shares: wait for the caches, then workers take keys from the
// queue and reconcile them; a failure comes back after the key's backoff, a success resets
// it, and `requeueAfterMs` brings a key back for timed work.
// Kubernetes twin: the Run/worker/processNextWorkItem pattern of pkg/controller/* (e.g.
// replicaset's), with cache.WaitForCacheSync.
import { isConflict } from './response-error.js';
import type { WorkQueue } from './work-queue.js';

export interface ReconcileResult {
  /** Reconcile the key again after this long (on the queue's clock), even if nothing changes. */
  requeueAfterMs?: number;
}

export interface ControllerSpec {
  name: string;
  /** Caches the controller reads; workers start once all of them have synced. */
  informers: readonly { waitForSync(): Promise<boolean> }[];
  queue: WorkQueue<string>;
  /** Keys reconciled in parallel (never the same key twice at once). Default 1. */
  workers?: number;
  reconcile(key: string): Promise<ReconcileResult | void>;
  /** Told of each failed reconcile before the retry; default logs all but Conflicts. */
  onError?(key: string, error: unknown): void;
}

export interface RunningController {
  /** Resolves true once the caches synced and workers run, false if stopped first. */
  readonly started: Promise<boolean>;
  /** Shuts the queue down and waits for reconciles in flight to finish. */
  stop(): Promise<void>;
}

export function runController(spec: ControllerSpec): RunningController {
  const { queue } = spec;
  let stopped = false;
  let workers: Promise<void>[] = [];
  let stopSignal: (v: boolean) => void = () => {};
  const stopping = new Promise<boolean>((resolve) => (stopSignal = resolve));
  const onError =
    spec.onError ??
    ((key: string, error: unknown) => {
      // A Conflict only means our cache was behind: the retry reads the newer version.
      if (!isConflict(error)) console.error(`kubesim: ${spec.name}: reconcile ${key} failed:`, error);
    });

  const work = async (): Promise<void> => {
    for (let key = await queue.get(); key !== undefined; key = await queue.get()) {
      await processOne(spec, key, onError);
    }
  };

  const started = (async () => {
    const synced = await Promise.race([Promise.all(spec.informers.map((i) => i.waitForSync())), stopping]);
    if (stopped || synced === false || (Array.isArray(synced) && synced.includes(false))) return false;
    workers = Array.from({ length: Math.max(1, spec.workers ?? 1) }, work);
    return true;
  })();

  return {
    started,
    async stop() {
      stopped = true;
      stopSignal(false);
      queue.shutdown();
      await started;
      await Promise.all(workers);
    },
  };
}

async function processOne(spec: ControllerSpec, key: string, onError: (key: string, error: unknown) => void): Promise<void> {
  const { queue } = spec;
  try {
    const result = await spec.reconcile(key);
    queue.forget(key);
    if (result && result.requeueAfterMs !== undefined) queue.addAfter(key, result.requeueAfterMs);
  } catch (error) {
    onError(key, error);
    queue.addRateLimited(key);
  } finally {
    queue.done(key);
  }
}
