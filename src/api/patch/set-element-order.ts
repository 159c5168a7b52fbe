// The `$setElementOrder/<field>` directive: the order the client wants for a merged list, sent by
// kubectl apply beside the list's changes. Kubernetes twin: k8s.io/apimachinery/pkg/util/
// strategicpatch/patch.go (mergePatchIntoOriginal, validatePatchWithSetOrderList, extractKey).
import { elementKind, normalizeElementOrder, partitionByPresence } from './element-order.js';
import { DELETE, DELETE_FROM_PRIMITIVE_LIST, DIRECTIVE_MARKER, SET_ELEMENT_ORDER } from './patch-directives.js';
import { isJsonObject, putKey, type JsonObject } from './json-value.js';
import type { PatchMeta } from './patch-meta.js';
import {
  badArgType,
  badPatchFormatForPrimitiveList,
  badPatchFormatForSetElementOrderList,
  noMergeKey,
  setElementOrderMismatch,
} from './strategic-merge-errors.js';
import { fieldRule, mergeListField, replacementList, type MergeMap } from './strategic-merge-list.js';

/** "$setElementOrder/containers" -> "containers"; a key without "/" or with another prefix is malformed. */
export function directiveField(key: string, prefix: typeof SET_ELEMENT_ORDER | typeof DELETE_FROM_PRIMITIVE_LIST): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    throw prefix === SET_ELEMENT_ORDER ? badPatchFormatForSetElementOrderList() : badPatchFormatForPrimitiveList();
  }
  return key.slice(slash + 1);
}

/** Are two elements the same entry: by merge key for maps, by value for primitives. */
function sameEntry(a: unknown, b: unknown, mergeKey: string): boolean {
  if (!mergeKey) return a === b;
  if (!isJsonObject(a)) throw badArgType('map', a);
  if (!isJsonObject(b)) throw badArgType('map', b);
  if (!Object.hasOwn(a, mergeKey)) throw noMergeKey(a, mergeKey);
  if (!Object.hasOwn(b, mergeKey)) throw noMergeKey(b, mergeKey);
  return a[mergeKey] === b[mergeKey];
}

/** Every element the patch list adds or changes must appear in the order list, in the same relative order. */
function checkPatchFollowsOrder(patchList: readonly unknown[], order: readonly unknown[], mergeKey: string): void {
  if (patchList.length === 0 || order.length === 0) return;
  let items = patchList;
  if (mergeKey) {
    for (const item of patchList) if (!isJsonObject(item)) throw badArgType('map', item);
    items = patchList.filter((v) => (v as JsonObject)[DIRECTIVE_MARKER] !== DELETE);
  }
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    if (isJsonObject(items[p]) && Object.hasOwn(items[p] as JsonObject, DIRECTIVE_MARKER)) {
      p++;
      continue;
    }
    if (sameEntry(items[p], order[o], mergeKey)) p++;
    o++;
  }
  if (p < items.length) throw setElementOrderMismatch(patchList, order);
}

function listAt(source: JsonObject, key: string): readonly unknown[] | undefined {
  if (!Object.hasOwn(source, key)) return undefined;
  const value = source[key];
  if (!Array.isArray(value)) throw badArgType('slice', value);
  return value;
}

/**
 * Applies every `$setElementOrder/<field>` of the patch to result (the live map being built),
 * merging the field's list from the patch at the same time. Returns the patch keys it consumed
 * (the directives and their lists) so the caller does not merge them again.
 */
export function applySetElementOrder(result: Record<string, unknown>, patch: JsonObject, meta: PatchMeta, mergeMap: MergeMap): Set<string> {
  const consumed = new Set<string>();
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER)) continue;
    consumed.add(key);
    const order = patch[key];
    if (!Array.isArray(order)) throw badArgType('slice', order);
    const field = directiveField(key, SET_ELEMENT_ORDER);
    const live = listAt(result, field);
    const patchList = listAt(patch, field);
    const rule = fieldRule(field, meta.field(field));
    checkPatchFollowsOrder(patchList ?? [], order, rule.mergeKey);
    if (!live && !patchList) continue;
    let merged: unknown[];
    if (live && patchList) merged = mergeListField(live, patchList, rule, false, mergeMap);
    else merged = live ? [...live] : replacementList(patchList ?? []);
    const [named, serverOnly] = partitionByPresence(merged, order, rule.mergeKey);
    const kind = elementKind(live ?? [], patchList ?? []);
    putKey(result, field, normalizeElementOrder(named, serverOnly, order, live ?? [], rule.mergeKey, kind));
    consumed.add(field);
  }
  return consumed;
}
