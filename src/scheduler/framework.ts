// The scheduling framework's vocabulary: statuses, per-cycle state and the plugin shape.
// Kubernetes twin: pkg/scheduler/framework/interface.go and cycle_state.go. NodeInfo and
// Snapshot live in node-info.ts and snapshot.ts and are re-exported here.
import type { Binding, Pod } from '../api/types/pod.js';
import type { NodeInfo } from './node-info.js';
import type { Snapshot } from './snapshot.js';

export type { NodeInfo, PodInfo, Resource } from './node-info.js';
export type { Snapshot } from './snapshot.js';

/** kube-scheduler's score range: every normalised plugin score lies in 0..MAX_NODE_SCORE. */
export const MAX_NODE_SCORE = 100;
export const MIN_NODE_SCORE = 0;

export type StatusCode = 'Success' | 'Error' | 'Unschedulable' | 'UnschedulableAndUnresolvable' | 'Wait' | 'Skip';

/** A plugin's verdict. `plugin` is filled in by the framework with the name of the plugin that spoke. */
export interface Status {
  readonly code: StatusCode;
  readonly reasons: readonly string[];
  readonly plugin?: string;
}

export const success: Status = Object.freeze({ code: 'Success', reasons: Object.freeze([]) });
export const skip: Status = Object.freeze({ code: 'Skip', reasons: Object.freeze([]) });
export const unschedulable = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });
export const unresolvable = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });
export const errorStatus = (...reasons: string[]): Status => ({ code: 'Error', reasons });
export const withPlugin = (s: Status, plugin: string): Status => (s.plugin === plugin ? s : { ...s, plugin });
export const isSuccess = (s: Status | undefined): boolean => s === undefined || s.code === 'Success';
/** Unschedulable or UnschedulableAndUnresolvable: the pod was turned away, nothing broke. */
export const isRejected = (s: Status): boolean => s.code === 'Unschedulable' || s.code === 'UnschedulableAndUnresolvable';
/** Status.Message(): the reasons joined by ", ". */
export const statusMessage = (s: Status): string => s.reasons.join(', ');

/** A typed key into CycleState, owned by the plugin that writes it (in preFilter/preScore). */
export class StateKey<T> {
  declare readonly _t: T;
  static #count = 0;
  /** Where CycleState keeps this key's value: keys are few and made once, at module load. */
  readonly slot = StateKey.#count++;
  constructor(readonly name: string) {}
}

/**
 * Data shared by the plugins during one scheduling cycle of one pod. It also carries the
 * snapshot the cycle runs over, so every extension point can look at the whole cluster.
 * Values sit in an array indexed by the key's slot rather than in a map: filters and scores
 * read their state once per node, hundreds of times a cycle.
 */
export class CycleState {
  readonly #data: unknown[] = [];
  /** Plugins whose PreFilter returned Skip: their Filter is not called this cycle. */
  readonly skipFilterPlugins = new Set<string>();
  /** Plugins whose PreScore returned Skip: their Score is not called this cycle. */
  readonly skipScorePlugins = new Set<string>();
  constructor(readonly snapshot: Snapshot) {}
  write<T>(key: StateKey<T>, value: T): void {
    while (this.#data.length < key.slot) this.#data.push(undefined);
    this.#data[key.slot] = value;
  }
  read<T>(key: StateKey<T>): T | undefined {
    return this.#data[key.slot] as T | undefined;
  }
  /** A copy over another snapshot (preemption's dry runs); state values are shared, not cloned. */
  cloneFor(snapshot: Snapshot): CycleState {
    const c = new CycleState(snapshot);
    c.#data.push(...this.#data);
    for (const p of this.skipFilterPlugins) c.skipFilterPlugins.add(p);
    for (const p of this.skipScorePlugins) c.skipScorePlugins.add(p);
    return c;
  }
}

export interface NodeScore {
  readonly name: string;
  score: number;
}

/** A pod waiting in the queue, as QueueSort sees it: `timestamp` is when it was (re)queued. */
export interface QueuedPodInfo {
  readonly pod: Pod;
  readonly timestamp: number;
  readonly attempts?: number;
}

export interface PreFilterResult {
  readonly status: Status;
  /** A subset of nodes worth filtering; undefined means all nodes. */
  readonly nodeNames?: ReadonlySet<string>;
}

/** What DefaultPreemption (or another PostFilter) proposes; the caller acts on it. */
export interface PostFilterResult {
  readonly status: Status;
  /** The node the pod should be nominated to; '' clears a previous nomination. */
  readonly nominatedNodeName?: string;
  /** Pods to evict so the pod fits on the nominated node. */
  readonly victims?: readonly Pod[];
}

export interface PermitResult {
  readonly status: Status;
  /** With code 'Wait': how long the caller waits for approval before rejecting. */
  readonly timeoutMs?: number;
}

export interface BindResult {
  readonly status: Status;
  /** The pods/binding body the caller should POST (Skip lets the next binder try). */
  readonly binding?: Binding;
}

/**
 * A scheduler plugin: a plain object of pure functions. Every extension point is optional;
 * none may use a client, a clock or randomness. Anything random (tie breaks, preemption's
 * start offset) is an argument.
 */
export interface Plugin {
  readonly name: string;
  preEnqueue?(pod: Pod): Status;
  /** QueueSort: true when a should leave the queue before b. */
  less?(a: QueuedPodInfo, b: QueuedPodInfo): boolean;
  preFilter?(pod: Pod, state: CycleState): PreFilterResult;
  filter?(pod: Pod, node: NodeInfo, state: CycleState): Status;
  postFilter?(pod: Pod, state: CycleState, statuses: ReadonlyMap<string, Status>, ctx: PostFilterContext): PostFilterResult;
  preScore?(pod: Pod, nodes: readonly NodeInfo[], state: CycleState): Status;
  score?(pod: Pod, node: NodeInfo, state: CycleState): number;
  /**
   * Rewrites raw scores into 0..100 (may also be given scores outside it). As kube's
   * NormalizeScore, it may rewrite `scores` in place and return it: the list is the caller's
   * to give, refilled for each plugin, so normalising allocates nothing per node.
   */
  normalizeScores?(scores: NodeScore[], state: CycleState, pod: Pod): NodeScore[];
  reserve?(pod: Pod, nodeName: string, state: CycleState): Status;
  unreserve?(pod: Pod, nodeName: string, state: CycleState): void;
  permit?(pod: Pod, nodeName: string, state: CycleState): PermitResult;
  preBind?(pod: Pod, nodeName: string, state: CycleState): Status;
  bind?(pod: Pod, nodeName: string, state: CycleState): BindResult;
}

/** What a PostFilter plugin may need from the framework: re-running filters, and chance. */
export interface PostFilterContext {
  /** Runs PreFilter over `snapshot` and then the Filter plugins on one node of it. */
  readonly filterOn: (pod: Pod, snapshot: Snapshot, nodeName: string) => Status;
  /** A number in [0, 1) from the caller's seeded generator (preemption's start offset). */
  readonly random: number;
}

/**
 * framework.DefaultNormalizeScore: scale so the best raw score becomes 100; `reverse` flips it
 * (100 - scaled), so the smallest raw score wins. Integer division as Go's int64.
 * Worked example: raw [2, 5, 0], not reversed -> [100*2/5=40, 100, 0]; reversed -> [60, 0, 100].
 * All raw scores 0: unchanged (all 0), or all 100 when reversed.
 */
export function defaultNormalizeScore(scores: readonly NodeScore[], reverse: boolean, maxPriority = MAX_NODE_SCORE): NodeScore[] {
  return defaultNormalizeScoreInPlace(scores.map((s) => ({ name: s.name, score: s.score })), reverse, maxPriority);
}

/** defaultNormalizeScore rewriting `scores` itself (what a plugin's NormalizeScore may do). */
export function defaultNormalizeScoreInPlace(scores: NodeScore[], reverse: boolean, maxPriority = MAX_NODE_SCORE): NodeScore[] {
  let max = 0;
  for (const s of scores) if (s.score > max) max = s.score;
  for (const s of scores) {
    if (max === 0) s.score = reverse ? maxPriority : s.score;
    else {
      const scaled = Math.trunc((maxPriority * s.score) / max);
      s.score = reverse ? maxPriority - scaled : scaled;
    }
  }
  return scores;
}

/** Go's int64 division: truncation towards zero. */
export const goDiv = (a: number, b: number): number => Math.trunc(a / b);
