// Records core/v1 Events about objects, as components tell users what they did
// (`kubectl describe` lists them). Each event goes through the correlator first: an exact
// repeat bumps the count of the event already written, similar events combine, and a source
// that says too much about one object is cut short (see event-correlator.ts).
// Kubernetes twin: k8s.io/client-go/tools/record (EventRecorder; event.go recordToSink and
// recordEvent: patch a repeat, create when new or when the repeated one is gone).
import { rfc3339 } from '../clock/clock.js';
import type { Clock } from '../clock/clock.js';
import type { CoreEvent } from '../api/types/event.js';
import type { Frozen, KubeObject } from '../api/types.js';
import type { Client } from './client.js';
import { EventCorrelator, type Correlation } from './event-correlator.js';
import { isNotFound } from './response-error.js';
import { EVENTS } from './resources.js';

export type EventType = 'Normal' | 'Warning';

export interface EventSourceInfo {
  /** "default-scheduler", "kubelet", "replicaset-controller", ... */
  component: string;
  /** The node, for kubelet events. */
  host?: string;
}

/** A correlation that asks for a write. */
type Written = Exclude<Correlation, { write: 'none' }>;

export class EventRecorder {
  readonly #correlator = new EventCorrelator();
  #sequence = 0;
  /** The last write handed to the API server: writes go one after another, in order. */
  #tail: Promise<void> = Promise.resolve();

  constructor(
    readonly client: Client,
    readonly clock: Clock,
    readonly source: EventSourceInfo,
  ) {}

  /**
   * Records `reason` about `object`. Never throws: an event that cannot be written is dropped, as
   * client-go's broadcaster drops it, so that reporting never breaks the work it reports on.
   */
  async event(object: Frozen<KubeObject>, type: EventType, reason: string, message: string): Promise<void> {
    const meta = object.metadata;
    const namespace = meta.namespace || 'default';
    const nowMs = this.clock.now();
    const facts = {
      component: this.source.component,
      host: this.source.host ?? '',
      kind: object.kind ?? '',
      namespace: meta.namespace ?? '',
      name: meta.name ?? '',
      uid: meta.uid ?? '',
      apiVersion: object.apiVersion ?? '',
      type,
      reason,
      message,
    };
    // Names as client-go makes them: the object's name and a hex timestamp, unique per recorder.
    const newName = () => `${meta.name}.${(BigInt(Math.floor(nowMs)) * 1_000_000n + BigInt(this.#sequence++)).toString(16)}`;
    const c = this.#correlator.correlate(facts, nowMs, newName);
    if (c.write === 'none') return;
    // One write at a time, as client-go's broadcaster sends them from one goroutine: the patch
    // of a repeat must not overtake the create of the event it bumps.
    const write = this.#tail.then(() => this.#write(object, type, reason, namespace, nowMs, c));
    this.#tail = write;
    return write;
  }

  async #write(object: Frozen<KubeObject>, type: EventType, reason: string, namespace: string, nowMs: number, c: Written): Promise<void> {
    const meta = object.metadata;
    const now = rfc3339(nowMs);
    try {
      if (c.write === 'patch') {
        try {
          await this.client.patch(EVENTS, namespace, c.name, 'strategic', { count: c.count, lastTimestamp: now, message: c.message });
          return;
        } catch (e) {
          // The event was deleted (or expired) since: write it anew, as client-go does.
          if (!isNotFound(e)) return;
        }
      }
      const event: CoreEvent = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: c.name, namespace },
        involvedObject: {
          kind: object.kind,
          namespace: meta.namespace,
          name: meta.name,
          uid: meta.uid,
          apiVersion: object.apiVersion,
          resourceVersion: meta.resourceVersion,
        },
        reason,
        message: c.message,
        source: { component: this.source.component, ...(this.source.host ? { host: this.source.host } : {}) },
        firstTimestamp: rfc3339(c.first),
        lastTimestamp: now,
        count: c.count,
        type,
        eventTime: null,
        reportingComponent: this.source.component,
        reportingInstance: this.source.host ?? '',
      };
      await this.client.create(EVENTS, event as Frozen<CoreEvent>);
    } catch {
      // dropped: see above
    }
  }
}
