// Schema declarations: Endpoints, EndpointsList, EndpointSubset, ObjectReference, EndpointAddress, EndpointPort.
// Kubernetes twin: staging/src/k8s.io/api/core/v1/types.go (Endpoints, EndpointsList, EndpointSubset, ObjectReference, ...), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, ref, list, atomic, kind, type TypeDecl, oneOf } from '../dsl.js';
import { CORE, objectMeta } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION, listType } from '../type-meta.js';

export const coreV1EndpointsTypes: readonly TypeDecl[] = [
  object(CORE + 'Endpoints', 'The addresses that currently back a service.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    subsets: field(list(ref(CORE + 'EndpointSubset')), undefined, atomic),
  }, { gvk: kind('', 'v1', 'Endpoints') }),
  listType(CORE + 'EndpointsList', 'A page of endpoints.', ref(CORE + 'Endpoints'), 'The objects of this page.', kind('', 'v1', 'EndpointsList')),
  object(CORE + 'EndpointSubset', 'Addresses that share the same ports.', {
    addresses: field(list(ref(CORE + 'EndpointAddress')), undefined, atomic),
    notReadyAddresses: field(list(ref(CORE + 'EndpointAddress')), undefined, atomic),
    ports: field(list(ref(CORE + 'EndpointPort')), undefined, atomic),
  }),
  object(CORE + 'ObjectReference', 'Names any object, possibly a field within it.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    fieldPath: str,
    kind: field(str, KIND_DESCRIPTION),
    name: str,
    namespace: str,
    resourceVersion: str,
    uid: str,
  }, { gvk: kind('', 'v1', 'ObjectReference') }),
  object(CORE + 'EndpointAddress', 'One backend address.', {
    hostname: str,
    ip: str,
    nodeName: str,
    targetRef: ref(CORE + 'ObjectReference'),
  }, { required: ['ip'] }),
  object(CORE + 'EndpointPort', 'One port of an endpoint subset.', {
    appProtocol: str,
    name: str,
    port: int32,
    protocol: oneOf('SCTP', 'TCP', 'UDP'),
  }, { required: ['port'] }),
];
