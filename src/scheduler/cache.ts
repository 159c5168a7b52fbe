// The scheduler's cache: NodeInfos kept up to date from informer events (and assumed pods), so
// that a cycle's snapshot costs the nodes that changed since the last one, not the cluster.
// Kubernetes twin: pkg/scheduler/backend/cache/cache.go (cacheImpl, UpdateSnapshot with its
// per-node generations; here a set of dirty nodes plays that part).
import type { Node } from '../api/types/node.js';
import type { Pod } from '../api/types/pod.js';
import { newSharedFacts, nodeFactsOf, nodeInfoOf, podInfoOf, type NodeInfo, type PodInfo } from './node-info.js';
import { nodeTreeOrder, snapshotFromNodeInfos, withNodeInfos, type Snapshot, type SnapshotInput } from './snapshot.js';

const isTerminal = (p: Pod): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const imageNames = (n: Node): Set<string> => new Set((n.status?.images ?? []).flatMap((i) => i.names ?? []));

export class SchedulerCache {
  readonly #nodes = new Map<string, Node>();
  readonly #images = new Map<string, Set<string>>();
  /** Image name -> on how many nodes (ImageStateSummary.NumNodes). */
  readonly #imageCounts = new Map<string, number>();
  /** Images whose count changed since the last snapshot: every node holding one is rebuilt then. */
  readonly #recounted = new Set<string>();
  /** Facts shared by nodes alike (see nodeFactsOf); renewed on any recount of images. */
  #shared = newSharedFacts();
  /** Nodes whose facts (allocatable, image states) must be worked out again: new versions, recounts. */
  readonly #staleFacts = new Set<string>();
  /** Node name -> pod key -> the pod bound (or assumed) there, described once when it is set. */
  readonly #podsByNode = new Map<string, Map<string, PodInfo>>();
  readonly #nodeOfPod = new Map<string, string>();
  readonly #infos = new Map<string, NodeInfo>();
  readonly #dirty = new Set<string>();
  #order: string[] | undefined;
  #snapshot: Snapshot | undefined;

  setNode(node: Node): void {
    const name = node.metadata.name ?? '';
    if (!this.#nodes.has(name)) this.#order = undefined;
    else if (zoneOf(this.#nodes.get(name)!) !== zoneOf(node)) this.#order = undefined;
    this.#nodes.set(name, node);
    this.#setImages(name, imageNames(node));
    this.#staleFacts.add(name);
    this.#touch(name);
  }

  removeNode(name: string): void {
    if (!this.#nodes.delete(name)) return;
    this.#setImages(name, new Set());
    this.#infos.delete(name);
    this.#staleFacts.delete(name);
    this.#order = undefined;
    this.#snapshot = undefined;
  }

  /** Records where a pod is: bound (or assumed) and running somewhere, or nowhere (undefined). */
  setPod(key: string, pod: Pod | undefined): void {
    const before = this.#nodeOfPod.get(key);
    const node = pod && !isTerminal(pod) ? pod.spec?.nodeName : undefined;
    // The same object where it already is: nothing changed (frozen objects are new when changed).
    if (pod && node && before === node && this.#podsByNode.get(node)?.get(key)?.pod === pod) return;
    if (before !== undefined) {
      this.#podsByNode.get(before)?.delete(key);
      this.#nodeOfPod.delete(key);
      this.#touch(before);
    }
    if (!pod || !node) return;
    let pods = this.#podsByNode.get(node);
    if (!pods) this.#podsByNode.set(node, (pods = new Map()));
    pods.set(key, podInfoOf(pod));
    this.#nodeOfPod.set(key, node);
    this.#touch(node);
  }

  /** The snapshot for the next cycle; the same object while nothing changed. */
  snapshot(input: Omit<SnapshotInput, 'nodes' | 'pods'> = {}): Snapshot {
    this.#touchRecounted();
    const same = this.#snapshot?.input;
    if (same && this.#dirty.size === 0 && same.namespaceLabels === input.namespaceLabels && same.nominatedPods === input.nominatedPods) return this.#snapshot!;
    const rebuilt: NodeInfo[] = [];
    for (const name of this.#dirty) {
      const node = this.#nodes.get(name);
      if (!node) continue;
      const previous = this.#infos.get(name);
      // A node rebuilt because a pod came or went keeps its facts; only its pods are summed again.
      const facts = previous && !this.#staleFacts.has(name) ? previous : nodeFactsOf(node, this.#imageCounts, this.#shared);
      const info = nodeInfoOf(node, [...(this.#podsByNode.get(name)?.values() ?? [])], facts);
      this.#infos.set(name, info);
      rebuilt.push(info);
    }
    this.#dirty.clear();
    this.#staleFacts.clear();
    const full = { ...input, nodes: [], pods: [] };
    // The same nodes in the same order: the previous snapshot with the rebuilt nodes swapped in.
    if (this.#order !== undefined && this.#snapshot !== undefined) return (this.#snapshot = withNodeInfos(this.#snapshot, rebuilt, full));
    this.#order = nodeTreeOrder([...this.#nodes.values()], (n) => n.metadata.labels).map((n) => n.metadata.name ?? '');
    this.#snapshot = snapshotFromNodeInfos(this.#order.map((n) => this.#infos.get(n)!), full);
    return this.#snapshot;
  }

  #touch(name: string): void {
    if (this.#nodes.has(name)) this.#dirty.add(name);
  }

  /** Keeps the image counts; the nodes holding an image whose count changed are rebuilt at the next snapshot. */
  #setImages(name: string, now: Set<string>): void {
    const old = this.#images.get(name) ?? new Set<string>();
    for (const i of old) if (!now.has(i)) (this.#imageCounts.set(i, (this.#imageCounts.get(i) ?? 1) - 1), this.#recounted.add(i));
    for (const i of now) if (!old.has(i)) (this.#imageCounts.set(i, (this.#imageCounts.get(i) ?? 0) + 1), this.#recounted.add(i));
    this.#images.set(name, now);
  }

  /**
   * Marks the holders of recounted images dirty, once per snapshot rather than once per node
   * event: registering N nodes that share an image would otherwise walk every node N times.
   */
  #touchRecounted(): void {
    if (this.#recounted.size === 0) return;
    this.#shared = newSharedFacts();
    for (const [n, imgs] of this.#images) {
      for (const i of imgs) {
        if (!this.#recounted.has(i)) continue;
        this.#staleFacts.add(n);
        this.#touch(n);
        break;
      }
    }
    this.#recounted.clear();
  }
}

const zoneOf = (n: Node): string => `${n.metadata.labels?.['topology.kubernetes.io/zone'] ?? ''}|${n.metadata.labels?.['topology.kubernetes.io/region'] ?? ''}|${n.metadata.labels?.['failure-domain.beta.kubernetes.io/zone'] ?? ''}|${n.metadata.labels?.['failure-domain.beta.kubernetes.io/region'] ?? ''}`;
