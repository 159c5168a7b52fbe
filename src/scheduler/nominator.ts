// The pods nominated to nodes: pending pods that preempted others and wait for the room they
// made. Cycles read them through the snapshot (SnapshotInput.nominatedPods), so filtering can
// keep that room for them. Kubernetes twin: pkg/scheduler/backend/queue/nominator.go.
import type { Pod } from '../api/types/pod.js';

const NONE: readonly Pod[] = Object.freeze([]);

export class Nominator {
  readonly #pods = new Map<string, Pod>();
  #list: readonly Pod[] | undefined = NONE;

  /** The pod is nominated (it carries status.nominatedNodeName), or no longer (undefined). */
  set(key: string, pod: Pod | undefined): void {
    const nominated = pod?.status?.nominatedNodeName ? pod : undefined;
    if (this.#pods.get(key) === nominated) return;
    if (nominated) this.#pods.set(key, nominated);
    else if (!this.#pods.delete(key)) return;
    this.#list = undefined;
  }

  /** Every nominated pod; the same array until one changes (a snapshot is rebuilt only then). */
  list(): readonly Pod[] {
    return (this.#list ??= this.#pods.size === 0 ? NONE : [...this.#pods.values()]);
  }
}
