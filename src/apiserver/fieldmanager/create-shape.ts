// managedFields of a create, remembered by the object's shape. A create's one entry owns every
// field the object sets, and which fields those are depends only on the object's shape: the
// keys of its maps, the length of its lists, and the scalars that name list items (the key
// fields of an associative list's items, the values of a set). Objects made from one template
// (a ReplicaSet's pods, a kubelet's events) share a shape, so the field set is worked out and
// encoded once for them all instead of once per create.
//
// A create is matched against the recent shapes of its kind by walking it beside a copy of an
// object that had that shape: no text is built, and the walk stops at the first difference.
// Kubernetes twin: none (kube-apiserver computes every create's field set afresh).
import type { ManagedFieldsEntry } from '../../api/types.js';
import { jsonCopy } from '../../api/json-copy.js';

/** Shapes remembered per kind and subresource, the most recently matched first. */
const SHAPES_PER_KIND = 16;

type Fields = Record<string, unknown>;

interface RememberedShape {
  /** A copy of an object of this shape (the created object itself goes on to change). */
  readonly example: Fields;
  /** The part of a create's entry that the shape decides (null: the create owns nothing). */
  readonly fields: Pick<ManagedFieldsEntry, 'fieldsV1'> | null;
}

const rememberedByKind = new Map<string, RememberedShape[]>();

const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Whether two values have one shape: the same map keys, list lengths and scalar types, and the
 * same scalar values where they can name a list item (`names`): a list's scalar elements and
 * the scalar fields directly inside a list's object elements.
 */
function sameShape(a: unknown, b: unknown, names: boolean): boolean {
  if (a === null || b === null) return a === b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameShape(a[i], b[i], true)) return false;
    return true;
  }
  if (typeof a === 'object') return isFields(b) && sameFields(a as Fields, b, names, false);
  return typeof a === typeof b && (!names || a === b);
}

/** Fields set to undefined are not there (JSON drops them); metadata.managedFields is the client's. */
const counts = (record: Fields, key: string, skipManagedFields: boolean): boolean =>
  record[key] !== undefined && !(skipManagedFields && key === 'managedFields');

function sameFields(a: Fields, b: Fields, names: boolean, skipManagedFields: boolean): boolean {
  let unmatched = 0;
  for (const k in a) {
    if (!counts(a, k, skipManagedFields)) continue;
    if (!Object.hasOwn(b, k)) return false;
    const v = a[k];
    // An item's own scalar fields may be its keys; anything deeper names nothing.
    if (!sameShape(v, b[k], names && (v === null || typeof v !== 'object'))) return false;
    unmatched++;
  }
  for (const k in b) if (counts(b, k, skipManagedFields)) unmatched--;
  return unmatched === 0;
}

/** A create's shape is its fields', metadata.managedFields aside (the client's, handled apart). */
function sameCreateShape(a: Fields, b: Fields): boolean {
  let unmatched = 0;
  for (const k in a) {
    const v = a[k];
    if (v === undefined) continue;
    if (!Object.hasOwn(b, k)) return false;
    const w = b[k];
    if (!(k === 'metadata' && isFields(v) && isFields(w) ? sameFields(v, w, false, true) : sameShape(v, w, false))) return false;
    unmatched++;
  }
  for (const k in b) if (b[k] !== undefined) unmatched--;
  return unmatched === 0;
}

/** The remembered shape `object` has, moved to the front of its kind's list. */
function recall(shapes: RememberedShape[], object: Fields): RememberedShape | undefined {
  for (let i = 0; i < shapes.length; i++) {
    const shape = shapes[i];
    if (!sameCreateShape(object, shape.example)) continue;
    if (i > 0) {
      shapes.splice(i, 1);
      shapes.unshift(shape);
    }
    return shape;
  }
  return undefined;
}

export interface CreateShapeArgs {
  group: string;
  version: string;
  kind: string;
  subresource: string;
  next: object;
  manager: string;
  /** RFC 3339 time of the write. */
  now: string;
}

/**
 * The managedFields of a create that sent none: `compute` (the full field manager) for a shape
 * not seen before, else the remembered fields under this writer's name and time.
 */
export function createManagedFields(args: CreateShapeArgs, compute: () => ManagedFieldsEntry[]): ManagedFieldsEntry[] {
  const kindKey = `${args.group}/${args.version}/${args.kind}/${args.subresource}`;
  let shapes = rememberedByKind.get(kindKey);
  if (!shapes) rememberedByKind.set(kindKey, (shapes = []));
  const next = args.next as Fields;
  const known = recall(shapes, next);
  if (known === undefined) {
    const entries = compute();
    // A create has one writer; anything else (never expected) is not remembered.
    if (entries.length <= 1) {
      shapes.unshift({ example: jsonCopy(next), fields: entries.length === 0 ? null : { fieldsV1: entries[0].fieldsV1 } });
      if (shapes.length > SHAPES_PER_KIND) shapes.pop();
    }
    return entries;
  }
  if (known.fields === null) return [];
  const apiVersion = args.group ? `${args.group}/${args.version}` : args.version;
  // The keys in the order encodeManagedFields writes them.
  const entry: ManagedFieldsEntry = { manager: args.manager, operation: 'Update', apiVersion, time: args.now, fieldsType: 'FieldsV1', fieldsV1: known.fields.fieldsV1 };
  if (args.subresource) entry.subresource = args.subresource;
  return [entry];
}
