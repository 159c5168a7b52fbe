// RFC 7386 JSON Merge Patch, as kube-apiserver applies it: gopkg.in/evanphx/json-patch.v4
// (merge.go, MergePatch), called from staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go.
// v4 differs from the RFC's pseudo-code in two corners we keep: nulls are also pruned inside objects
// nested in arrays of a newly added value, and an array patch replaces the whole document.
import { copyObject, isJsonObject, putKey, type JsonObject } from './json-value.js';

/** Drops null members from objects, at any depth (also inside arrays); null array elements stay. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (!isJsonObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== null) putKey(out, key, withoutNulls(v));
  return out;
}

function mergeObjects(target: JsonObject, patch: JsonObject): JsonObject {
  const out = copyObject(target);
  for (const [key, value] of Object.entries(patch)) {
    const current = Object.hasOwn(out, key) ? out[key] : null;
    if (value === null) delete out[key];
    else if (current === null) putKey(out, key, withoutNulls(value));
    else putKey(out, key, mergeValue(current, value));
  }
  return out;
}

/** v4's merge(): only object-into-object recurses; an object replaced by a non-object keeps the patch as sent. */
function mergeValue(current: unknown, patch: unknown): unknown {
  if (!isJsonObject(current)) return withoutNulls(patch);
  if (!isJsonObject(patch)) return patch;
  return mergeObjects(current, patch);
}

/**
 * Applies a merge patch to a document. The patch must be an object or an array (v4 answers
 * anything else with ErrBadJSONPatch, which the caller turns into 400 "Invalid JSON Patch").
 * Untouched subtrees of the original are shared with the result; nothing is mutated.
 */
export function mergePatch(original: unknown, patch: JsonObject | readonly unknown[]): unknown {
  if (Array.isArray(patch)) return withoutNulls(patch);
  if (!isJsonObject(original)) return withoutNulls(patch);
  return mergeObjects(original, patch as JsonObject);
}
