// Schema declarations: Status, DeleteOptions, WatchEvent, StatusDetails, Preconditions, StatusCause.
// Kubernetes twin: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go (Status, DeleteOptions) and watch.go, v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, int64, bool, ref, list, atomic, kind, type TypeDecl } from '../dsl.js';
import { META, RAW_EXTENSION, listMeta, acrossGroups } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION } from '../type-meta.js';

export const metaV1StatusTypes: readonly TypeDecl[] = [
  object(META + 'Status', 'The outcome of a call that returns no object, usually an error.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    code: int32,
    details: ref(META + 'StatusDetails'),
    kind: field(str, KIND_DESCRIPTION),
    message: str,
    metadata: field(listMeta, 'Standard object metadata.'),
    reason: str,
    status: str,
  }, { gvk: kind('', 'v1', 'Status') }),
  object(META + 'DeleteOptions', 'Options of a delete call: grace period, preconditions and how to treat dependents.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    dryRun: field(list(str), undefined, atomic),
    gracePeriodSeconds: int64,
    ignoreStoreReadErrorWithClusterBreakingPotential: bool,
    kind: field(str, KIND_DESCRIPTION),
    orphanDependents: bool,
    preconditions: ref(META + 'Preconditions'),
    propagationPolicy: str,
  }, { gvk: acrossGroups('DeleteOptions') }),
  object(META + 'WatchEvent', 'One change notification of a watch stream.', {
    object: ref(RAW_EXTENSION),
    type: str,
  }, { required: ['object', 'type'], gvk: acrossGroups('WatchEvent') }),
  object(META + 'StatusDetails', 'Extra data about a Status: which object it concerns and the individual causes.', {
    causes: field(list(ref(META + 'StatusCause')), undefined, atomic),
    group: str,
    kind: field(str, KIND_DESCRIPTION),
    name: str,
    retryAfterSeconds: int32,
    uid: str,
  }),
  object(META + 'Preconditions', 'Conditions the object must still meet for the operation to proceed.', {
    resourceVersion: str,
    uid: str,
  }),
  object(META + 'StatusCause', 'One reason behind a failed call, often tied to a field.', {
    field: str,
    message: str,
    reason: str,
  }),
];
