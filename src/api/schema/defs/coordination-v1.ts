// Schema declarations: Lease, LeaseList, LeaseSpec.
// Kubernetes twin: staging/src/k8s.io/api/coordination/v1/types.go (Lease), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, ref, list, kind, type TypeDecl } from '../dsl.js';
import { COORDINATION, microTime, objectMeta, listMeta } from '../names.js';

export const coordinationV1Types: readonly TypeDecl[] = [
  object(COORDINATION + 'Lease', 'A lease, used for node heartbeats and leader election.', {
    apiVersion: field(str, 'The versioned schema of this representation; clients send it back as they received it.'),
    kind: field(str, 'The kind of this object, in CamelCase.'),
    metadata: field(objectMeta, 'Standard object metadata.'),
    spec: ref(COORDINATION + 'LeaseSpec'),
  }, { gvk: kind('coordination.k8s.io', 'v1', 'Lease') }),
  object(COORDINATION + 'LeaseList', 'A page of leases.', {
    apiVersion: field(str, 'The versioned schema of this representation; clients send it back as they received it.'),
    items: field(list(ref(COORDINATION + 'Lease')), 'The objects of this page.'),
    kind: field(str, 'The kind of this object, in CamelCase.'),
    metadata: field(listMeta, 'Standard list metadata.'),
  }, { required: ['items'], gvk: kind('coordination.k8s.io', 'v1', 'LeaseList') }),
  object(COORDINATION + 'LeaseSpec', 'Who holds the lease and for how long.', {
    acquireTime: field(microTime, 'When the current holder took the lease.'),
    holderIdentity: field(str, 'Who holds the lease.'),
    leaseDurationSeconds: field(int32, 'How long others wait after the last renewal before taking over.'),
    leaseTransitions: field(int32, 'How often the lease changed hands.'),
    preferredHolder: str,
    renewTime: field(microTime, 'When the holder last renewed.'),
    strategy: str,
  }),
];
