// The scheduler's cache: NodeInfos kept up to date from informer events (and assumed pods), so
// that a cycle's snapshot costs the nodes that changed since the last one, not the cluster.
// Kubernetes twin: pkg/scheduler/backend/cache/cache.go (cacheImpl, UpdateSnapshot with its
// per-node generations; here a set of dirty nodes plays that part).
import type { Node } from '../api/types/node.js';
import type { Pod } from '../api/types/pod.js';
import { newNodeInfo, type NodeInfo } from './node-info.js';
import { nodeTreeOrder, snapshotFromNodeInfos, type Snapshot, type SnapshotInput } from './snapshot.js';

const isTerminal = (p: Pod): boolean => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const imageNames = (n: Node): Set<string> => new Set((n.status?.images ?? []).flatMap((i) => i.names ?? []));

export class SchedulerCache {
  readonly #nodes = new Map<string, Node>();
  readonly #images = new Map<string, Set<string>>();
  /** Image name -> on how many nodes (ImageStateSummary.NumNodes). */
  readonly #imageCounts = new Map<string, number>();
  /** Node name -> pod key -> the pod bound (or assumed) there. */
  readonly #podsByNode = new Map<string, Map<string, Pod>>();
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
    this.#touch(name);
  }

  removeNode(name: string): void {
    if (!this.#nodes.delete(name)) return;
    this.#setImages(name, new Set());
    this.#infos.delete(name);
    this.#order = undefined;
    this.#snapshot = undefined;
  }

  /** Records where a pod is: bound (or assumed) and running somewhere, or nowhere (undefined). */
  setPod(key: string, pod: Pod | undefined): void {
    const before = this.#nodeOfPod.get(key);
    if (before !== undefined) {
      this.#podsByNode.get(before)?.delete(key);
      this.#nodeOfPod.delete(key);
      this.#touch(before);
    }
    const node = pod?.spec?.nodeName;
    if (!pod || !node || isTerminal(pod)) return;
    let pods = this.#podsByNode.get(node);
    if (!pods) this.#podsByNode.set(node, (pods = new Map()));
    pods.set(key, pod);
    this.#nodeOfPod.set(key, node);
    this.#touch(node);
  }

  /** The snapshot for the next cycle; the same object while nothing changed. */
  snapshot(input: Omit<SnapshotInput, 'nodes' | 'pods'> = {}): Snapshot {
    if (this.#snapshot && this.#dirty.size === 0 && this.#snapshot.input.namespaceLabels === input.namespaceLabels) return this.#snapshot;
    for (const name of this.#dirty) {
      const node = this.#nodes.get(name);
      if (node) this.#infos.set(name, newNodeInfo(node, [...(this.#podsByNode.get(name)?.values() ?? [])], this.#imageCounts));
    }
    this.#dirty.clear();
    const sameOrder = this.#order !== undefined && this.#snapshot !== undefined;
    this.#order ??= nodeTreeOrder([...this.#nodes.values()], (n) => n.metadata.labels).map((n) => n.metadata.name ?? '');
    const nodes = this.#order.map((n) => this.#infos.get(n)!);
    this.#snapshot = snapshotFromNodeInfos(nodes, { ...input, nodes: [], pods: [] }, sameOrder ? this.#snapshot!.nodeIndex : undefined);
    return this.#snapshot;
  }

  #touch(name: string): void {
    if (this.#nodes.has(name)) this.#dirty.add(name);
  }

  /** Keeps the image counts; when one changes, every node holding that image is rebuilt. */
  #setImages(name: string, now: Set<string>): void {
    const old = this.#images.get(name) ?? new Set<string>();
    const changed: string[] = [];
    for (const i of old) if (!now.has(i)) (this.#imageCounts.set(i, (this.#imageCounts.get(i) ?? 1) - 1), changed.push(i));
    for (const i of now) if (!old.has(i)) (this.#imageCounts.set(i, (this.#imageCounts.get(i) ?? 0) + 1), changed.push(i));
    this.#images.set(name, now);
    if (changed.length === 0) return;
    for (const [n, imgs] of this.#images) if (changed.some((i) => imgs.has(i))) this.#touch(n);
  }
}

const zoneOf = (n: Node): string => `${n.metadata.labels?.['topology.kubernetes.io/zone'] ?? ''}|${n.metadata.labels?.['topology.kubernetes.io/region'] ?? ''}|${n.metadata.labels?.['failure-domain.beta.kubernetes.io/zone'] ?? ''}|${n.metadata.labels?.['failure-domain.beta.kubernetes.io/region'] ?? ''}`;
