// Schema declarations: Service, ServiceList, ServiceSpec, ServiceStatus, ServicePort, SessionAffinityConfig, LoadBalancerStatus, ClientIPConfig, LoadBalancerIngress, PortStatus.
// Kubernetes twin: staging/src/k8s.io/api/core/v1/types.go (Service, ServiceList, ServiceSpec, ServiceStatus, ...), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, bool, ref, list, mapOf, atomic, mergeList, kind, type TypeDecl, oneOf } from '../dsl.js';
import { CORE, META, intOrString, objectMeta } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION, listType } from '../type-meta.js';

export const coreV1ServiceTypes: readonly TypeDecl[] = [
  object(CORE + 'Service', 'A stable name and virtual address in front of a set of pods.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    spec: ref(CORE + 'ServiceSpec'),
    status: ref(CORE + 'ServiceStatus'),
  }, { gvk: kind('', 'v1', 'Service') }),
  listType(CORE + 'ServiceList', 'A page of services.', ref(CORE + 'Service'), 'The objects of this page.', kind('', 'v1', 'ServiceList')),
  object(CORE + 'ServiceSpec', 'How a service selects pods and exposes ports.', {
    allocateLoadBalancerNodePorts: bool,
    clusterIP: field(str, 'The virtual IP; "None" makes a headless service.'),
    clusterIPs: field(list(str), undefined, atomic),
    externalIPs: field(list(str), undefined, atomic),
    externalName: str,
    externalTrafficPolicy: oneOf('Cluster', 'Local'),
    healthCheckNodePort: int32,
    internalTrafficPolicy: oneOf('Cluster', 'Local'),
    ipFamilies: field(list(str), undefined, atomic),
    ipFamilyPolicy: oneOf('PreferDualStack', 'RequireDualStack', 'SingleStack'),
    loadBalancerClass: str,
    loadBalancerIP: str,
    loadBalancerSourceRanges: field(list(str), undefined, atomic),
    ports: field(list(ref(CORE + 'ServicePort')), 'Ports the service exposes.', mergeList('port', ['port', 'protocol'])),
    publishNotReadyAddresses: bool,
    selector: field(mapOf(str), 'Labels of the pods that back the service.', { mapType: 'atomic' }),
    sessionAffinity: oneOf('ClientIP', 'None'),
    sessionAffinityConfig: ref(CORE + 'SessionAffinityConfig'),
    trafficDistribution: str,
    type: field(oneOf('ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'), 'ClusterIP, NodePort, LoadBalancer or ExternalName.'),
  }),
  object(CORE + 'ServiceStatus', 'What is known about a service, such as its load balancer.', {
    conditions: field(list(ref(META + 'Condition')), undefined, mergeList('type')),
    loadBalancer: ref(CORE + 'LoadBalancerStatus'),
  }),
  object(CORE + 'ServicePort', 'One port the service exposes and where it sends traffic.', {
    appProtocol: str,
    name: str,
    nodePort: field(int32, 'The port on every node, for NodePort and LoadBalancer services.'),
    port: field(int32, 'The port the service listens on.'),
    protocol: oneOf('SCTP', 'TCP', 'UDP'),
    targetPort: field(intOrString, 'The pod port traffic goes to, by number or name.'),
  }, { required: ['port'] }),
  object(CORE + 'SessionAffinityConfig', 'Settings of session affinity.', {
    clientIP: ref(CORE + 'ClientIPConfig'),
  }),
  object(CORE + 'LoadBalancerStatus', 'The load balancer\'s ingress points.', {
    ingress: field(list(ref(CORE + 'LoadBalancerIngress')), undefined, atomic),
  }),
  object(CORE + 'ClientIPConfig', 'Settings of client-IP session affinity.', {
    timeoutSeconds: int32,
  }),
  object(CORE + 'LoadBalancerIngress', 'One ingress point of a load balancer.', {
    hostname: str,
    ip: str,
    ipMode: str,
    ports: field(list(ref(CORE + 'PortStatus')), undefined, atomic),
  }),
  object(CORE + 'PortStatus', 'The state of one service port.', {
    error: str,
    port: int32,
    protocol: oneOf('SCTP', 'TCP', 'UDP'),
  }, { required: ['port', 'protocol'] }),
];
