// The order of a merged list, which kubectl users see. Kubernetes twin:
// k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (normalizeElementOrder, normalizeSliceOrder,
// mergeSortedSlice, partition*ByPresentInList, sliceElementType, deduplicateScalars) and the design
// note "preserve order in strategic merge patch": $setElementOrder wins, then the order of the patch,
// then the order of the live list.
import { DELETE, DIRECTIVE_MARKER } from './patch-directives.js';
import { isJsonObject, kindOf, type JsonKind } from './json-value.js';
import { badArgType, elementTypesNotIdentical, noElements, noListOfLists, noMergeKey } from './strategic-merge-errors.js';

/** The one element kind shared by all elements of the lists (lists of lists are refused). */
export function elementKind(...lists: readonly (readonly unknown[])[]): JsonKind {
  let kind: JsonKind | undefined;
  for (const list of lists) {
    for (const item of list) {
      const k = kindOf(item);
      if (kind === undefined && k === 'slice') throw noListOfLists();
      if (kind !== undefined && k !== kind) throw elementTypesNotIdentical(lists);
      kind = k;
    }
  }
  if (kind === undefined) throw noElements();
  return kind;
}

/** What identifies an element: its merge key value for maps, itself for primitives. */
function identity(item: unknown, mergeKey: string, kind: JsonKind): unknown {
  if (kind !== 'map') return item;
  return isJsonObject(item) && Object.hasOwn(item, mergeKey) ? item[mergeKey] : null;
}

function indexIn(list: readonly unknown[], item: unknown, mergeKey: string, kind: JsonKind): number {
  const id = identity(item, mergeKey, kind);
  return list.findIndex((v) => identity(v, mergeKey, kind) === id);
}

/** Go's "clever" deduplication: a duplicate's slot is filled by the last element (order fixed later). */
export function deduplicateScalars(items: readonly unknown[]): unknown[] {
  const s = [...items];
  let last = s.length - 1;
  for (let i = 0; i < last; i++) {
    for (let j = i + 1; j <= last; j++) {
      if (s[i] === s[j]) {
        s[j] = s[last];
        s.length = last;
        last--;
        j--;
      }
    }
  }
  return s;
}

/** Is the element present in `by`? For maps, by merge key; a map in `by` without the key never matches. */
function findByKey(by: readonly unknown[], mergeKey: string, value: unknown): boolean {
  return by.some((v) => isJsonObject(v) && Object.hasOwn(v, mergeKey) && v[mergeKey] === value);
}

/** Splits merged into the elements named in `by` and the ones only the server has, keeping merged's order. */
export function partitionByPresence(merged: readonly unknown[], by: readonly unknown[], mergeKey: string): [unknown[], unknown[]] {
  const named: unknown[] = [];
  const serverOnly: unknown[] = [];
  const inBy = new Set(by);
  for (const item of merged) {
    let present: boolean;
    if (!mergeKey) present = inBy.has(item);
    else {
      if (!isJsonObject(item)) throw badArgType('map', item);
      if (!Object.hasOwn(item, mergeKey)) throw noMergeKey(item, mergeKey);
      present = findByKey(by, mergeKey, item[mergeKey]);
    }
    (present ? named : serverOnly).push(item);
  }
  return [named, serverOnly];
}

function requireMergeKey(mergeKey: string, lists: readonly (readonly unknown[])[]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonObject(item)) throw badArgType('map', item);
      if (!Object.hasOwn(item, mergeKey)) throw noMergeKey(item, mergeKey);
    }
  }
}

/**
 * Sorts toSort by the position of each element in order, stably; `$patch: delete` elements go last.
 * Go sorts with sort.SliceStable and a "less" that answers true when either side is not in order;
 * an insertion sort with that same "less" gives Go's answer for the lists seen in practice.
 */
function sortByOrder(toSort: readonly unknown[], order: readonly unknown[], mergeKey: string, kind: JsonKind): unknown[] {
  let items = [...toSort];
  let deletions: unknown[] = [];
  if (kind === 'map') {
    requireMergeKey(mergeKey, [toSort, order]);
    deletions = items.filter((v) => (v as Record<string, unknown>)[DIRECTIVE_MARKER] === DELETE);
    items = items.filter((v) => (v as Record<string, unknown>)[DIRECTIVE_MARKER] !== DELETE);
  }
  const less = (a: unknown, b: unknown): boolean => {
    const ia = indexIn(order, a, mergeKey, kind);
    const ib = indexIn(order, b, mergeKey, kind);
    return ia >= 0 && ib >= 0 ? ia < ib : true;
  };
  for (let i = 1; i < items.length; i++) {
    for (let j = i; j > 0 && less(items[j], items[j - 1]); j--) [items[j], items[j - 1]] = [items[j - 1], items[j]];
  }
  return [...items, ...deletions];
}

/**
 * Interleaves the server-only elements into the patch elements. Walking both, a server element goes
 * first only when both are in the live list and it came before there; otherwise the patch element
 * goes first. Worked example: live [a b c], patch [b' d] gives [a b' d c]: a precedes b in the live
 * list, c follows b, and d (not live) is placed before c.
 */
function interleave(serverOnly: readonly unknown[], patched: readonly unknown[], serverOrder: readonly unknown[], mergeKey: string, kind: JsonKind): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < serverOnly.length && j < patched.length) {
    const li = indexIn(serverOrder, serverOnly[i], mergeKey, kind);
    const ri = indexIn(serverOrder, patched[j], mergeKey, kind);
    if (li >= 0 && ri >= 0 && li < ri) out.push(serverOnly[i++]);
    else out.push(patched[j++]);
  }
  return [...out, ...serverOnly.slice(i), ...patched.slice(j)];
}

/** The final list: patch elements in patchOrder, server-only elements in serverOrder, interleaved. */
export function normalizeElementOrder(
  patched: readonly unknown[],
  serverOnly: readonly unknown[],
  patchOrder: readonly unknown[],
  serverOrder: readonly unknown[],
  mergeKey: string,
  kind: JsonKind,
): unknown[] {
  const sortedPatch = sortByOrder(patched, patchOrder, mergeKey, kind);
  const sortedServer = sortByOrder(serverOnly, serverOrder, mergeKey, kind);
  return interleave(sortedServer, sortedPatch, serverOrder, mergeKey, kind);
}
