// Kubernetes twin: staging/src/k8s.io/api/discovery/v1/generated.proto.
// Numbers, names and pointer-ness (gogoproto.nullable) as compiled into kubectl v1.33; `!` from types.go JSON tags.
// Notation: ../message-spec.ts.
import type { MessageSpecs } from '../message-spec.js';

export const discoveryV1Messages: MessageSpecs = {
  EndpointSlice: [
    'metadata=1:ObjectMeta', 'addressType=4:string!', 'endpoints=2:[]Endpoint', 'ports=3:[]discovery.v1.EndpointPort',
  ],
  Endpoint: [
    'addresses=1:[]string', 'conditions=2:EndpointConditions', 'hostname=3:*string', 'targetRef=4:*ObjectReference',
    'deprecatedTopology=5:{}string', 'nodeName=6:*string', 'zone=7:*string', 'hints=8:*EndpointHints',
  ],
  EndpointConditions: ['ready=1:*bool', 'serving=2:*bool', 'terminating=3:*bool'],
  EndpointHints: ['forZones=1:[]ForZone', 'forNodes=2:[]ForNode'],
  ForZone: ['name=1:string!'],
  ForNode: ['name=1:string!'],
  'discovery.v1.EndpointPort': ['name=1:*string', 'protocol=2:*string', 'port=3:*int32', 'appProtocol=4:*string'],
};
