// The namespace strategy. Kubernetes twin: pkg/registry/core/namespace/strategy.go and its REST
// Delete (namespaces are emptied by the namespace controller before they go), plus the
// NamespaceLifecycle admission's immortal namespaces.
import * as errors from '../../errors.js';
import { defaultNamespace, prepareNamespaceForCreate } from '../../defaults/namespace.js';
import type { Namespace } from '../../types/namespace.js';
import { validateNamespace, validateNamespaceStatusUpdate, validateNamespaceUpdate } from '../../validation/namespace.js';
import type { MutableObj, Obj, Strategy } from '../definition.js';
import { typed } from './cast.js';

/** Namespaces kube-apiserver will not delete; kube-node-lease too, since node heartbeats live there. */
export const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);

const finalizersOf = (obj: Obj): readonly string[] => (obj as unknown as { spec?: { finalizers?: string[] } }).spec?.finalizers ?? [];

export const namespaceStrategy: Strategy = {
  ...typed<Namespace>({
    defaults: defaultNamespace,
    prepareForCreate: prepareNamespaceForCreate,
    validate: validateNamespace,
    validateUpdate: validateNamespaceUpdate,
    validateStatusUpdate: validateNamespaceStatusUpdate,
  }),
  prepareForUpdate(next: MutableObj, prev: Obj) {
    // spec.finalizers move only through the finalize subresource.
    (next as { spec?: unknown }).spec = { ...((next as { spec?: object }).spec ?? {}), finalizers: [...finalizersOf(prev)] };
  },
  checkDelete(obj: Obj) {
    const name = obj.metadata.name ?? '';
    if (IMMORTAL_NAMESPACES.has(name)) throw errors.forbidden({ group: '', resource: 'namespaces' }, name, 'this namespace may not be deleted');
  },
  deletionBlocked: (obj: Obj) => finalizersOf(obj).length > 0,
  markDeleting(obj: MutableObj) {
    (obj as { status?: { phase?: string } }).status = { ...((obj as { status?: object }).status ?? {}), phase: 'Terminating' };
  },
};
