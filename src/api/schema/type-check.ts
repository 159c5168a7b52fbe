// Finds the first value whose JSON type does not fit its field, worded as the apiserver's
// decoder words it: `json: cannot unmarshal number into Go struct field ConfigMap.data of
// type string`. Kubernetes twin: encoding/json's UnmarshalTypeError as sigs.k8s.io/json
// reports it (the innermost struct's Go name, then the JSON path from the root without
// indexes), wrapped by the handler as `<Kind> in version "v1" cannot be handled as a <Kind>: ...`.
import type { Shape } from './dsl.js';
import { INT_OR_STRING, QUANTITY, RAW_EXTENSION } from './names.js';
import { typeNamed, typeOfKind } from './registry.js';

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

interface Mismatch {
  struct: string;
  path: string[];
  given: unknown;
  expected: Shape;
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

function checkShape(shape: Shape, value: unknown, struct: string, path: string[]): Mismatch | undefined {
  if (!fits(shape, value)) return { struct, path, given: value, expected: shape };
  if (value === null) return undefined;
  if (shape.type === 'array') {
    for (const item of value as unknown[]) {
      const m = checkShape(shape.items, item, struct, path);
      if (m) return m;
    }
  } else if (shape.type === 'map') {
    for (const item of Object.values(value as Record<string, unknown>)) {
      const m = checkShape(shape.values, item, struct, path);
      if (m) return m;
    }
  } else if (shape.type === 'ref') {
    return checkDefinition(shape.ref, value, path);
  }
  return undefined;
}

function checkDefinition(name: string, value: unknown, path: string[]): Mismatch | undefined {
  const decl = typeNamed(name);
  if (!decl || decl.kind === 'scalar' || typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const field = decl.fields[key];
    if (!field) continue; // unknown fields are strict validation's business
    const m = checkShape(field.shape, item, goStructName(decl.name), [...path, key]);
    if (m) return m;
  }
  return undefined;
}

/** The decode error for the first ill-typed value of `object`, or undefined when all fit. */
export function typeMismatch(group: string, version: string, kind: string, object: unknown): string | undefined {
  const decl = typeOfKind(group, version, kind);
  if (!decl) return undefined;
  const m = checkDefinition(decl.name, object, []);
  if (!m) return undefined;
  return describeMismatch(m.struct, m.path, m.given, m.expected);
}

/** Go's UnmarshalTypeError text for a value that does not fit its field. */
export function describeMismatch(struct: string, path: readonly string[], given: unknown, expected: Shape): string {
  return `json: cannot unmarshal ${jsonTypeName(given)} into Go struct field ${struct}.${path.join('.')} of type ${goTypeName(expected)}`;
}
