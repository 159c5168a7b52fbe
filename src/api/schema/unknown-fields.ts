// Finds the fields of an object the schema does not declare, for ?fieldValidation=Strict|Warn.
// Kubernetes twin: sigs.k8s.io/json UnmarshalStrict as used by the apiserver's strict decoding
// (k8s.io/apimachinery/pkg/runtime/serializer/json), whose paths read "spec.containers[0].foo"
// and whose errors read `unknown field "spec.foo"`, joined with ", ".
import type { Shape } from './dsl.js';
import { typeNamed, typeOfKind } from './registry.js';

type Json = unknown;

function isPlainObject(value: Json): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const join = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);

function walkShape(shape: Shape, value: Json, path: string, out: string[]): void {
  if (shape.type === 'array' && Array.isArray(value)) {
    value.forEach((item, index) => walkShape(shape.items, item, `${path}[${index}]`, out));
  } else if (shape.type === 'map' && isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) walkShape(shape.values, item, join(path, key), out);
  } else if (shape.type === 'ref') {
    walkDefinition(shape.ref, value, path, out);
  }
  // Scalars and open objects have no fields to check; wrong types are validation's business.
}

function walkDefinition(name: string, value: Json, path: string, out: string[]): void {
  const decl = typeNamed(name);
  if (!decl) return; // an undeclared type: we cannot tell, so we accept
  if (decl.kind === 'scalar') return walkShape(decl.shape, value, path, out);
  if (!isPlainObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    const field = decl.fields[key];
    if (field) walkShape(field.shape, item, join(path, key), out);
    else out.push(join(path, key));
  }
}

/**
 * Paths of the fields in `object` that its kind's schema does not know, in document order.
 * An unknown kind yields none (it is treated as an open object, as for a CRD without schema).
 */
export function unknownFields(group: string, version: string, kind: string, object: Json): string[] {
  const decl = typeOfKind(group, version, kind);
  if (!decl) return [];
  const out: string[] = [];
  walkDefinition(decl.name, object, '', out);
  return out;
}

/** One message per unknown field, as sent in Warning headers for fieldValidation=Warn. */
export function unknownFieldWarnings(paths: readonly string[]): string[] {
  return paths.map((path) => `unknown field "${path}"`);
}

/** The decoder's message for fieldValidation=Strict, e.g. `strict decoding error: unknown field "spec.foo"`. */
export function strictDecodingError(paths: readonly string[]): string {
  return `strict decoding error: ${unknownFieldWarnings(paths).join(', ')}`;
}
