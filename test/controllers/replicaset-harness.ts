// Test-side stand-ins for what is not wired yet: a "kubelet" that binds pods to nodes, marks
// them Running and Ready after a delay, and finishes graceful deletions at once. Plus a
// virtual-clock cluster and helpers shared by the ReplicaSet and Deployment tests.
import type { Frozen } from '../../src/api/types.js';
import type { Pod } from '../../src/api/types/pod.js';
import { rfc3339 } from '../../src/clock/clock.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Client } from '../../src/client/client.js';
import { InProcessTransport } from '../../src/client/in-process-transport.js';
import { Informer } from '../../src/client/informer.js';
import { NAMESPACES, PODS } from '../../src/client/resources.js';
import type { ApiRequest, Transport } from '../../src/client/transport.js';
import { createCluster, type Cluster } from '../../src/sim/cluster.js';

/** Records the writes that go through it. */
export class WriteCounter implements Transport {
  writes: string[] = [];
  constructor(private readonly inner: Transport) {}
  request(req: ApiRequest) {
    if (req.method !== 'GET') this.writes.push(`${req.method} ${req.path}`);
    return this.inner.request(req);
  }
}

export interface FakeKubeletOptions {
  nodes?: string[];
  /** How long after binding a pod turns Ready. */
  readyAfterMs?: number;
  /** Pods for which this says false never become ready (a broken image, say). */
  becomesReady?: (pod: Frozen<Pod>) => boolean;
}

export class FakeKubelet {
  readonly informer: Informer<Pod>;
  #next = 0;
  readonly #handled = new Set<string>();
  readonly #stops: (() => void)[] = [];

  constructor(
    readonly client: Client,
    readonly clock: VirtualClock,
    readonly options: FakeKubeletOptions = {},
  ) {
    this.informer = new Informer(client, PODS, { clock });
    const handle = (pod: Frozen<Pod>): void => void this.#handle(pod).catch(() => undefined);
    this.informer.addEventHandler({ onAdd: handle, onUpdate: (_, p) => handle(p) });
    this.informer.start();
  }

  stop(): void {
    this.informer.stop();
    for (const s of this.#stops) s();
  }

  async #handle(pod: Frozen<Pod>): Promise<void> {
    const ns = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    if (pod.metadata.deletionTimestamp) {
      await this.client.delete(PODS, ns, name, { gracePeriodSeconds: 0 });
      return;
    }
    const uid = pod.metadata.uid ?? '';
    if (pod.spec.nodeName || this.#handled.has(uid)) return;
    this.#handled.add(uid);
    const nodes = this.options.nodes ?? ['node-1', 'node-2', 'node-3'];
    const node = nodes[this.#next++ % nodes.length];
    await this.client.createSubresource(PODS, ns, name, 'binding', {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name, namespace: ns },
      target: { apiVersion: 'v1', kind: 'Node', name: node },
    });
    const ready = this.options.becomesReady?.(pod) ?? true;
    const cancel = this.clock.after(this.options.readyAfterMs ?? 1000, () => void this.#markRunning(ns, name, ready).catch(() => undefined));
    this.#stops.push(cancel);
  }

  async #markRunning(ns: string, name: string, ready: boolean): Promise<void> {
    const pod = await this.client.get(PODS, ns, name);
    if (pod.metadata.deletionTimestamp) return;
    const now = rfc3339(this.clock.now());
    const status = {
      ...pod.status,
      phase: 'Running',
      startTime: now,
      conditions: [
        { type: 'PodScheduled', status: 'True', lastTransitionTime: now },
        { type: 'Initialized', status: 'True', lastTransitionTime: now },
        { type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: now },
        { type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: now },
      ],
    };
    await this.client.updateStatus(PODS, { ...pod, status } as Frozen<Pod>);
  }
}

export interface TestCluster {
  cluster: Cluster;
  clock: VirtualClock;
  client: Client;
  counter: WriteCounter;
  stop(): Promise<void>;
}

export async function startTestCluster(namespace = 'demo'): Promise<TestCluster> {
  const clock = new VirtualClock();
  const cluster = await createCluster({ clock });
  const counter = new WriteCounter(new InProcessTransport(cluster.apiServer));
  const client = new Client(counter);
  await client.create(NAMESPACES, { metadata: { name: namespace } });
  return { cluster, clock, client, counter, stop: () => cluster.stop() };
}

/** Advances virtual time in small steps until `check` holds. */
export async function until(clock: VirtualClock, check: () => boolean | Promise<boolean>, what: string, maxMs = 120_000, stepMs = 100): Promise<void> {
  for (let t = 0; t <= maxMs; t += stepMs) {
    if (await check()) return;
    await clock.advance(stepMs);
  }
  throw new Error(`never converged: ${what}`);
}

export const podTemplate = (labels: Record<string, string>, image = 'nginx:1.25') => ({
  metadata: { labels },
  spec: { containers: [{ name: 'app', image }] },
});
