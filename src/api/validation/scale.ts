// autoscaling/v1 Scale validation, for every scale subresource. Kubernetes twin:
// pkg/apis/autoscaling/validation/validation.go (ValidateScale).

import { FieldPath, invalid, type FieldError } from '../field-errors.js';
import type { Frozen } from '../types.js';
import type { Scale } from '../types/scale.js';
import { nameIsDNSSubdomain } from './names.js';
import { IS_NEGATIVE, validateObjectMeta } from './object-meta.js';

export function validateScale(scale: Frozen<Scale>): FieldError[] {
  const errs = validateObjectMeta(scale.metadata, { namespaced: true, validateName: nameIsDNSSubdomain });
  const replicas = scale.spec?.replicas ?? 0;
  if (replicas < 0) errs.push(invalid(FieldPath.root('spec').child('replicas'), replicas, IS_NEGATIVE));
  return errs;
}

/** The scale subresource writes only spec.replicas; the same rules hold on update. */
export const validateScaleUpdate = (next: Frozen<Scale>, _prev: Frozen<Scale>): FieldError[] => validateScale(next);
