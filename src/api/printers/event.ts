// `kubectl get events`: LAST SEEN TYPE REASON OBJECT MESSAGE | SUBOBJECT SOURCE FIRST SEEN COUNT NAME.
// Kubernetes twin: eventColumnDefinitions, printEvent and formatEventSource in
// pkg/printers/internalversion/printers.go. events.k8s.io/v1 Events share core/v1's storage
// and printer: the apiserver converts them to the internal Event first (regarding ->
// involvedObject, note -> message, deprecated* -> source/firstTimestamp/lastTimestamp/count,
// pkg/apis/events/v1/conversion.go), which coreEventView does here.
import type { Frozen, KubeObject } from '../types.js';
import { timestampSince } from './human-duration.js';
import { column, nameColumn, wideColumn, type ResourcePrinter, type TableCell } from './table-column.js';

interface EventSeries {
  count?: number;
  lastObservedTime?: string;
}

/** The core/v1 Event fields the printer reads. */
interface CoreEventView {
  metadata: { name?: string };
  involvedObject?: { kind?: string; name?: string; fieldPath?: string };
  reason?: string;
  message?: string;
  source?: { component?: string; host?: string };
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  count?: number;
  type?: string;
  eventTime?: string | null;
  series?: EventSeries | null;
  reportingComponent?: string;
  reportingInstance?: string;
}

/** The events.k8s.io/v1 Event fields that differ from core/v1. */
interface EventsV1View {
  metadata: { name?: string };
  regarding?: CoreEventView['involvedObject'];
  note?: string;
  deprecatedSource?: CoreEventView['source'];
  deprecatedFirstTimestamp?: string | null;
  deprecatedLastTimestamp?: string | null;
  deprecatedCount?: number;
  reportingController?: string;
}

const columns = [
  column('Last Seen', 'The time at which the most recent occurrence of this event was recorded.'),
  column('Type', 'Type of this event (Normal, Warning), new types could be added in the future'),
  column(
    'Reason',
    "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
  ),
  column('Object', 'The object that this event is about.'),
  wideColumn(
    'Subobject',
    'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go ' +
      'field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is ' +
      'to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers ' +
      'to the name of the container that triggered the event) or if no container name is specified ' +
      '"spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some ' +
      'well-defined way of referencing a part of an object.',
  ),
  wideColumn('Source', 'The component reporting this event. Should be a short machine understandable string.'),
  column('Message', 'A human-readable description of the status of this operation.'),
  wideColumn('First Seen', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)'),
  wideColumn('Count', 'The number of times this event has occurred.'),
  { ...nameColumn, priority: 1 },
];

/** core/v1 Events. */
export const eventPrinter: ResourcePrinter = {
  columns,
  row: (obj: KubeObject, now: number): TableCell[] => eventRow(obj as Frozen<CoreEventView>, now),
};

/** events.k8s.io/v1 Events: same columns, read through the core/v1 field names. */
export const eventsV1EventPrinter: ResourcePrinter = {
  columns,
  row: (obj: KubeObject, now: number): TableCell[] => eventRow(coreEventView(obj as Frozen<EventsV1View>), now),
};

function eventRow(event: Frozen<CoreEventView>, now: number): TableCell[] {
  // Events written through events.k8s.io have eventTime but no firstTimestamp.
  const firstSeen = event.firstTimestamp
    ? timestampSince(event.firstTimestamp, now)
    : timestampSince(event.eventTime, now);
  let lastSeen = event.lastTimestamp ? timestampSince(event.lastTimestamp, now) : firstSeen;
  let count = event.count ?? 0;
  if (event.series) {
    lastSeen = timestampSince(event.series.lastObservedTime, now);
    count = event.series.count ?? 0;
  } else if (count === 0) {
    count = 1; // singleton events of the new API leave count unset
  }
  const involved = event.involvedObject ?? {};
  const kind = (involved.kind ?? '').toLowerCase();
  return [
    lastSeen,
    event.type ?? '',
    event.reason ?? '',
    involved.name ? `${kind}/${involved.name}` : kind,
    involved.fieldPath ?? '',
    eventSource(event),
    (event.message ?? '').trim(),
    firstSeen,
    count,
    event.metadata.name ?? '',
  ];
}

/** "kubelet, node-1": the component and host, each falling back to the reporting controller/instance. */
function eventSource(event: Frozen<CoreEventView>): string {
  const component = event.source?.component || event.reportingComponent || '';
  const instance = event.source?.host || event.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

/** The internal (core-shaped) view of an events.k8s.io/v1 Event. */
function coreEventView(event: Frozen<EventsV1View>): Frozen<CoreEventView> {
  const shared = event as Frozen<CoreEventView>;
  return {
    ...shared,
    involvedObject: event.regarding,
    message: event.note,
    source: event.deprecatedSource,
    firstTimestamp: event.deprecatedFirstTimestamp,
    lastTimestamp: event.deprecatedLastTimestamp,
    count: event.deprecatedCount,
    reportingComponent: event.reportingController,
  };
}
