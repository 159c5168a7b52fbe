// A small language for declaring API object types as data: fields, JSON types and formats,
// required fields and the patch/list extensions Kubernetes publishes in its OpenAPI documents.
// Kubernetes twin: the Go structs in k8s.io/api with their json, patchStrategy, patchMergeKey
// and +listType/+listMapKey/+mapType markers, as rendered by k8s.io/kube-openapi.

/** The JSON shape of a field's value. Named types are referenced, never inlined, as kube-openapi does. */
export type Shape =
  | { readonly type: 'string'; readonly format?: 'byte' | 'date-time' | 'int-or-string'; readonly enum?: readonly string[] }
  | { readonly type: 'integer'; readonly format: 'int32' | 'int64' }
  | { readonly type: 'number'; readonly format?: 'double' }
  | { readonly type: 'boolean' }
  | { readonly type: 'array'; readonly items: Shape }
  /** A JSON object with free keys (a Go map): additionalProperties in OpenAPI. */
  | { readonly type: 'map'; readonly values: Shape }
  | { readonly type: 'ref'; readonly ref: string }
  /** Any JSON object whose content the schema does not describe (x-kubernetes-preserve-unknown-fields). */
  | { readonly type: 'open' };

export type ListType = 'atomic' | 'set' | 'map';
export type MapType = 'atomic' | 'granular';

/** How a field's value merges in a patch and how server-side apply treats it. */
export interface FieldExtras {
  /** x-kubernetes-patch-strategy, e.g. "merge" or "merge,retainKeys". */
  readonly patchStrategy?: string;
  /** x-kubernetes-patch-merge-key: the key identifying list elements in a strategic merge. */
  readonly patchMergeKey?: string;
  readonly listType?: ListType;
  readonly listMapKeys?: readonly string[];
  readonly mapType?: MapType;
}

export interface FieldDecl extends FieldExtras {
  readonly shape: Shape;
  readonly description?: string;
}

export interface GroupVersionKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** A struct: named fields, some required; top-level kinds carry their GVKs. */
export interface ObjectDecl {
  readonly kind: 'object';
  readonly name: string;
  readonly description: string;
  readonly fields: Readonly<Record<string, FieldDecl>>;
  readonly required: readonly string[];
  readonly gvk: readonly GroupVersionKind[];
}

/** A named type whose JSON form is not a struct: Quantity, Time, IntOrString, RawExtension. */
export interface ScalarDecl {
  readonly kind: 'scalar';
  readonly name: string;
  readonly description: string;
  readonly shape: Shape;
}

export type TypeDecl = ObjectDecl | ScalarDecl;

export const str: Shape = { type: 'string' };
export const int32: Shape = { type: 'integer', format: 'int32' };
export const int64: Shape = { type: 'integer', format: 'int64' };
export const num: Shape = { type: 'number', format: 'double' };
export const bool: Shape = { type: 'boolean' };
export const bytes: Shape = { type: 'string', format: 'byte' };
export const open: Shape = { type: 'open' };
export const ref = (name: string): Shape => ({ type: 'ref', ref: name });
export const list = (items: Shape): Shape => ({ type: 'array', items });
export const mapOf = (values: Shape): Shape => ({ type: 'map', values });
export const oneOf = (...values: string[]): Shape => ({ type: 'string', enum: values });

/** A field with a description and optional patch extensions. */
export function field(shape: Shape, description?: string, extras: FieldExtras = {}): FieldDecl {
  return { shape, ...(description === undefined ? {} : { description }), ...extras };
}

/** A list merged element by element on `key` (patchStrategy merge + listType map). */
export function mergeList(key: string, mapKeys: readonly string[] = [key], strategy = 'merge'): FieldExtras {
  return { patchStrategy: strategy, patchMergeKey: key, listType: 'map', listMapKeys: mapKeys };
}

/** A list replaced as a whole by patches and owned as a whole by apply. */
export const atomic: FieldExtras = { listType: 'atomic' };
/** A list of scalars merged as a set. */
export const mergeSet: FieldExtras = { patchStrategy: 'merge', listType: 'set' };

function isFieldDecl(value: FieldDecl | Shape): value is FieldDecl {
  return 'shape' in value;
}

export interface ObjectOptions {
  readonly required?: readonly string[];
  readonly gvk?: readonly GroupVersionKind[];
}

export function object(
  name: string,
  description: string,
  fields: Readonly<Record<string, FieldDecl | Shape>>,
  options: ObjectOptions = {},
): ObjectDecl {
  const normalised: Record<string, FieldDecl> = {};
  for (const [key, value] of Object.entries(fields)) normalised[key] = isFieldDecl(value) ? value : { shape: value };
  return { kind: 'object', name, description, fields: normalised, required: options.required ?? [], gvk: options.gvk ?? [] };
}

export function scalar(name: string, description: string, shape: Shape): ScalarDecl {
  return { kind: 'scalar', name, description, shape };
}

/** The GVK list of a top-level kind. */
export const kind = (group: string, version: string, kindName: string): GroupVersionKind[] => [
  { group, version, kind: kindName },
];
