// What a value of the wrong JSON type is, worded as the apiserver's decoder words it
// (the walk that finds it is inspect.ts): `json: cannot unmarshal number into Go struct field ConfigMap.data of
// type string`. Kubernetes twin: encoding/json's UnmarshalTypeError as sigs.k8s.io/json
// reports it (the innermost struct's Go name, then the JSON path from the root without
// indexes), wrapped by the handler as `<Kind> in version "v1" cannot be handled as a <Kind>: ...`.
import type { Shape } from './dsl.js';
import { INT_OR_STRING, QUANTITY, RAW_EXTENSION } from './names.js';
import { inspectObject } from './inspect.js';
import { typeNamed } from './registry.js';

const goStructName = (definition: string): string => definition.slice(definition.lastIndexOf('.') + 1);
const goPackage = (definition: string): string => {
  const parts = definition.split('.');
  return parts[parts.length - 2];
};

/** How Go names the JSON value it was given. */
function jsonTypeName(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'number' : `number ${value}`;
  if (typeof value === 'boolean') return 'bool';
  return typeof value; // string, object
}

/** The Go type a shape decodes into. */
function goTypeName(shape: Shape): string {
  switch (shape.type) {
    case 'string':
      return shape.format === 'byte' ? '[]uint8' : 'string';
    case 'integer':
      return shape.format;
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'array':
      return `[]${goTypeName(shape.items)}`;
    case 'map':
      return `map[string]${goTypeName(shape.values)}`;
    case 'ref':
      if (shape.ref === QUANTITY) return 'resource.Quantity';
      if (shape.ref === INT_OR_STRING) return 'intstr.IntOrString';
      return `${goPackage(shape.ref)}.${goStructName(shape.ref)}`;
    case 'open':
      return 'runtime.RawExtension';
  }
}

/** Whether a JSON value can decode into a field of this shape (null fits anything). */
export function fits(shape: Shape, value: unknown): boolean {
  // null decodes into anything as its zero value.
  if (value === null) return true;
  switch (shape.type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'map':
      return typeof value === 'object' && !Array.isArray(value);
    case 'ref':
      if (shape.ref === INT_OR_STRING || shape.ref === QUANTITY) return typeof value === 'string' || typeof value === 'number';
      if (shape.ref === RAW_EXTENSION) return true;
      {
        const decl = typeNamed(shape.ref);
        if (decl?.kind === 'scalar') return fits(decl.shape, value);
      }
      return typeof value === 'object' && !Array.isArray(value);
    case 'open':
      return true;
  }
}

/** The decode error for the first ill-typed value of `object`, or undefined when all fit. */
export function typeMismatch(group: string, version: string, kind: string, object: unknown): string | undefined {
  return inspectObject(group, version, kind, object).mismatch;
}

/** Go's UnmarshalTypeError text for a value that does not fit its field. */
export function describeMismatch(struct: string, path: readonly string[], given: unknown, expected: Shape): string {
  return `json: cannot unmarshal ${jsonTypeName(given)} into Go struct field ${struct}.${path.join('.')} of type ${goTypeName(expected)}`;
}
