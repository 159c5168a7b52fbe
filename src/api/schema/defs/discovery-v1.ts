// Schema declarations: EndpointSlice, EndpointSliceList, Endpoint, EndpointPort, EndpointConditions, EndpointHints, ForZone.
// Kubernetes twin: staging/src/k8s.io/api/discovery/v1/types.go (EndpointSlice), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, bool, ref, list, mapOf, atomic, kind, type TypeDecl, oneOf } from '../dsl.js';
import { CORE, DISCOVERY, objectMeta } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION, listType } from '../type-meta.js';

export const discoveryV1Types: readonly TypeDecl[] = [
  object(DISCOVERY + 'EndpointSlice', 'A slice of the endpoints of a service.', {
    addressType: str,
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    endpoints: field(list(ref(DISCOVERY + 'Endpoint')), undefined, atomic),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    ports: field(list(ref(DISCOVERY + 'EndpointPort')), undefined, atomic),
  }, { required: ['addressType'], gvk: kind('discovery.k8s.io', 'v1', 'EndpointSlice') }),
  listType(DISCOVERY + 'EndpointSliceList', 'A page of endpoint slices.', ref(DISCOVERY + 'EndpointSlice'), 'The objects of this page.', kind('discovery.k8s.io', 'v1', 'EndpointSliceList')),
  object(DISCOVERY + 'Endpoint', 'One backend of a service.', {
    addresses: field(list(str), undefined, { listType: 'set' }),
    conditions: ref(DISCOVERY + 'EndpointConditions'),
    deprecatedTopology: mapOf(str),
    hints: ref(DISCOVERY + 'EndpointHints'),
    hostname: str,
    nodeName: str,
    targetRef: ref(CORE + 'ObjectReference'),
    zone: str,
  }, { required: ['addresses'] }),
  object(DISCOVERY + 'EndpointPort', 'One port of an endpoint slice.', {
    appProtocol: str,
    name: str,
    port: int32,
    protocol: oneOf('SCTP', 'TCP', 'UDP'),
  }),
  object(DISCOVERY + 'EndpointConditions', 'Whether an endpoint is ready, serving or terminating.', {
    ready: bool,
    serving: bool,
    terminating: bool,
  }),
  object(DISCOVERY + 'EndpointHints', 'Hints for topology-aware routing.', {
    forZones: field(list(ref(DISCOVERY + 'ForZone')), undefined, atomic),
  }),
  object(DISCOVERY + 'ForZone', 'A zone that should use this endpoint.', {
    name: str,
  }, { required: ['name'] }),
];
