// Taint-based eviction, zone by zone: a not-ready node is queued in its zone and tainted
// NoExecute (which makes the taint eviction controller evict its pods) at the zone's rate, a
// rate that follows the zone's health; when every zone is down, nothing is evicted at all.
// Kubernetes twin: pkg/controller/nodelifecycle/node_lifecycle_controller.go
// (markNodeForTainting, markNodeAsReachable, doNoExecuteTaintingPass every nodeEvictionPeriod,
// handleDisruption, addPodEvictorForNewZone).
import type { Frozen } from '../../api/types.js';
import type { Node } from '../../api/types/node.js';
import type { Cancel, Clock } from '../../clock/clock.js';
import type { Client } from '../../client/client.js';
import type { Lister } from '../../client/lister.js';
import { readyCondition, type NodeHealth } from './health.js';
import { RateLimitedQueue, type TryResult } from './rate-limited-queue.js';
import { swapNoExecuteTaint, TAINT_NOT_READY, TAINT_UNREACHABLE } from './taints.js';
import { writeTaints } from './taint-writer.js';
import { DEFAULT_EVICTION_RATES, planDisruption, zoneKeyOf, type EvictionRates, type ZoneState } from './zone-state.js';

/** kube-controller-manager's nodeEvictionPeriod: how often the tainting pass runs. */
export const NODE_EVICTION_PERIOD_MS = 100;
/** A queued node without a Ready condition is looked at again after this long (as Go). */
const NO_CONDITION_RETRY_MS = 50;

export interface ZoneTaintingDeps {
  client: Client;
  clock: Clock;
  nodes: Lister<Node>;
  /** The lifecycle controller's memory of each node: leaving master disruption refreshes it. */
  health: Map<string, NodeHealth>;
  rates?: EvictionRates;
}

export class ZoneTainting {
  readonly #queues = new Map<string, RateLimitedQueue>();
  #states = new Map<string, ZoneState>();
  readonly #rates: EvictionRates;
  #timer: Cancel | undefined;
  #timerAt = Infinity;
  #running: Promise<void> | undefined;
  #stopped = false;

  constructor(private readonly deps: ZoneTaintingDeps) {
    this.#rates = deps.rates ?? DEFAULT_EVICTION_RATES;
  }

  /** The zones' last computed states (for tests and `describe`-like views). */
  get states(): ReadonlyMap<string, ZoneState> {
    return this.#states;
  }

  /** True while the node waits in its zone's queue. */
  isQueued(node: Frozen<Node>): boolean {
    return this.#queue(zoneKeyOf(node)).has(node.metadata.name ?? '');
  }

  /** Queues a not-ready node for its NoExecute taint (once, until it is marked reachable). */
  markForTainting(node: Frozen<Node>): void {
    if (this.#queue(zoneKeyOf(node)).add(node.metadata.name ?? '', this.deps.clock.now())) this.schedule(0);
  }

  /** The node is ready: it leaves its zone's queue (its taints are removed by the caller). */
  markReachable(node: Frozen<Node>): void {
    this.#queue(zoneKeyOf(node)).remove(node.metadata.name ?? '');
  }

  /** Runs a pass after `ms` (an earlier request wins); the node monitor asks every period. */
  schedule(ms: number): void {
    if (this.#stopped) return;
    const at = this.deps.clock.now() + ms;
    if (at >= this.#timerAt) return;
    this.#timer?.();
    this.#timerAt = at;
    this.#timer = this.deps.clock.after(ms, () => {
      this.#timer = undefined;
      this.#timerAt = Infinity;
      void this.pass();
    });
  }

  stop(): void {
    this.#stopped = true;
    this.#timer?.();
  }

  /** Zone states first (they set the rates), then each zone's queue while its tokens last. */
  async pass(): Promise<void> {
    if (this.#running) return this.#running;
    this.#running = (async () => {
      try {
        await this.handleDisruption();
        for (const queue of this.#queues.values()) await queue.try(this.deps.clock.now(), (name) => this.#taint(name));
      } catch (e) {
        console.error('kubesim: node-lifecycle-controller: tainting pass failed:', e);
      } finally {
        this.#running = undefined;
      }
      this.#scheduleNext();
    })();
    return this.#running;
  }

  /** Recomputes every zone's state from the cached nodes and acts on the change. */
  async handleDisruption(): Promise<void> {
    const nodes = this.deps.nodes.list();
    const readyByZone = new Map<string, (string | undefined)[]>();
    for (const node of nodes) {
      const zone = zoneKeyOf(node);
      this.#queue(zone);
      let list = readyByZone.get(zone);
      if (!list) readyByZone.set(zone, (list = []));
      list.push(readyCondition(node)?.status);
    }
    const plan = planDisruption(this.#states, readyByZone, this.#rates);
    const now = this.deps.clock.now();
    this.#states = plan.states;
    for (const [zone, qps] of plan.limiters) this.#queue(zone).swapQps(qps, now);
    if (plan.enterMasterDisruption) {
      // Every node unreachable at once says more about us than about them: untaint them all.
      for (const node of nodes) {
        this.markReachable(node);
        await writeTaints(this.deps.client, node, (n) => swapNoExecuteTaint(n, undefined, now));
      }
    }
    if (plan.exitMasterDisruption) {
      // Back in touch: give every node a whole grace period before judging it again.
      for (const [name, h] of this.deps.health) this.deps.health.set(name, { ...h, probeMs: now });
    }
  }

  /** One queued node: the NoExecute taint its Ready status calls for, unless it is ready again. */
  async #taint(name: string): Promise<TryResult> {
    const node = this.deps.nodes.get('', name);
    if (!node) return { done: true };
    const status = readyCondition(node)?.status;
    if (status === undefined) return { done: false, retryMs: NO_CONDITION_RETRY_MS };
    if (status !== 'False' && status !== 'Unknown') return { done: true };
    const key = status === 'False' ? TAINT_NOT_READY : TAINT_UNREACHABLE;
    const now = this.deps.clock.now();
    await writeTaints(this.deps.client, node, (n) => swapNoExecuteTaint(n, key, now));
    return { done: true };
  }

  /** Keeps passing every eviction period while some queue could move; idle otherwise. */
  #scheduleNext(): void {
    const now = this.deps.clock.now();
    let next = Infinity;
    for (const q of this.#queues.values()) next = Math.min(next, q.nextTryInMs(now) ?? Infinity);
    if (next === Infinity) return;
    // The real pass runs every 100 ms: a token that comes due is used at the next tick.
    this.schedule(Math.max(NODE_EVICTION_PERIOD_MS, Math.ceil(next / NODE_EVICTION_PERIOD_MS) * NODE_EVICTION_PERIOD_MS));
  }

  #queue(zone: string): RateLimitedQueue {
    let q = this.#queues.get(zone);
    if (!q) this.#queues.set(zone, (q = new RateLimitedQueue(this.#rates.nodeEvictionRate, this.deps.clock.now())));
    return q;
  }
}
