// Apply's merge of a configuration into the live object, and the removal of items an applier
// gave up. Kubernetes twin: structured-merge-diff typed/merge.go (TypedValue.Merge) and
// typed/remove.go (RemoveItems).
//
// The configuration wins on every leaf it sets; maps merge key by key, associative lists item by
// item (by key or value), atomic values are replaced whole. A null in the configuration clears
// the field. Example: live {replicas: 3, paused: true} + config {replicas: 2} = {replicas: 2,
// paused: true}.
import { fieldToken, type FieldSet } from './field-set.js';
import { indexList, zipLists } from './list-items.js';
import { childType, elementType, isPlainObject, walkKind, type TypeNode } from './schema-types.js';

export function merge(type: TypeNode, lhs: unknown, rhs: unknown): unknown {
  if (rhs === undefined) return lhs;
  if (lhs === undefined || lhs === null || rhs === null) return rhs;
  const kind = walkKind(type, rhs);
  if (kind === 'map' && isPlainObject(lhs) && isPlainObject(rhs)) {
    const out: Record<string, unknown> = { ...lhs };
    for (const [k, v] of Object.entries(rhs)) {
      if (v === null) delete out[k];
      else out[k] = merge(childType(type, k), lhs[k], v);
    }
    return out;
  }
  if (kind === 'list' && Array.isArray(lhs) && Array.isArray(rhs)) {
    const item = elementType(type);
    const out: unknown[] = [];
    zipLists(indexList(type, lhs), indexList(type, rhs), (_t, l, r) => out.push(r === undefined ? l : merge(item, l, r)));
    return out;
  }
  return rhs;
}

/**
 * The value without the members of `set` (whole nodes); containers that lose every entry this
 * way are dropped too, as Kubernetes' typed objects would omit them.
 */
export function removeItems(type: TypeNode, value: unknown, set: FieldSet): unknown {
  const kind = walkKind(type, value);
  if (kind === 'map' && isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const t = fieldToken(k);
      if (set.members.has(t)) continue;
      const sub = set.withPrefix(t);
      const kept = sub ? removeItems(childType(type, k), v, sub) : v;
      if (kept !== undefined) out[k] = kept;
    }
    return Object.keys(out).length === 0 && Object.keys(value).length > 0 ? undefined : out;
  }
  if (kind === 'list' && Array.isArray(value)) {
    const item = elementType(type);
    const { order, items } = indexList(type, value);
    const out: unknown[] = [];
    for (const t of order) {
      if (set.members.has(t)) continue;
      const sub = set.withPrefix(t);
      const kept = sub ? removeItems(item, items.get(t), sub) : items.get(t);
      if (kept !== undefined) out.push(kept);
    }
    return out.length === 0 && value.length > 0 ? undefined : out;
  }
  return value;
}

