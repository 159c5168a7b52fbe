// ServiceAccount validation. Kubernetes twin: pkg/apis/core/validation/validation.go (ValidateServiceAccount*).

import type { FieldError } from '../field-errors.js';
import type { Frozen } from '../types.js';
import type { ServiceAccount } from '../types/serviceaccount.js';
import { nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

type Sa = Frozen<ServiceAccount>;

export function validateServiceAccount(sa: Sa): FieldError[] {
  return validateObjectMeta(sa.metadata, { namespaced: true, validateName: nameIsDNSSubdomain });
}

export function validateServiceAccountUpdate(next: Sa, prev: Sa): FieldError[] {
  return [...validateObjectMetaUpdate(next.metadata, prev.metadata), ...validateServiceAccount(next)];
}
