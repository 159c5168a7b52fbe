// Kubernetes twin: staging/src/k8s.io/api/core/v1/generated.proto: Service and Endpoints.
// Numbers, names and pointer-ness (gogoproto.nullable) as compiled into kubectl v1.33; `!` from types.go JSON tags.
// Notation: ../message-spec.ts.
import type { MessageSpecs } from '../message-spec.js';

export const coreV1ServiceMessages: MessageSpecs = {
  Service: ['metadata=1:ObjectMeta', 'spec=2:ServiceSpec', 'status=3:ServiceStatus'],
  ServiceSpec: [
    'ports=1:[]ServicePort', 'selector=2:{}string', 'clusterIP=3:string', 'clusterIPs=18:[]string', 'type=4:string',
    'externalIPs=5:[]string', 'sessionAffinity=7:string', 'loadBalancerIP=8:string',
    'loadBalancerSourceRanges=9:[]string', 'externalName=10:string', 'externalTrafficPolicy=11:string',
    'healthCheckNodePort=12:int32', 'publishNotReadyAddresses=13:bool',
    'sessionAffinityConfig=14:*SessionAffinityConfig', 'ipFamilies=19:[]string', 'ipFamilyPolicy=17:*string',
    'allocateLoadBalancerNodePorts=20:*bool', 'loadBalancerClass=21:*string', 'internalTrafficPolicy=22:*string',
    'trafficDistribution=23:*string',
  ],
  ServicePort: [
    'name=1:string', 'protocol=2:string', 'appProtocol=6:*string', 'port=3:int32!', 'targetPort=4:IntOrString',
    'nodePort=5:int32',
  ],
  SessionAffinityConfig: ['clientIP=1:*ClientIPConfig'],
  ClientIPConfig: ['timeoutSeconds=1:*int32'],
  ServiceStatus: ['loadBalancer=1:LoadBalancerStatus', 'conditions=2:[]Condition'],
  LoadBalancerStatus: ['ingress=1:[]LoadBalancerIngress'],
  LoadBalancerIngress: ['ip=1:string', 'hostname=2:string', 'ipMode=3:*string', 'ports=4:[]PortStatus'],
  PortStatus: ['port=1:int32!', 'protocol=2:string!', 'error=3:*string'],
  Endpoints: ['metadata=1:ObjectMeta', 'subsets=2:[]EndpointSubset'],
  EndpointSubset: ['addresses=1:[]EndpointAddress', 'notReadyAddresses=2:[]EndpointAddress', 'ports=3:[]EndpointPort'],
  EndpointAddress: ['ip=1:string!', 'hostname=3:string', 'nodeName=4:*string', 'targetRef=2:*ObjectReference'],
  EndpointPort: ['name=1:string', 'port=2:int32!', 'protocol=3:string', 'appProtocol=4:*string'],
};
