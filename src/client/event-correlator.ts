// What a component does with an event before it reaches the API server, as client-go's
// correlator: similar events (same source, object, type and reason, messages differing) turn
// into one "(combined from similar events)" event after 10 in 10 minutes; an exact repeat
// bumps the count of the event already written; and a source may tell about one object at most
// 25 times in a burst, then once every 5 minutes, the rest dropped. Each memory keeps the 4,096
// most recently used keys (each lookup is followed by a set, which makes the key the newest).
// Pure but for its caches; time is the caller's clock milliseconds.
// Kubernetes twin: k8s.io/client-go/tools/record/events_cache.go (EventCorrelator: the
// aggregator, the event logger and EventSourceObjectSpamFilter, in that order).
import { LruMap } from './lru-map.js';
import { TokenBucket } from './token-bucket.js';

export const CORRELATOR_CACHE_SIZE = 4096;
/** Distinct messages of one (source, object, type, reason) in the interval before they combine. */
export const AGGREGATE_MAX_EVENTS = 10;
export const AGGREGATE_INTERVAL_MS = 600_000;
export const SPAM_BURST = 25;
export const SPAM_QPS = 1 / 300;
export const COMBINED_PREFIX = '(combined from similar events): ';

/** The fields of an event the correlator keys on. */
export interface EventFacts {
  readonly component: string;
  readonly host: string;
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly apiVersion: string;
  readonly type: string;
  readonly reason: string;
  readonly message: string;
}

/** What to write: nothing, a new event, or a count bump of the event named. */
export type Correlation =
  | { readonly write: 'none' }
  | {
      readonly write: 'create' | 'patch';
      /** The event's name: new, or the one first written for this event (or its combined form). */
      readonly name: string;
      readonly message: string;
      readonly count: number;
      /** Clock ms of the first occurrence. */
      readonly first: number;
    };

interface Observation {
  count: number;
  first: number;
  name: string;
}

interface Aggregate {
  readonly messages: Set<string>;
  last: number;
}

const SEP = '\u0000';

export class EventCorrelator {
  readonly #aggregates = new LruMap<string, Aggregate>(CORRELATOR_CACHE_SIZE);
  readonly #observed = new LruMap<string, Observation>(CORRELATOR_CACHE_SIZE);
  readonly #spam = new LruMap<string, TokenBucket>(CORRELATOR_CACHE_SIZE);

  /** `newName` names an event written for the first time. */
  correlate(e: EventFacts, now: number, newName: () => string): Correlation {
    const object = [e.component, e.host, e.kind, e.namespace, e.name, e.uid, e.apiVersion].join(SEP);
    const similar = `${object}${SEP}${e.type}${SEP}${e.reason}`;
    let key = `${similar}${SEP}${e.message}`;
    let message = e.message;

    let aggregate = this.#aggregates.peek(similar);
    if (!aggregate || now - aggregate.last > AGGREGATE_INTERVAL_MS) aggregate = { messages: new Set(), last: now };
    aggregate.messages.add(e.message);
    aggregate.last = now;
    this.#aggregates.set(similar, aggregate);
    if (aggregate.messages.size >= AGGREGATE_MAX_EVENTS) {
      // Go drops an arbitrary member to keep the set below the limit; the oldest, here, for replay.
      aggregate.messages.delete(aggregate.messages.values().next().value as string);
      key = similar;
      message = COMBINED_PREFIX + e.message;
    }

    // The logger counts the occurrence even when the spam filter then drops it, as Go's does.
    const seen = this.#observed.peek(key);
    const observation: Observation = seen ? { count: seen.count + 1, first: seen.first, name: seen.name } : { count: 1, first: now, name: newName() };
    this.#observed.set(key, observation);

    let bucket = this.#spam.peek(object);
    if (!bucket) bucket = new TokenBucket(SPAM_QPS, SPAM_BURST, now);
    this.#spam.set(object, bucket);
    if (!bucket.tryAccept(now)) return { write: 'none' };

    return { write: observation.count > 1 ? 'patch' : 'create', name: observation.name, message, count: observation.count, first: observation.first };
  }
}
