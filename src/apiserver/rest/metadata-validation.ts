// The metadata checks every resource gets. Kubernetes twin: apimachinery's ValidateObjectMeta.
import { invalid, required, type FieldError } from '../../api/field-errors.js';
import type { Obj, ResourceDefinition } from '../../api/registry/definition.js';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function metadataErrors(_def: ResourceDefinition, obj: Obj): FieldError[] {
  const name = obj.metadata.name;
  if (!name) return [required('metadata.name', 'name or generateName is required')];
  if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    return [
      invalid(
        'metadata.name',
        name,
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
      ),
    ];
  }
  return [];
}

export function metadataUpdateErrors(_def: ResourceDefinition, next: Obj, prev: Obj): FieldError[] {
  const errs: FieldError[] = [];
  if (next.metadata.uid !== prev.metadata.uid) errs.push(invalid('metadata.uid', next.metadata.uid, 'field is immutable'));
  return errs;
}
