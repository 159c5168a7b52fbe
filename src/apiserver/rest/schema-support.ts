// What the handlers learn from the API schema: patch metadata for strategic merge patches.
import { NO_PATCH_META, type PatchMeta } from '../../api/patch/index.js';
import type { ResourceDefinition } from '../../api/registry/definition.js';

export function patchMetaFor(_def: ResourceDefinition): PatchMeta {
  return NO_PATCH_META;
}
