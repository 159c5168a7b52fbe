// Schema declarations: Namespace, NamespaceList, NamespaceSpec, NamespaceStatus, NamespaceCondition.
// Kubernetes twin: staging/src/k8s.io/api/core/v1/types.go (Namespace, NamespaceList, NamespaceSpec, NamespaceStatus, ...), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, ref, list, atomic, mergeList, kind, type TypeDecl, oneOf } from '../dsl.js';
import { CORE, time, objectMeta, listMeta } from '../names.js';

export const coreV1NamespaceTypes: readonly TypeDecl[] = [
  object(CORE + 'Namespace', 'A scope for names, and a unit of policy and quota.', {
    apiVersion: field(str, 'The versioned schema of this representation; clients send it back as they received it.'),
    kind: field(str, 'The kind of this object, in CamelCase.'),
    metadata: field(objectMeta, 'Standard object metadata.'),
    spec: ref(CORE + 'NamespaceSpec'),
    status: ref(CORE + 'NamespaceStatus'),
  }, { gvk: kind('', 'v1', 'Namespace') }),
  object(CORE + 'NamespaceList', 'A page of namespaces.', {
    apiVersion: field(str, 'The versioned schema of this representation; clients send it back as they received it.'),
    items: field(list(ref(CORE + 'Namespace')), 'The objects of this page.'),
    kind: field(str, 'The kind of this object, in CamelCase.'),
    metadata: field(listMeta, 'Standard list metadata.'),
  }, { required: ['items'], gvk: kind('', 'v1', 'NamespaceList') }),
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
