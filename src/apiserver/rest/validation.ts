// Validation of a whole object: the type's own rules, which include the metadata checks every
// type shares; a type without rules of its own gets those metadata checks alone.
// Kubernetes twin: rest.BeforeCreate / rest.BeforeUpdate (strategy.Validate, ValidateUpdate).
import * as errors from '../../api/errors.js';
import type { FieldError } from '../../api/field-errors.js';
import type { Obj, ResourceDefinition } from '../../api/registry/definition.js';
import { nameIsDNSSubdomain } from '../../api/validation/names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../api/validation/object-meta.js';

function raise(def: ResourceDefinition, obj: Obj, errs: FieldError[]): void {
  if (errs.length > 0) throw errors.invalid({ group: def.group, kind: def.kind }, obj.metadata.name ?? '', errs);
}

export function validateCreate(def: ResourceDefinition, obj: Obj): void {
  const errs = def.strategy.validate ? def.strategy.validate(obj) : validateObjectMeta(obj.metadata, { namespaced: def.namespaced, validateName: nameIsDNSSubdomain });
  raise(def, obj, errs);
}

export function validateUpdate(def: ResourceDefinition, next: Obj, prev: Obj, subresource: string): void {
  let errs: FieldError[];
  if (subresource === 'status' && def.strategy.validateStatusUpdate) errs = def.strategy.validateStatusUpdate(next, prev);
  else if (subresource === '' && def.strategy.validateUpdate) errs = def.strategy.validateUpdate(next, prev);
  else errs = validateObjectMetaUpdate(next.metadata, prev.metadata);
  raise(def, next, errs);
}
