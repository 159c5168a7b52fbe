// Kubernetes twin: staging/src/k8s.io/api/events/v1/generated.proto.
// Numbers, names and pointer-ness (gogoproto.nullable) as compiled into kubectl v1.33; `!` from types.go JSON tags.
// Notation: ../message-spec.ts.
import type { MessageSpecs } from '../message-spec.js';

export const eventsV1Messages: MessageSpecs = {
  'events.v1.Event': [
    'metadata=1:ObjectMeta', 'eventTime=2:MicroTime', 'series=3:*events.v1.EventSeries', 'reportingController=4:string',
    'reportingInstance=5:string', 'action=6:string', 'reason=7:string', 'regarding=8:ObjectReference',
    'related=9:*ObjectReference', 'note=10:string', 'type=11:string', 'deprecatedSource=12:EventSource',
    'deprecatedFirstTimestamp=13:Time', 'deprecatedLastTimestamp=14:Time', 'deprecatedCount=15:int32',
  ],
  'events.v1.EventSeries': ['count=1:int32!', 'lastObservedTime=2:MicroTime'],
};
