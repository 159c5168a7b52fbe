// Renders declarations as OpenAPI schema objects, in Swagger 2.0 or OpenAPI 3.0 dialect.
// Kubernetes twin: k8s.io/kube-openapi/pkg/builder (v2) and builder3 (v3): refs point at
// "#/definitions/..." or "#/components/schemas/...", v3 wraps a described ref in allOf, and
// Quantity / IntOrString become oneOf alternatives in v3.
import type { FieldDecl, Shape, TypeDecl } from './dsl.js';
import { INT_OR_STRING, QUANTITY } from './names.js';

export type Dialect = 'v2' | 'v3';
export type JsonSchema = { [key: string]: unknown };

export function refPrefix(dialect: Dialect): string {
  return dialect === 'v2' ? '#/definitions/' : '#/components/schemas/';
}

/** The definition names a shape refers to, directly or through arrays and maps. */
export function refsOfShape(shape: Shape): string[] {
  if (shape.type === 'ref') return [shape.ref];
  if (shape.type === 'array') return refsOfShape(shape.items);
  if (shape.type === 'map') return refsOfShape(shape.values);
  return [];
}

export function shapeSchema(shape: Shape, dialect: Dialect): JsonSchema {
  switch (shape.type) {
    case 'string':
      return { type: 'string', ...(shape.format ? { format: shape.format } : {}), ...(shape.enum ? { enum: [...shape.enum] } : {}) };
    case 'integer':
      return { type: 'integer', format: shape.format };
    case 'number':
      return { type: 'number', ...(shape.format ? { format: shape.format } : {}) };
    case 'boolean':
      return { type: 'boolean' };
    case 'array':
      return { type: 'array', items: shapeSchema(shape.items, dialect) };
    case 'map':
      return { type: 'object', additionalProperties: shapeSchema(shape.values, dialect) };
    case 'ref':
      return { $ref: refPrefix(dialect) + shape.ref };
    case 'open':
      return { type: 'object', 'x-kubernetes-preserve-unknown-fields': true };
  }
}

function fieldExtensions(decl: FieldDecl): JsonSchema {
  const out: JsonSchema = {};
  if (decl.listMapKeys) out['x-kubernetes-list-map-keys'] = [...decl.listMapKeys];
  if (decl.listType) out['x-kubernetes-list-type'] = decl.listType;
  if (decl.mapType) out['x-kubernetes-map-type'] = decl.mapType;
  if (decl.patchMergeKey) out['x-kubernetes-patch-merge-key'] = decl.patchMergeKey;
  if (decl.patchStrategy) out['x-kubernetes-patch-strategy'] = decl.patchStrategy;
  return out;
}

export function fieldSchema(decl: FieldDecl, dialect: Dialect): JsonSchema {
  const base = shapeSchema(decl.shape, dialect);
  const extras: JsonSchema = { ...(decl.description ? { description: decl.description } : {}), ...fieldExtensions(decl) };
  // JSON Schema in OpenAPI 3.0 ignores siblings of $ref; kube-openapi keeps them by wrapping.
  if (dialect === 'v3' && '$ref' in base && Object.keys(extras).length > 0) return { allOf: [base], ...extras };
  return { ...base, ...extras };
}

function scalarSchema(name: string, shape: Shape, dialect: Dialect): JsonSchema {
  if (dialect === 'v3' && name === QUANTITY) return { oneOf: [{ type: 'string' }, { type: 'number' }] };
  if (dialect === 'v3' && name === INT_OR_STRING) {
    return { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }] };
  }
  return shapeSchema(shape, dialect);
}

export function definitionSchema(decl: TypeDecl, dialect: Dialect): JsonSchema {
  if (decl.kind === 'scalar') return { description: decl.description, ...scalarSchema(decl.name, decl.shape, dialect) };
  const properties: JsonSchema = {};
  for (const [name, field] of Object.entries(decl.fields)) properties[name] = fieldSchema(field, dialect);
  return {
    description: decl.description,
    type: 'object',
    properties,
    ...(decl.required.length > 0 ? { required: [...decl.required] } : {}),
    ...(decl.gvk.length > 0 ? { 'x-kubernetes-group-version-kind': decl.gvk.map((g) => ({ ...g })) } : {}),
  };
}
