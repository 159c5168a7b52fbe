// How list items are named in field paths, and how two lists line up item by item.
// Kubernetes twin: structured-merge-diff typed/helpers.go (listItemToPathElement) and the list
// walk of typed/merge.go, whose merged order keeps the old position of items the new list
// leaves out and otherwise follows the new list.
import { indexToken, keyToken, valueToken, type PathToken } from './field-set.js';
import { isPlainObject, KEY_DEFAULTS, type TypeNode } from './schema-types.js';

/** The path element of one item: k:{keys} for an associative list, v:value for a set, i:N otherwise. */
export function itemToken(list: TypeNode, item: unknown, index: number): PathToken {
  if (list.t !== 'list') return indexToken(index);
  if (list.rel === 'set') return valueToken(item);
  if (list.rel === 'map' && list.keys.length > 0 && isPlainObject(item)) {
    const keys: Record<string, unknown> = {};
    for (const k of list.keys) {
      const v = item[k] ?? KEY_DEFAULTS[k];
      if (v !== undefined) keys[k] = v;
    }
    if (Object.keys(keys).length > 0) return keyToken(keys);
  }
  return indexToken(index);
}

export interface IndexedList {
  readonly order: PathToken[];
  readonly items: Map<PathToken, unknown>;
}

/** The items of a list by path element, first occurrence winning (later duplicates are ignored). */
export function indexList(list: TypeNode, value: unknown): IndexedList {
  const order: PathToken[] = [];
  const items = new Map<PathToken, unknown>();
  if (!Array.isArray(value)) return { order, items };
  value.forEach((item, i) => {
    const t = itemToken(list, item, i);
    if (items.has(t)) return;
    items.set(t, item);
    order.push(t);
  });
  return { order, items };
}

/**
 * Visits the union of two lists' items in merged order, each with its old and new value:
 * shared items follow the new order, old-only items keep their place.
 * Example: old [a, b, c], new [c, a] -> b (old only), c, a.
 */
export function zipLists(lhs: IndexedList, rhs: IndexedList, visit: (token: PathToken, l: unknown, r: unknown) => void): void {
  const shared = rhs.order.filter((t) => lhs.items.has(t));
  let next = shared.shift();
  let li = 0;
  let ri = 0;
  while (li < lhs.order.length || ri < rhs.order.length) {
    const lt = lhs.order[li];
    const rt = rhs.order[ri];
    if (lt !== undefined && rt !== undefined) {
      if (lt === rt) {
        visit(lt, lhs.items.get(lt), rhs.items.get(rt));
        li++;
        ri++;
        next = shared.shift();
        continue;
      }
      if (rhs.items.has(lt) && next !== undefined && next !== lt) {
        li++;
        continue;
      }
    }
    if (lt !== undefined && !rhs.items.has(lt)) {
      visit(lt, lhs.items.get(lt), undefined);
      li++;
      continue;
    }
    if (rt !== undefined) {
      visit(rt, lhs.items.get(rt), rhs.items.get(rt));
      if (next === rt) next = shared.shift();
      ri++;
      continue;
    }
    // An old item the new list has and already placed: nothing left to place it against.
    li++;
  }
}
