// What controllers ask of a pod: is it active, ready, available, and since when.
// Kubernetes twins: FilterActivePods / IsPodActive (pkg/controller/controller_utils.go) and
// IsPodReady / IsPodAvailable (k8s.io/kubectl/pkg/util/podutils, pkg/api/v1/pod).
import type { Frozen } from '../../api/types.js';
import type { Pod, PodCondition } from '../../api/types/pod.js';
import type { Selector } from '../../api/selectors/label-selector.js';
import { controllerRefOf } from './controller-ref.js';

/** Selectors remembered per pod version: its set's, its template's, a sibling's or two. */
const MATCH_MEMO_SIZE = 4;

/**
 * The answers about one version of a pod, worked out once (see podFacts): the cheap ones at
 * once, the rest (times, restarts, selectors) when first asked.
 */
export class PodFacts {
  /** Not terminal (Succeeded/Failed) and not being deleted. */
  readonly active: boolean;
  /** Its Ready condition is True. */
  readonly ready: boolean;
  /** The uid its controller reference names, if it has one. */
  readonly controllerUid: string | undefined;
  readonly #pod: Frozen<Pod>;
  readonly #readyCondition: Frozen<PodCondition> | undefined;
  /** null: not ready or no parsable time; undefined: not asked yet. */
  #readySince: number | null | undefined;
  readonly #matchedBy: Selector[] = [];
  readonly #matchResults: boolean[] = [];
  /** null: no parsable creationTimestamp; undefined: not asked yet. */
  #createdAt: number | null | undefined;
  #maxRestarts: number | undefined;

  constructor(pod: Frozen<Pod>) {
    this.#pod = pod;
    const phase = pod.status?.phase;
    const condition = podReadyCondition(pod);
    this.ready = condition?.status === 'True';
    this.active = phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
    this.#readyCondition = condition;
    this.controllerUid = controllerRefOf(pod)?.uid;
  }

  /** When it last became ready (ms); undefined when not ready or the time is unknown. */
  get readySince(): number | undefined {
    if (this.#readySince === undefined) this.#readySince = (this.ready ? parseTime(this.#readyCondition?.lastTransitionTime) : undefined) ?? null;
    return this.#readySince ?? undefined;
  }

  /**
   * selector.matches(the pod's labels), remembered for the last few selectors. A sync asks it
   * of every pod of its set each pass; with the interned selectors of selectorFor the answer
   * is mostly known already (any other Selector works, it is only not found again).
   */
  matches(selector: Selector): boolean {
    const at = this.#matchedBy.indexOf(selector);
    if (at >= 0) return this.#matchResults[at];
    const matches = selector.matches(this.#pod.metadata.labels);
    if (this.#matchedBy.length >= MATCH_MEMO_SIZE) {
      this.#matchedBy.shift();
      this.#matchResults.shift();
    }
    this.#matchedBy.push(selector);
    this.#matchResults.push(matches);
    return matches;
  }

  /** metadata.creationTimestamp in ms, or undefined when unset or unparsable. */
  get createdAt(): number | undefined {
    if (this.#createdAt === undefined) this.#createdAt = parseTime(this.#pod.metadata.creationTimestamp) ?? null;
    return this.#createdAt ?? undefined;
  }

  /** The most restarts any of its containers had (0 without statuses). */
  get maxRestarts(): number {
    if (this.#maxRestarts === undefined) {
      let most = 0;
      for (const c of this.#pod.status?.containerStatuses ?? []) most = Math.max(most, c.restartCount ?? 0);
      this.#maxRestarts = most;
    }
    return this.#maxRestarts;
  }
}

/**
 * Facts by pod object. A ReplicaSet sync looks at each of its pods (readiness, availability,
 * labels, deletion rank) on every pass, and a pass comes after nearly every pod event: without
 * this, a 1,000-pod set walks 1,000 condition lists per pass although a few pods changed.
 * Informer objects are frozen and replaced on change, so an object's facts never go stale;
 * the weak keys let old versions go with their objects.
 */
const factsByPod = new WeakMap<Frozen<Pod>, PodFacts>();

/** Deeply frozen as informer objects are; a pod a test builds and edits in place is never cached. */
const isFrozenPod = (pod: Frozen<Pod>): boolean =>
  Object.isFrozen(pod) && Object.isFrozen(pod.metadata) && (pod.status === undefined || Object.isFrozen(pod.status));

/** The pod's facts, computed on the first question about this object and remembered while it lives. */
export function podFacts(pod: Frozen<Pod>): PodFacts {
  let facts = factsByPod.get(pod);
  if (facts) return facts;
  facts = new PodFacts(pod);
  if (isFrozenPod(pod)) factsByPod.set(pod, facts);
  return facts;
}

/** Counted by its controller: not terminal (Succeeded/Failed) and not being deleted. */
export function isPodActive(pod: Frozen<Pod>): boolean {
  return podFacts(pod).active;
}

export function podReadyCondition(pod: Frozen<Pod>): Frozen<PodCondition> | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

export function isPodReady(pod: Frozen<Pod>): boolean {
  return podFacts(pod).ready;
}

/** When the pod last became ready (ms), or undefined when it is not ready or the time is unknown. */
export function podReadySince(pod: Frozen<Pod>): number | undefined {
  return podFacts(pod).readySince;
}

/**
 * Ready for at least minReadySeconds. As Go's `lastTransitionTime + minReadySeconds < now`
 * (strictly before): ready at 10:00:00 with minReadySeconds 5 is available from 10:00:05.001.
 */
export function isPodAvailable(pod: Frozen<Pod>, minReadySeconds: number, now: number): boolean {
  return isAvailable(podFacts(pod), minReadySeconds, now);
}

/** isPodAvailable over facts already in hand. */
export function isAvailable(facts: PodFacts, minReadySeconds: number, now: number): boolean {
  if (!facts.ready) return false;
  if (!minReadySeconds) return true;
  return facts.readySince !== undefined && facts.readySince + minReadySeconds * 1000 < now;
}

/**
 * Milliseconds until the first ready-but-not-yet-available pod becomes available, or undefined
 * when none waits: a controller requeues itself then, since no event marks the moment.
 */
export function nextAvailableInMs(pods: readonly Frozen<Pod>[], minReadySeconds: number, now: number): number | undefined {
  if (!minReadySeconds) return undefined;
  let next: number | undefined;
  for (const pod of pods) {
    const facts = podFacts(pod);
    const since = facts.readySince;
    if (since === undefined || isAvailable(facts, minReadySeconds, now)) continue;
    const wait = since + minReadySeconds * 1000 + 1 - now;
    next = next === undefined ? wait : Math.min(next, wait);
  }
  return next === undefined ? undefined : Math.max(1, next);
}

export function parseTime(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}
