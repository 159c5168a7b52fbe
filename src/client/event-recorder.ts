// Records core/v1 Events about objects, as components tell users what they did
// (`kubectl describe` lists them). A repeat of the same event bumps its count instead of
// adding another. Kubernetes twin: k8s.io/client-go/tools/record (EventRecorder, the
// correlator's aggregation by involvedObject, reason, message, type and source).
import { rfc3339 } from '../clock/clock.js';
import type { Clock } from '../clock/clock.js';
import type { CoreEvent } from '../api/types/event.js';
import type { Frozen, KubeObject } from '../api/types.js';
import type { Client } from './client.js';
import { EVENTS } from './resources.js';

export type EventType = 'Normal' | 'Warning';

export interface EventSourceInfo {
  /** "default-scheduler", "kubelet", "replicaset-controller", ... */
  component: string;
  /** The node, for kubelet events. */
  host?: string;
}

interface Recorded {
  name: string;
  namespace: string;
  count: number;
}

export class EventRecorder {
  readonly #seen = new Map<string, Recorded>();
  #sequence = 0;

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
    const key = [meta.uid, reason, message, type, this.source.component, this.source.host ?? ''].join('\u0000');
    const now = rfc3339(this.clock.now());
    const previous = this.#seen.get(key);
    try {
      if (previous) {
        previous.count++;
        await this.client.patch(EVENTS, previous.namespace, previous.name, 'merge', { count: previous.count, lastTimestamp: now });
        return;
      }
      // Names as client-go makes them: the object's name and a hex timestamp, unique per recorder.
      const name = `${meta.name}.${(BigInt(Math.floor(this.clock.now())) * 1_000_000n + BigInt(this.#sequence++)).toString(16)}`;
      const event: CoreEvent = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject: {
          kind: object.kind,
          namespace: meta.namespace,
          name: meta.name,
          uid: meta.uid,
          apiVersion: object.apiVersion,
          resourceVersion: meta.resourceVersion,
        },
        reason,
        message,
        source: { component: this.source.component, ...(this.source.host ? { host: this.source.host } : {}) },
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type,
        eventTime: null,
        reportingComponent: this.source.component,
        reportingInstance: this.source.host ?? '',
      };
      await this.client.create(EVENTS, event as Frozen<CoreEvent>);
      this.#seen.set(key, { name, namespace, count: 1 });
    } catch {
      // dropped: see above
    }
  }
}
