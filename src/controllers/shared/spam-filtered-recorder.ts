// An event recorder that, as client-go's, lets one source tell about one object at most 25
// times in a burst and then once every 5 minutes: a ReplicaSet creating 1,000 pods records 25
// SuccessfulCreate events, not 1,000 (each of which would be a write to the API server).
// Kubernetes twin: EventSourceObjectSpamFilter and getSpamKey (k8s.io/client-go/tools/record/
// events_cache.go; defaultSpamBurst 25, defaultSpamQPS 1/300, an LRU of 4,096 keys).
// Belongs in src/client/event-recorder.ts for every component (kubelet and scheduler too); it
// lives here until it moves there, as a subclass so that nothing else changes.
import type { Frozen, KubeObject } from '../../api/types.js';
import type { Clock } from '../../clock/clock.js';
import type { Client } from '../../client/client.js';
import { EventRecorder, type EventSourceInfo, type EventType } from '../../client/event-recorder.js';
import { TokenBucket } from './token-bucket.js';

export const SPAM_BURST = 25;
export const SPAM_QPS = 1 / 300;
const MAX_KEYS = 4096;

export class SpamFilteredRecorder extends EventRecorder {
  /** Spam key -> its bucket, least recently used first. */
  readonly #buckets = new Map<string, TokenBucket>();

  constructor(client: Client, clock: Clock, source: EventSourceInfo) {
    super(client, clock, source);
  }

  /** Records the event unless this source already said too much about this object lately. */
  override async event(object: Frozen<KubeObject>, type: EventType, reason: string, message: string): Promise<void> {
    if (!this.#allow(object)) return;
    return super.event(object, type, reason, message);
  }

  #allow(object: Frozen<KubeObject>): boolean {
    const m = object.metadata;
    // The source and the involved object; not the reason or message, as getSpamKey.
    const key = [this.source.component, this.source.host ?? '', object.kind, m.namespace, m.name, m.uid, object.apiVersion].join('\u0000');
    const now = this.clock.now();
    let bucket = this.#buckets.get(key);
    if (bucket) this.#buckets.delete(key);
    else bucket = new TokenBucket(SPAM_QPS, SPAM_BURST, now);
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > MAX_KEYS) this.#buckets.delete(this.#buckets.keys().next().value!);
    return bucket.tryAccept(now);
  }
}
