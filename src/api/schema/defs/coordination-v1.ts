// Schema declarations: Lease, LeaseList, LeaseSpec.
// Kubernetes twin: staging/src/k8s.io/api/coordination/v1/types.go (Lease), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, ref, kind, type TypeDecl } from '../dsl.js';
import { COORDINATION, microTime, objectMeta } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION, listType } from '../type-meta.js';

export const coordinationV1Types: readonly TypeDecl[] = [
  object(COORDINATION + 'Lease', 'A lease, used for node heartbeats and leader election.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    spec: ref(COORDINATION + 'LeaseSpec'),
  }, { gvk: kind('coordination.k8s.io', 'v1', 'Lease') }),
  listType(COORDINATION + 'LeaseList', 'A page of leases.', ref(COORDINATION + 'Lease'), 'The objects of this page.', kind('coordination.k8s.io', 'v1', 'LeaseList')),
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
