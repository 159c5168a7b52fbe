// What every kind and list shares: the apiVersion and kind fields, and the <Kind>List type
// (apiVersion, items, kind, list metadata). Kubernetes twin: metav1.TypeMeta and the *List structs of k8s.io/api.
import { field, list, object, str, type GroupVersionKind, type ObjectDecl, type Shape } from './dsl.js';
import { listMeta } from './names.js';

export const API_VERSION_DESCRIPTION = 'The versioned schema of this representation; clients send it back as they received it.';
export const KIND_DESCRIPTION = 'The kind of this object, in CamelCase.';

export function listType(name: string, description: string, item: Shape, itemsDescription: string, gvk: GroupVersionKind[]): ObjectDecl {
  return object(
    name,
    description,
    {
      apiVersion: field(str, API_VERSION_DESCRIPTION),
      items: field(list(item), itemsDescription),
      kind: field(str, KIND_DESCRIPTION),
      metadata: field(listMeta, 'Standard list metadata.'),
    },
    { required: ['items'], gvk },
  );
}
