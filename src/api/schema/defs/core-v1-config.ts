// Schema declarations: ConfigMap, ConfigMapList, Secret, SecretList, ServiceAccount, ServiceAccountList.
// Kubernetes twin: staging/src/k8s.io/api/core/v1/types.go (ConfigMap, ConfigMapList, Secret, SecretList, ...), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, bool, bytes, ref, list, mapOf, atomic, mergeList, kind, type TypeDecl } from '../dsl.js';
import { CORE, objectMeta } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION, listType } from '../type-meta.js';

export const coreV1ConfigTypes: readonly TypeDecl[] = [
  object(CORE + 'ConfigMap', 'Non-secret configuration as keys and values.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    binaryData: field(mapOf(bytes), 'Binary values, base64 in JSON.'),
    data: field(mapOf(str), 'UTF-8 values.'),
    immutable: field(bool, 'When true, data can no longer change.'),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
  }, { gvk: kind('', 'v1', 'ConfigMap') }),
  listType(CORE + 'ConfigMapList', 'A page of config maps.', ref(CORE + 'ConfigMap'), 'The objects of this page.', kind('', 'v1', 'ConfigMapList')),
  object(CORE + 'Secret', 'Sensitive data as keys and base64 values.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    data: field(mapOf(bytes), 'Values, base64 in JSON.'),
    immutable: bool,
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    stringData: field(mapOf(str), 'Write-only plain values merged into data.'),
    type: field(str, 'What the secret holds; decides which keys are required.'),
  }, { gvk: kind('', 'v1', 'Secret') }),
  listType(CORE + 'SecretList', 'A page of secrets.', ref(CORE + 'Secret'), 'The objects of this page.', kind('', 'v1', 'SecretList')),
  object(CORE + 'ServiceAccount', 'An identity for processes running in pods.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    automountServiceAccountToken: bool,
    imagePullSecrets: field(list(ref(CORE + 'LocalObjectReference')), undefined, atomic),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    secrets: field(list(ref(CORE + 'ObjectReference')), undefined, mergeList('name')),
  }, { gvk: kind('', 'v1', 'ServiceAccount') }),
  listType(CORE + 'ServiceAccountList', 'A page of service accounts.', ref(CORE + 'ServiceAccount'), 'The objects of this page.', kind('', 'v1', 'ServiceAccountList')),
];
