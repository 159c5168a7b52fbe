// Kubernetes twin: staging/src/k8s.io/api/coordination/v1/generated.proto.
// Numbers, names and pointer-ness (gogoproto.nullable) as compiled into kubectl v1.33; `!` from types.go JSON tags.
// Notation: ../message-spec.ts.
import type { MessageSpecs } from '../message-spec.js';

export const coordinationV1Messages: MessageSpecs = {
  Lease: ['metadata=1:ObjectMeta', 'spec=2:LeaseSpec'],
  LeaseSpec: [
    'holderIdentity=1:*string', 'leaseDurationSeconds=2:*int32', 'acquireTime=3:*MicroTime', 'renewTime=4:*MicroTime',
    'leaseTransitions=5:*int32', 'strategy=6:*string', 'preferredHolder=7:*string',
  ],
};
