// managedFields of a create, remembered by the object's shape. A create's one entry owns every
// field the object sets, and which fields those are depends only on the object's shape: the
// keys of its maps, the length of its lists, and the scalars that name list items (the key
// fields of an associative list's items, the values of a set). Objects made from one template
// (a ReplicaSet's pods, a kubelet's events) share a shape, so the field set is worked out and
// encoded once for them all instead of once per create.
// Kubernetes twin: none (kube-apiserver computes every create's field set afresh).
import type { ManagedFieldsEntry } from '../../api/types.js';

/** Shapes remembered at most; the memory starts over beyond (shapes are few in practice). */
const MAX_SHAPES = 512;

/** The part of a create's entry that the shape decides (null: the create owns nothing). */
type Remembered = Pick<ManagedFieldsEntry, 'fieldsV1'> | null;

const remembered = new Map<string, Remembered>();

/**
 * The shape of a value as text: map keys (length-prefixed, so no key can pass for syntax),
 * list lengths, scalar types, and scalar values only where they can name a list item: a list's
 * scalar elements and the scalar fields directly inside a list's object elements.
 */
function shapeOf(value: unknown, names: boolean, out: string[]): void {
  if (value === null) {
    out.push('n');
  } else if (Array.isArray(value)) {
    out.push('[');
    for (const item of value) shapeOf(item, true, out);
    out.push(']');
  } else if (typeof value === 'object') {
    out.push('{');
    const record = value as Record<string, unknown>;
    for (const k in record) {
      const v = record[k];
      if (v === undefined) continue;
      out.push(`${k.length}:${k}`);
      // An item's own scalar fields may be its keys; anything deeper names nothing.
      shapeOf(v, names && (v === null || typeof v !== 'object'), out);
    }
    out.push('}');
  } else {
    out.push(names ? `${typeof value}${JSON.stringify(value)}` : typeof value);
  }
}

/** The create's shape, metadata.managedFields aside (the client's, handled apart). */
function createShape(kindKey: string, object: object): string {
  const out: string[] = [kindKey];
  const record = object as Record<string, unknown>;
  for (const k in record) {
    const v = record[k];
    if (v === undefined) continue;
    out.push(`${k.length}:${k}`);
    if (k === 'metadata' && v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const { managedFields: _ignored, ...meta } = v as Record<string, unknown>;
      shapeOf(meta, false, out);
    } else shapeOf(v, false, out);
  }
  return out.join('');
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
  const key = createShape(`${args.group}/${args.version}/${args.kind}/${args.subresource}|`, args.next);
  const known = remembered.get(key);
  if (known === undefined) {
    const entries = compute();
    // A create has one writer; anything else (never expected) is not remembered.
    if (entries.length <= 1) {
      if (remembered.size >= MAX_SHAPES) remembered.clear();
      remembered.set(key, entries.length === 0 ? null : { fieldsV1: entries[0].fieldsV1 });
    }
    return entries;
  }
  if (known === null) return [];
  const apiVersion = args.group ? `${args.group}/${args.version}` : args.version;
  // The keys in the order encodeManagedFields writes them.
  const entry: ManagedFieldsEntry = { manager: args.manager, operation: 'Update', apiVersion, time: args.now, fieldsType: 'FieldsV1', fieldsV1: known.fieldsV1 };
  if (args.subresource) entry.subresource = args.subresource;
  return [entry];
}
