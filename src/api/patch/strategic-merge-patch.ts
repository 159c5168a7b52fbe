// Kubernetes' strategic merge patch, applied server side. Kubernetes twin:
// k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (StrategicMergeMapPatch -> mergeMap with
// MergeParallelList and IgnoreUnmatchedNulls), docs: "Update API Objects in Place Using kubectl patch".
// Maps merge key by key (null deletes); a list merges element-wise when its field meta says
// patchStrategy "merge" (by patchMergeKey for maps, as a set for primitives) and is replaced
// otherwise. Directives: $patch, $retainKeys, $setElementOrder/<f>, $deleteFromPrimitiveList/<f>.
import { DELETE, DELETE_FROM_PRIMITIVE_LIST, DIRECTIVE_MARKER, REPLACE, RETAIN_KEYS, SET_ELEMENT_ORDER, withoutDirectives } from './patch-directives.js';
import { copyObject, kindOf, putKey, type JsonObject } from './json-value.js';
import type { PatchMeta } from './patch-meta.js';
import { directiveField, applySetElementOrder } from './set-element-order.js';
import { badPatchFormatForRetainKeys, badPatchType } from './strategic-merge-errors.js';
import { fieldRule, mergeListField } from './strategic-merge-list.js';

/** A map carrying `$patch`: "replace" takes the patch map as the whole value, "delete" empties it. */
function mapDirective(patch: JsonObject): JsonObject {
  const directive = patch[DIRECTIVE_MARKER];
  if (directive === DELETE) return {};
  if (directive !== REPLACE) throw badPatchType(directive, patch);
  const rest = copyObject(patch);
  delete rest[DIRECTIVE_MARKER];
  return withoutDirectives(rest) as JsonObject;
}

/**
 * `$retainKeys: [..]` clears every live key not listed. Every key the patch sets must be listed
 * (nulls and parallel lists aside), else the patch is malformed (400).
 */
function applyRetainKeys(result: Record<string, unknown>, patch: JsonObject): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS)) return;
  const retained = patch[RETAIN_KEYS];
  if (!Array.isArray(retained)) throw badPatchFormatForRetainKeys();
  const keep = new Set<unknown>(retained);
  for (const [key, value] of Object.entries(patch)) {
    if (key === RETAIN_KEYS || value === null || key.startsWith(DELETE_FROM_PRIMITIVE_LIST) || key.startsWith(SET_ELEMENT_ORDER)) continue;
    if (!keep.has(key)) throw badPatchFormatForRetainKeys();
  }
  for (const key of Object.keys(result)) if (!keep.has(key)) delete result[key];
}

/** Sets result[key] to a patch value taken as is; a value that is itself a directive map removes the key. */
function takePatchValue(result: Record<string, unknown>, key: string, value: unknown): void {
  const plain = withoutDirectives(value);
  if (plain === undefined) delete result[key];
  else putKey(result, key, plain);
}

/** Merges one patch entry into result (a copy of the live map). */
function mergeEntry(result: Record<string, unknown>, patchKey: string, value: unknown, meta: PatchMeta): void {
  const isDeleteList = patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST);
  const key = isDeleteList ? directiveField(patchKey, DELETE_FROM_PRIMITIVE_LIST) : patchKey;
  if (value === null) {
    delete result[key];
    return;
  }
  if (!Object.hasOwn(result, key) || kindOf(result[key]) !== kindOf(value)) {
    // Nothing live of the same shape to merge into: the patch value is the new value.
    if (!isDeleteList) takePatchValue(result, key, value);
    return;
  }
  const live = result[key];
  const rule = fieldRule(key, meta.field(key));
  if (Array.isArray(live)) {
    putKey(result, key, mergeListField(live, value as readonly unknown[], rule, isDeleteList, mergeMap));
  } else if (kindOf(live) === 'map') {
    if (rule.strategy === REPLACE) takePatchValue(result, key, value);
    else putKey(result, key, mergeMap(live as JsonObject, value as JsonObject, rule.meta));
  } else {
    takePatchValue(result, key, value);
  }
}

/** Go's mergeMap: directives first ($patch, $retainKeys, $setElementOrder), then every other key. */
function mergeMap(original: JsonObject | undefined, patch: JsonObject, meta: PatchMeta): JsonObject {
  if (Object.hasOwn(patch, DIRECTIVE_MARKER)) return mapDirective(patch);
  const result = copyObject(original);
  applyRetainKeys(result, patch);
  const consumed = applySetElementOrder(result, patch, meta, mergeMap);
  for (const [key, value] of Object.entries(patch)) {
    if (key !== RETAIN_KEYS && !consumed.has(key)) mergeEntry(result, key, value, meta);
  }
  return result;
}

/**
 * Applies a strategic merge patch to a live object and returns the patched object. The inputs are
 * never mutated (they may be frozen); untouched subtrees of the original are shared with the result.
 * Throws StrategicMergeError (see strategic-merge-errors.ts for how the apiserver answers each).
 */
export function strategicMergePatch(original: JsonObject, patch: JsonObject, meta: PatchMeta): JsonObject {
  return mergeMap(original, patch, meta);
}
