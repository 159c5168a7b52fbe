// Schema declarations: Condition, ObjectMeta, ListMeta, ManagedFieldsEntry, OwnerReference, LabelSelector, LabelSelectorRequirement.
// Kubernetes twin: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go (object and list metadata, selectors, conditions), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int64, bool, ref, list, mapOf, atomic, mergeList, mergeSet, type TypeDecl } from '../dsl.js';
import { META, time } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION } from '../type-meta.js';

export const metaV1Types: readonly TypeDecl[] = [
  object(META + 'Condition', 'One observed aspect of an object\'s state, in the shape most APIs share.', {
    lastTransitionTime: time,
    message: str,
    observedGeneration: int64,
    reason: str,
    status: str,
    type: str,
  }, { required: ['lastTransitionTime', 'message', 'reason', 'status', 'type'] }),
  object(META + 'ObjectMeta', 'Metadata every persisted object carries: identity, labels, ownership and bookkeeping.', {
    annotations: field(mapOf(str), 'Key/value pairs for tools; not used for selection.'),
    creationTimestamp: field(time, 'When the server created the object.'),
    deletionGracePeriodSeconds: field(int64, 'Seconds the object had to stop gracefully when deletion was requested.'),
    deletionTimestamp: field(time, 'When deletion was requested; the object goes once its finalizers are gone.'),
    finalizers: field(list(str), 'Keys that must be removed before the object is deleted.', mergeSet),
    generateName: field(str, 'Prefix from which the server makes a unique name when name is empty.'),
    generation: field(int64, 'Counts changes to the desired state; set by the server.'),
    labels: field(mapOf(str), 'Key/value pairs used by selectors.'),
    managedFields: field(list(ref(META + 'ManagedFieldsEntry')), 'Which manager owns which fields; maintained by the server.', atomic),
    name: field(str, 'Unique within the namespace (or cluster, for cluster-scoped kinds).'),
    namespace: field(str, 'The namespace the object lives in; empty for cluster-scoped kinds.'),
    ownerReferences: field(list(ref(META + 'OwnerReference')), 'Objects this object depends on.', mergeList('uid')),
    resourceVersion: field(str, 'Opaque version of this object, for optimistic concurrency and watches.'),
    selfLink: field(str, 'Legacy; no longer set.'),
    uid: field(str, 'Set by the server; unique for the object\'s whole life.'),
  }),
  object(META + 'ListMeta', 'Metadata of a list response: its resource version and how to fetch the next page.', {
    continue: field(str, 'Token to fetch the next page; empty on the last page.'),
    remainingItemCount: field(int64, 'How many items are left after this page, when known.'),
    resourceVersion: field(str, 'The version of the collection this page was read at.'),
    selfLink: str,
  }),
  object(META + 'ManagedFieldsEntry', 'Records which fields one manager set, through which operation and API version.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    fieldsType: str,
    fieldsV1: ref(META + 'FieldsV1'),
    manager: str,
    operation: str,
    subresource: str,
    time: time,
  }),
  object(META + 'OwnerReference', 'Points at an object that owns this one; garbage collection follows these links.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    blockOwnerDeletion: bool,
    controller: bool,
    kind: field(str, KIND_DESCRIPTION),
    name: str,
    uid: str,
  }, { required: ['apiVersion', 'kind', 'name', 'uid'] }),
  object(META + 'LabelSelector', 'A query over labels; all given terms must hold. Empty selects everything.', {
    matchExpressions: field(list(ref(META + 'LabelSelectorRequirement')), undefined, atomic),
    matchLabels: mapOf(str),
  }),
  object(META + 'LabelSelectorRequirement', 'One label term: a key, an operator and the values it compares with.', {
    key: str,
    operator: str,
    values: field(list(str), undefined, atomic),
  }, { required: ['key', 'operator'] }),
];
