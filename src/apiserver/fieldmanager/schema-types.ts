// The schema as structured-merge-diff sees it: each value is a scalar, a struct, a map, a list
// (atomic, set or associative by keys) or "deduced" (no schema: maps granular, lists atomic).
// Kubernetes twin: k8s.io/kube-openapi/pkg/schemaconv (OpenAPI -> SMD schema), whose list rules
// are: x-kubernetes-list-type wins; else patch strategy "merge" makes an associative list
// (keyed by the patch merge key, or a set without one); else the list is atomic.
import type { FieldDecl, FieldExtras, ObjectDecl, Shape } from '../../api/schema/dsl.js';
import { APPS, CORE, META } from '../../api/schema/names.js';
import { typeNamed, typeOfKind } from '../../api/schema/registry.js';

export type TypeNode =
  | { readonly t: 'scalar' }
  | { readonly t: 'deduced' }
  | { readonly t: 'struct'; readonly decl: ObjectDecl; readonly atomic: boolean }
  | { readonly t: 'map'; readonly values: Shape; readonly atomic: boolean }
  | { readonly t: 'list'; readonly items: Shape; readonly rel: 'atomic' | 'set' | 'map'; readonly keys: readonly string[] };

const SCALAR: TypeNode = { t: 'scalar' };
const DEDUCED: TypeNode = { t: 'deduced' };

/**
 * Structs Kubernetes marks +structType=atomic (x-kubernetes-map-type: atomic on the definition):
 * owned and replaced as a whole. Our schema DSL has no struct marker, so they are listed here.
 */
export const ATOMIC_STRUCTS: ReadonlySet<string> = new Set([
  META + 'LabelSelector',
  CORE + 'LocalObjectReference',
  CORE + 'ObjectReference',
  CORE + 'TypedLocalObjectReference',
  CORE + 'ConfigMapKeySelector',
  CORE + 'SecretKeySelector',
  CORE + 'ObjectFieldSelector',
  CORE + 'ResourceFieldSelector',
  CORE + 'NodeSelector',
  CORE + 'TopologySelectorTerm',
]);

/**
 * Default values of list-map keys a client may leave out (the schema default SMD uses to build
 * the key): a port's protocol.
 */
export const KEY_DEFAULTS: Readonly<Record<string, unknown>> = { protocol: 'TCP' };

/** The type of a top-level kind; deduced when the schema does not declare it. */
export function rootType(group: string, version: string, kind: string): TypeNode {
  const decl = typeOfKind(group, version, kind);
  return decl ? { t: 'struct', decl, atomic: false } : DEDUCED;
}

/** The type of a field's value, with the field's list/map markers. */
export function typeOfShape(shape: Shape, extras: FieldExtras = {}): TypeNode {
  switch (shape.type) {
    case 'array':
      return { t: 'list', items: shape.items, ...listRelation(extras) };
    case 'map':
      return { t: 'map', values: shape.values, atomic: extras.mapType === 'atomic' };
    case 'ref':
      return typeOfRef(shape.ref);
    case 'open':
      return DEDUCED;
    default:
      return SCALAR;
  }
}

function listRelation(extras: FieldExtras): { rel: 'atomic' | 'set' | 'map'; keys: readonly string[] } {
  if (extras.listType === 'map') return { rel: 'map', keys: extras.listMapKeys ?? (extras.patchMergeKey ? [extras.patchMergeKey] : []) };
  if (extras.listType === 'set') return { rel: 'set', keys: [] };
  if (extras.listType === 'atomic') return { rel: 'atomic', keys: [] };
  const merge = (extras.patchStrategy ?? '').split(',').includes('merge');
  if (merge && extras.patchMergeKey) return { rel: 'map', keys: [extras.patchMergeKey] };
  if (merge) return { rel: 'set', keys: [] };
  return { rel: 'atomic', keys: [] };
}

function typeOfRef(name: string): TypeNode {
  const decl = typeNamed(name);
  if (!decl) return DEDUCED;
  if (decl.kind === 'object') return { t: 'struct', decl, atomic: ATOMIC_STRUCTS.has(decl.name) };
  return decl.shape.type === 'open' ? DEDUCED : SCALAR;
}

// Every write walks the schema field by field; the type of a declared field or shape never
// changes, so it is built once and kept beside the declaration.
const fieldTypes = new WeakMap<FieldDecl, TypeNode>();
const shapeTypes = new WeakMap<Shape, TypeNode>();

function typeOfField(f: FieldDecl): TypeNode {
  let t = fieldTypes.get(f);
  if (!t) fieldTypes.set(f, (t = typeOfShape(f.shape, f)));
  return t;
}

function typeOfBareShape(shape: Shape): TypeNode {
  let t = shapeTypes.get(shape);
  if (!t) shapeTypes.set(shape, (t = typeOfShape(shape)));
  return t;
}

/** The type of a map entry or struct field; a field the schema does not declare is deduced. */
export function childType(node: TypeNode, key: string): TypeNode {
  if (node.t === 'struct') {
    const f: FieldDecl | undefined = Object.hasOwn(node.decl.fields, key) ? node.decl.fields[key] : undefined;
    return f ? typeOfField(f) : DEDUCED;
  }
  if (node.t === 'map') return typeOfBareShape(node.values);
  return DEDUCED;
}

export function elementType(node: TypeNode): TypeNode {
  return node.t === 'list' ? typeOfBareShape(node.items) : DEDUCED;
}

/** How a JSON value is walked under a type: as a leaf, a map of children or a list of items. */
export function walkKind(node: TypeNode, value: unknown): 'leaf' | 'map' | 'list' {
  if (node.t === 'scalar') return 'leaf';
  if (node.t === 'struct' || node.t === 'map') return node.atomic ? 'leaf' : 'map';
  if (node.t === 'list') return node.rel === 'atomic' ? 'leaf' : 'list';
  // Deduced: objects are granular maps, everything else (lists too) a leaf.
  return isPlainObject(value) ? 'map' : 'leaf';
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Fields present in the Go zero value of a type (value structs, and lists/maps without
 * omitempty, serialised as null). On create the new object is compared with this zero object,
 * so these nodes are not "added" and get no "." entry, as in kube's managedFields.
 * Top-level spec and status are value structs in every built-in kind.
 */
export const ZERO_FIELDS: Readonly<Record<string, Readonly<Record<string, 'struct' | 'null'>>>> = {
  [APPS + 'DeploymentSpec']: { template: 'struct', strategy: 'struct' },
  [APPS + 'ReplicaSetSpec']: { template: 'struct' },
  [APPS + 'StatefulSetSpec']: { template: 'struct', updateStrategy: 'struct' },
  [APPS + 'DaemonSetSpec']: { template: 'struct', updateStrategy: 'struct' },
  [CORE + 'ReplicationControllerSpec']: {},
  [CORE + 'PodTemplateSpec']: { metadata: 'struct', spec: 'struct' },
  [CORE + 'PodTemplate']: { template: 'struct' },
  [CORE + 'PodSpec']: { containers: 'null' },
  [CORE + 'ServiceStatus']: { loadBalancer: 'struct' },
};

/** The Go zero value of a kind, as JSON: what a create is compared with. */
export function zeroObject(root: TypeNode): Record<string, unknown> {
  const out: Record<string, unknown> = { metadata: {} };
  if (root.t !== 'struct') return out;
  for (const f of ['spec', 'status']) {
    const decl = root.decl.fields[f];
    if (decl?.shape.type === 'ref') out[f] = zeroOf(typeOfShape(decl.shape));
  }
  return out;
}

function zeroOf(node: TypeNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (node.t !== 'struct') return out;
  for (const [f, z] of Object.entries(ZERO_FIELDS[node.decl.name] ?? {})) out[f] = z === 'null' ? null : zeroOf(childType(node, f));
  return out;
}
