// Schema declarations: Event, EventList, EventSeries.
// Kubernetes twin: staging/src/k8s.io/api/events/v1/types.go (Event), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, ref, kind, type TypeDecl } from '../dsl.js';
import { CORE, EVENTS, time, microTime, objectMeta } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION, listType } from '../type-meta.js';

export const eventsV1Types: readonly TypeDecl[] = [
  object(EVENTS + 'Event', 'A report that something happened (events.k8s.io form).', {
    action: str,
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    deprecatedCount: int32,
    deprecatedFirstTimestamp: time,
    deprecatedLastTimestamp: time,
    deprecatedSource: ref(CORE + 'EventSource'),
    eventTime: microTime,
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    note: str,
    reason: str,
    regarding: ref(CORE + 'ObjectReference'),
    related: ref(CORE + 'ObjectReference'),
    reportingController: str,
    reportingInstance: str,
    series: ref(EVENTS + 'EventSeries'),
    type: str,
  }, { required: ['eventTime'], gvk: kind('events.k8s.io', 'v1', 'Event') }),
  listType(EVENTS + 'EventList', 'A page of events.', ref(EVENTS + 'Event'), 'The objects of this page.', kind('events.k8s.io', 'v1', 'EventList')),
  object(EVENTS + 'EventSeries', 'Repeats of one event.', {
    count: int32,
    lastObservedTime: microTime,
  }, { required: ['count', 'lastObservedTime'] }),
];
