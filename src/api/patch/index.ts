// The patch module: JSON patch, JSON merge patch and strategic merge patch, as kube-apiserver applies them.
export { applyPatch, MAX_JSON_PATCH_OPERATIONS, type ApplyPatchOptions, type PatchKind } from './apply-patch.js';
export { jsonPatch, decodeJsonPatch, JsonPatchError, type JsonPatchOperation } from './json-patch.js';
export { mergePatch } from './merge-patch.js';
export { strategicMergePatch } from './strategic-merge-patch.js';
export { StrategicMergeError, type StrategicMergeFailure } from './strategic-merge-errors.js';
export { NO_PATCH_META, type FieldPatchMeta, type PatchMeta, type PatchStrategy } from './patch-meta.js';
export type { JsonObject } from './json-value.js';
