// The directives a strategic merge patch may carry. Kubernetes twin:
// k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (directiveMarker, retainKeysDirective,
// setElementOrderDirectivePrefix, deleteFromPrimitiveListDirectivePrefix, removeDirectives) and
// the design note community/contributors/devel/sig-api-machinery/strategic-merge-patch.md.
import { isJsonObject, putKey } from './json-value.js';

/** `$patch: replace | delete | merge`, on a map or as an element of a merged list. */
export const DIRECTIVE_MARKER = '$patch';
export const REPLACE = 'replace';
export const DELETE = 'delete';
export const MERGE = 'merge';

/** `$retainKeys: [..]`: keys of the live map not listed are cleared. */
export const RETAIN_KEYS = '$retainKeys';
/** `$setElementOrder/<field>: [..]`: the final order of a merged list. */
export const SET_ELEMENT_ORDER = '$setElementOrder';
/** `$deleteFromPrimitiveList/<field>: [..]`: values to remove from a merged list of primitives. */
export const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';

/** Keys that are instructions to the merge rather than data. */
export const isDirectiveKey = (key: string): boolean =>
  key === DIRECTIVE_MARKER || key === RETAIN_KEYS || key.startsWith(SET_ELEMENT_ORDER) || key.startsWith(DELETE_FROM_PRIMITIVE_LIST);

/**
 * A patch value taken as it is (no live value to merge into), made plain data: maps carrying `$patch`
 * are dropped (as removeDirectives does), other directive keys are removed, and null members are
 * discarded (discardNullValuesFromPatch: a null can only delete something that exists).
 * Kubernetes leaves stray parallel-list keys for the typed decoder to drop; the result is the same.
 * Returns undefined when the value itself is to be dropped.
 */
export function withoutDirectives(value: unknown): unknown {
  if (Array.isArray(value)) {
    const kept: unknown[] = [];
    for (const item of value) {
      const cleaned = withoutDirectives(item);
      if (cleaned !== undefined) kept.push(cleaned);
    }
    return kept;
  }
  if (!isJsonObject(value)) return value;
  if (Object.hasOwn(value, DIRECTIVE_MARKER)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === null || isDirectiveKey(key)) continue;
    const cleaned = withoutDirectives(v);
    if (cleaned !== undefined) putKey(out, key, cleaned);
  }
  return out;
}
