// Validation of a whole object: the metadata every type shares, then the type's own rules.
// Kubernetes twin: rest.BeforeCreate / rest.BeforeUpdate (validateCommonFields + strategy.Validate).
import * as errors from '../../api/errors.js';
import type { FieldError } from '../../api/field-errors.js';
import type { Obj, ResourceDefinition } from '../../api/registry/definition.js';
import { metadataErrors, metadataUpdateErrors } from './metadata-validation.js';

function raise(def: ResourceDefinition, obj: Obj, errs: FieldError[]): void {
  if (errs.length > 0) throw errors.invalid({ group: def.group, kind: def.kind }, obj.metadata.name ?? '', errs);
}

export function validateCreate(def: ResourceDefinition, obj: Obj): void {
  const errs = metadataErrors(def, obj);
  if (def.strategy.validate) errs.push(...def.strategy.validate(obj));
  raise(def, obj, errs);
}

export function validateUpdate(def: ResourceDefinition, next: Obj, prev: Obj, subresource: string): void {
  const errs = metadataUpdateErrors(def, next, prev);
  if (subresource === 'finalize') {
    // only spec.finalizers moved; the metadata checks above cover the rest
  } else if (subresource === 'status') {
    if (def.strategy.validateStatusUpdate) errs.push(...def.strategy.validateStatusUpdate(next, prev));
  } else {
    if (def.strategy.validate) errs.push(...def.strategy.validate(next));
    if (def.strategy.validateUpdate) errs.push(...def.strategy.validateUpdate(next, prev));
  }
  raise(def, next, errs);
}
