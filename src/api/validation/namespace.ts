// Namespace validation. Kubernetes twin: pkg/apis/core/validation/validation.go
// (ValidateNamespace, ValidateNamespaceUpdate, ValidateNamespaceStatusUpdate, ValidateNamespaceFinalizeUpdate).

import { FieldPath, invalid, type FieldError } from '../field-errors.js';
import type { Frozen } from '../types.js';
import type { Namespace } from '../types/namespace.js';
import { nameIsDNSLabel } from './names.js';
import { validateFinalizerName, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

type Ns = Frozen<Namespace>;
const specFinalizers = FieldPath.root('spec').child('finalizers');

/** spec.finalizers hold the same names as metadata.finalizers; kube checks each one alone. */
function validateSpecFinalizers(ns: Ns, indexed: boolean): FieldError[] {
  const list = ns.spec?.finalizers ?? [];
  // Create reports at "spec.finalizers", the finalize subresource at "spec.finalizers[i]", as kube does.
  return list.flatMap((f, i) => validateFinalizerName(f, indexed ? specFinalizers.index(i) : specFinalizers));
}

export function validateNamespace(ns: Ns): FieldError[] {
  return [...validateObjectMeta(ns.metadata, { namespaced: false, validateName: nameIsDNSLabel }), ...validateSpecFinalizers(ns, false)];
}

export function validateNamespaceUpdate(next: Ns, prev: Ns): FieldError[] {
  return validateObjectMetaUpdate(next.metadata, prev.metadata);
}

/** The phase follows deletion: Active until deletionTimestamp is set, Terminating after. */
export function validateNamespaceStatusUpdate(next: Ns, prev: Ns): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, prev.metadata);
  const phase = next.status?.phase ?? '';
  const phasePath = FieldPath.root('status').child('Phase');
  if (!next.metadata.deletionTimestamp) {
    if (phase !== 'Active') errs.push(invalid(phasePath, phase, "may only be 'Active' if `deletionTimestamp` is empty"));
  } else if (phase !== 'Terminating') {
    errs.push(invalid(phasePath, phase, "may only be 'Terminating' if `deletionTimestamp` is not empty"));
  }
  return errs;
}

/** The finalize subresource: only spec.finalizers change, each still a valid name. */
export function validateNamespaceFinalizeUpdate(next: Ns, prev: Ns): FieldError[] {
  return [...validateObjectMetaUpdate(next.metadata, prev.metadata), ...validateSpecFinalizers(next, true)];
}
