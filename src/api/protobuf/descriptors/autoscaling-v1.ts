// Kubernetes twin: staging/src/k8s.io/api/autoscaling/v1/generated.proto.
// Numbers, names and pointer-ness (gogoproto.nullable) as compiled into kubectl v1.33; `!` from types.go JSON tags.
// Notation: ../message-spec.ts.
import type { MessageSpecs } from '../message-spec.js';

export const autoscalingV1Messages: MessageSpecs = {
  Scale: ['metadata=1:ObjectMeta', 'spec=2:ScaleSpec', 'status=3:ScaleStatus'],
  ScaleSpec: ['replicas=1:int32'],
  ScaleStatus: ['replicas=1:int32!', 'selector=2:string'],
};
