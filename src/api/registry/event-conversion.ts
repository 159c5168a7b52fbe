// events.k8s.io/v1 Event <-> core/v1 Event: the same stored object under two field layouts.
// Kubernetes twin: pkg/apis/events/v1/conversion.go.
import type { Conversion } from './definition.js';
import type { KubeObject } from '../types.js';

// [core/v1 field, events.k8s.io/v1 field]; fields not listed keep their name.
const RENAMES: readonly [string, string][] = [
  ['involvedObject', 'regarding'],
  ['message', 'note'],
  ['source', 'deprecatedSource'],
  ['firstTimestamp', 'deprecatedFirstTimestamp'],
  ['lastTimestamp', 'deprecatedLastTimestamp'],
  ['count', 'deprecatedCount'],
  ['reportingComponent', 'reportingController'],
];

function rename(obj: Readonly<Record<string, unknown>>, pairs: readonly [string, string][], apiVersion: string): KubeObject {
  const map = new Map(pairs);
  const out: Record<string, unknown> = { kind: 'Event', apiVersion };
  for (const [k, v] of Object.entries(obj)) {
    if (k === 'kind' || k === 'apiVersion' || v === undefined) continue;
    out[map.get(k) ?? k] = v;
  }
  return out as KubeObject;
}

const toV1 = RENAMES.map(([core, v1]) => [core, v1] as [string, string]);
const toCore = RENAMES.map(([core, v1]) => [v1, core] as [string, string]);

export const eventsV1Conversion: Conversion = {
  resource: 'events',
  toStorage: (obj) => rename(obj as Record<string, unknown>, toCore, 'v1'),
  fromStorage: (obj) => rename(obj as Record<string, unknown>, toV1, 'events.k8s.io/v1'),
};
