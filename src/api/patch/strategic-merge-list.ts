// Merging one list field of a strategic merge patch. Kubernetes twin:
// k8s.io/apimachinery/pkg/util/strategicpatch/patch.go (mergeSliceHandler, mergeSlice,
// mergeSliceWithSpecialElements, mergeSliceWithoutSpecialElements, deleteFromSlice).
import { deduplicateScalars, elementKind, normalizeElementOrder, partitionByPresence } from './element-order.js';
import { DELETE, DIRECTIVE_MARKER, MERGE, REPLACE, withoutDirectives } from './patch-directives.js';
import { isJsonObject, type JsonObject } from './json-value.js';
import { NO_PATCH_META, type FieldPatchMeta, type PatchMeta } from './patch-meta.js';
import { badPatchType, mergeDirectiveInList, noMergeKey, noMergeKeyDeclared } from './strategic-merge-errors.js';

/** Merges a patch map into a live map; passed in so that lists and maps can recurse into each other. */
export type MergeMap = (original: JsonObject | undefined, patch: JsonObject, meta: PatchMeta) => JsonObject;

/** What a field's meta says, reduced to what applying needs ("retainKeys" only matters when diffing). */
export interface FieldRule {
  readonly name: string;
  readonly strategy: 'merge' | 'replace' | '';
  readonly mergeKey: string;
  readonly meta: PatchMeta;
}

export function fieldRule(name: string, field: FieldPatchMeta | undefined): FieldRule {
  const strategy = field?.strategies.find((s) => s !== 'retainKeys') ?? '';
  return { name, strategy: strategy === 'merge' || strategy === 'replace' ? strategy : '', mergeKey: field?.mergeKey ?? '', meta: field?.meta ?? NO_PATCH_META };
}

/** A list patch value taken whole, as plain data. */
export const replacementList = (patch: readonly unknown[]): unknown[] => withoutDirectives(patch) as unknown[];

/** A live list patched by a list: merged when the field says so (or for a deletion list), else replaced. */
export function mergeListField(
  original: readonly unknown[],
  patch: readonly unknown[],
  rule: FieldRule,
  isDeleteList: boolean,
  mergeMap: MergeMap,
): unknown[] {
  if (rule.strategy !== 'merge' && !isDeleteList) return replacementList(patch);
  if (original.length === 0 && patch.length === 0) return [...original];
  const kind = elementKind(original, patch);
  if (kind !== 'map') {
    // $deleteFromPrimitiveList/<field>: drop every listed value, keep the rest in place.
    if (isDeleteList) return original.filter((v) => !patch.includes(v));
    const merged = deduplicateScalars([...original, ...patch]);
    const [named, serverOnly] = partitionByPresence(merged, patch, rule.mergeKey);
    return normalizeElementOrder(named, serverOnly, patch, original, rule.mergeKey, kind);
  }
  if (!rule.mergeKey) throw noMergeKeyDeclared(rule.name);
  const { server, elements } = applyListDirectives(original, patch as readonly JsonObject[], rule.mergeKey);
  const merged = mergeByKey(server, elements, rule, mergeMap);
  const [named, serverOnly] = partitionByPresence(merged, elements, rule.mergeKey);
  return normalizeElementOrder(named, serverOnly, elements, server, rule.mergeKey, kind);
}

/**
 * Handles the `$patch` elements of a list patch: `{<key>: v, $patch: delete}` removes every live
 * element with that key; `{$patch: replace}` makes the rest of the patch list the whole new list;
 * `$patch: merge` is refused, as Kubernetes does. Returns the live list to merge into and the plain
 * patch elements.
 */
function applyListDirectives(original: readonly unknown[], patch: readonly JsonObject[], mergeKey: string) {
  let server = original;
  const elements: JsonObject[] = [];
  let replace = false;
  for (const element of patch) {
    if (!Object.hasOwn(element, DIRECTIVE_MARKER)) {
      elements.push(element);
      continue;
    }
    const directive = element[DIRECTIVE_MARKER];
    if (directive === DELETE) {
      if (!Object.hasOwn(element, mergeKey)) throw noMergeKey(element, mergeKey);
      server = server.filter((v) => !(isJsonObject(v) && Object.hasOwn(v, mergeKey) && v[mergeKey] === element[mergeKey]));
    } else if (directive === REPLACE) {
      replace = true; // keep scanning: other directive elements are still dropped
    } else if (directive === MERGE) {
      throw mergeDirectiveInList();
    } else {
      throw badPatchType(directive, element);
    }
  }
  if (replace) return { server: replacementList(elements), elements: [] as JsonObject[] };
  return { server, elements };
}

/** Each patch element merges into the live element with the same key, or is appended. */
function mergeByKey(server: readonly unknown[], elements: readonly JsonObject[], rule: FieldRule, mergeMap: MergeMap): unknown[] {
  const out = [...server];
  for (const element of elements) {
    if (!Object.hasOwn(element, rule.mergeKey)) throw noMergeKey(element, rule.mergeKey);
    const value = element[rule.mergeKey];
    const at = out.findIndex((v) => isJsonObject(v) && Object.hasOwn(v, rule.mergeKey) && v[rule.mergeKey] === value);
    if (at >= 0) out[at] = mergeMap(out[at] as JsonObject, element, rule.meta);
    else out.push(withoutDirectives(element));
  }
  return out;
}
