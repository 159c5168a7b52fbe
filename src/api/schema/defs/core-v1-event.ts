// Schema declarations: Event, EventList, Binding, PodTemplate, PodTemplateList, EventSeries, EventSource, PodTemplateSpec.
// Kubernetes twin: staging/src/k8s.io/api/core/v1/types.go (Event, EventList, Binding, PodTemplate, ...), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, ref, kind, type TypeDecl } from '../dsl.js';
import { CORE, time, microTime, objectMeta } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION, listType } from '../type-meta.js';

export const coreV1EventTypes: readonly TypeDecl[] = [
  object(CORE + 'Event', 'A report that something happened to an object.', {
    action: str,
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    count: int32,
    eventTime: microTime,
    firstTimestamp: time,
    involvedObject: ref(CORE + 'ObjectReference'),
    kind: field(str, KIND_DESCRIPTION),
    lastTimestamp: time,
    message: str,
    metadata: field(objectMeta, 'Standard object metadata.'),
    reason: str,
    related: ref(CORE + 'ObjectReference'),
    reportingComponent: str,
    reportingInstance: str,
    series: ref(CORE + 'EventSeries'),
    source: ref(CORE + 'EventSource'),
    type: str,
  }, { required: ['involvedObject', 'metadata'], gvk: kind('', 'v1', 'Event') }),
  listType(CORE + 'EventList', 'A page of events.', ref(CORE + 'Event'), 'The objects of this page.', kind('', 'v1', 'EventList')),
  object(CORE + 'Binding', 'Ties a pod to a node; the scheduler posts it.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    target: ref(CORE + 'ObjectReference'),
  }, { required: ['target'], gvk: kind('', 'v1', 'Binding') }),
  object(CORE + 'PodTemplate', 'A stored pod template.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    template: ref(CORE + 'PodTemplateSpec'),
  }, { gvk: kind('', 'v1', 'PodTemplate') }),
  listType(CORE + 'PodTemplateList', 'A page of pod templates.', ref(CORE + 'PodTemplate'), 'The objects of this page.', kind('', 'v1', 'PodTemplateList')),
  object(CORE + 'EventSeries', 'Repeats of one event.', {
    count: int32,
    lastObservedTime: microTime,
  }),
  object(CORE + 'EventSource', 'The component that reported an event.', {
    component: str,
    host: str,
  }),
  object(CORE + 'PodTemplateSpec', 'The pods a controller creates: their metadata and spec.', {
    metadata: field(objectMeta, 'Standard object metadata.'),
    spec: ref(CORE + 'PodSpec'),
  }),
];
