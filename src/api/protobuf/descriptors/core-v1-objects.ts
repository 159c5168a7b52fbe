// Kubernetes twin: staging/src/k8s.io/api/core/v1/generated.proto: small top-level objects and references.
// Numbers, names and pointer-ness (gogoproto.nullable) as compiled into kubectl v1.33; `!` from types.go JSON tags.
// Notation: ../message-spec.ts.
import type { MessageSpecs } from '../message-spec.js';

export const coreV1ObjectMessages: MessageSpecs = {
  Namespace: ['metadata=1:ObjectMeta', 'spec=2:NamespaceSpec', 'status=3:NamespaceStatus'],
  NamespaceSpec: ['finalizers=1:[]string'],
  NamespaceStatus: ['phase=1:string', 'conditions=2:[]NamespaceCondition'],
  NamespaceCondition: [
    'type=1:string!', 'status=2:string!', 'lastTransitionTime=4:Time', 'reason=5:string', 'message=6:string',
  ],
  ConfigMap: ['metadata=1:ObjectMeta', 'immutable=4:*bool', 'data=2:{}string', 'binaryData=3:{}bytes'],
  Secret: ['metadata=1:ObjectMeta', 'immutable=5:*bool', 'data=2:{}bytes', 'stringData=4:{}string', 'type=3:string'],
  ServiceAccount: [
    'metadata=1:ObjectMeta', 'secrets=2:[]ObjectReference', 'imagePullSecrets=3:[]LocalObjectReference',
    'automountServiceAccountToken=4:*bool',
  ],
  ObjectReference: [
    'kind=1:string', 'namespace=2:string', 'name=3:string', 'uid=4:string', 'apiVersion=5:string',
    'resourceVersion=6:string', 'fieldPath=7:string',
  ],
  LocalObjectReference: ['name=1:string'],
  TypedLocalObjectReference: ['apiGroup=1:*string', 'kind=2:string!', 'name=3:string!'],
  TypedObjectReference: ['apiGroup=1:*string', 'kind=2:string!', 'name=3:string!', 'namespace=4:*string'],
  Event: [
    'metadata=1:ObjectMeta', 'involvedObject=2:ObjectReference', 'reason=3:string', 'message=4:string',
    'source=5:EventSource', 'firstTimestamp=6:Time', 'lastTimestamp=7:Time', 'count=8:int32', 'type=9:string',
    'eventTime=10:MicroTime', 'series=11:*EventSeries', 'action=12:string', 'related=13:*ObjectReference',
    'reportingComponent=14:string!', 'reportingInstance=15:string!',
  ],
  EventSource: ['component=1:string', 'host=2:string'],
  EventSeries: ['count=1:int32', 'lastObservedTime=2:MicroTime'],
  Binding: ['metadata=1:ObjectMeta', 'target=2:ObjectReference'],
  PodTemplate: ['metadata=1:ObjectMeta', 'template=2:PodTemplateSpec'],
  PodTemplateSpec: ['metadata=1:ObjectMeta', 'spec=2:PodSpec'],
};
