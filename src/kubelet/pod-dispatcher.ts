// One pod informer for many simulated kubelets, handing each node the pods bound to it.
// Kubernetes twin: each kubelet's own watch with fieldSelector spec.nodeName=<node>, which the
// API server filters; here the filter runs once per event (a map lookup) instead of once per
// node, so a thousand nodes cost one watch. A node sees exactly what its own watch would.
import type { Clock } from '../clock/clock.js';
import type { Frozen } from '../api/types.js';
import type { Pod } from '../api/types/pod.js';
import { Informer, PODS, type Client } from '../client/index.js';

export interface PodHandlers {
  onPod(pod: Frozen<Pod>): void;
  onPodDeleted(pod: Frozen<Pod>): void;
}

/** What a node agent needs of its pod watch: start it, know when it has listed, stop it. */
export interface NodePodSource {
  /** Starts delivering the node's pods (the current ones first, as a list). Resolves once listed. */
  start(handlers: PodHandlers): Promise<void>;
  stop(): void;
  /** The node's pods as the watch knows them now. */
  list(): Frozen<Pod>[];
}

/** The agent's own informer, filtered by the API server: the default, and the faithful one. */
export function ownPodSource(client: Client, clock: Clock, nodeName: string): NodePodSource {
  let informer: Informer<Pod> | undefined;
  return {
    async start(handlers) {
      informer = new Informer(client, PODS, { clock, fieldSelector: `spec.nodeName=${nodeName}` });
      informer.addEventHandler({ onAdd: handlers.onPod, onUpdate: (_, pod) => handlers.onPod(pod), onDelete: handlers.onPodDeleted });
      informer.start();
      await informer.waitForSync();
    },
    stop() {
      informer?.stop();
      informer = undefined;
    },
    list: () => informer?.list() ?? [],
  };
}

export class PodDispatcher {
  readonly #informer: Informer<Pod>;
  readonly #nodes = new Map<string, PodHandlers>();
  #started = false;
  /**
   * The cache's pods grouped by node, built on the first list() after a change: a thousand
   * kubelets starting together list their pods in one pass over the cache, not one pass each.
   */
  #byNode: Map<string, Frozen<Pod>[]> | undefined;

  constructor(client: Client, clock: Clock) {
    this.#informer = new Informer(client, PODS, { clock, fieldSelector: 'spec.nodeName!=' });
    const to = (pod: Frozen<Pod>): PodHandlers | undefined => {
      this.#byNode = undefined;
      return this.#nodes.get(pod.spec.nodeName ?? '');
    };
    this.#informer.addEventHandler({
      onAdd: (pod) => to(pod)?.onPod(pod),
      onUpdate: (_, pod) => to(pod)?.onPod(pod),
      onDelete: (pod) => to(pod)?.onPodDeleted(pod),
    });
  }

  #listFor(nodeName: string): Frozen<Pod>[] {
    if (!this.#byNode) {
      this.#byNode = new Map();
      for (const pod of this.#informer.list()) {
        const node = pod.spec.nodeName ?? '';
        const group = this.#byNode.get(node);
        if (group) group.push(pod);
        else this.#byNode.set(node, [pod]);
      }
    }
    return [...(this.#byNode.get(nodeName) ?? [])];
  }

  /** The pod source of one node. */
  sourceFor(nodeName: string): NodePodSource {
    const list = (): Frozen<Pod>[] => this.#listFor(nodeName);
    return {
      start: async (handlers) => {
        if (!this.#started) {
          this.#started = true;
          this.#informer.start();
        }
        await this.#informer.waitForSync();
        this.#nodes.set(nodeName, handlers);
        for (const pod of list()) handlers.onPod(pod);
      },
      stop: () => void this.#nodes.delete(nodeName),
      list,
    };
  }

  stop(): void {
    this.#informer.stop();
    this.#nodes.clear();
    this.#byNode = undefined;
  }
}
