// Schema declarations: Namespace, NamespaceList, NamespaceSpec, NamespaceStatus, NamespaceCondition.
// Kubernetes twin: staging/src/k8s.io/api/core/v1/types.go (Namespace, NamespaceList, NamespaceSpec, NamespaceStatus, ...), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, ref, list, atomic, mergeList, kind, type TypeDecl, oneOf } from '../dsl.js';
import { CORE, time, objectMeta } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION, listType } from '../type-meta.js';

export const coreV1NamespaceTypes: readonly TypeDecl[] = [
  object(CORE + 'Namespace', 'A scope for names, and a unit of policy and quota.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    spec: ref(CORE + 'NamespaceSpec'),
    status: ref(CORE + 'NamespaceStatus'),
  }, { gvk: kind('', 'v1', 'Namespace') }),
  listType(CORE + 'NamespaceList', 'A page of namespaces.', ref(CORE + 'Namespace'), 'The objects of this page.', kind('', 'v1', 'NamespaceList')),
  object(CORE + 'NamespaceSpec', 'What a namespace needs before it can be removed.', {
    finalizers: field(list(str), undefined, atomic),
  }),
  object(CORE + 'NamespaceStatus', 'Whether the namespace is active or being removed.', {
    conditions: field(list(ref(CORE + 'NamespaceCondition')), undefined, mergeList('type')),
    phase: oneOf('Active', 'Terminating'),
  }),
  object(CORE + 'NamespaceCondition', 'One aspect of a namespace\'s state.', {
    lastTransitionTime: time,
    message: str,
    reason: str,
    status: str,
    type: str,
  }, { required: ['status', 'type'] }),
];
