// PATCH bodies: which patch the Content-Type names, applied to the current object.
// Kubernetes twin: k8s.io/apiserver/pkg/endpoints/handlers/patch.go.
import * as errors from '../../api/errors.js';
import type { Obj } from '../../api/registry/definition.js';
import type { KubeObject } from '../../api/types.js';

export type PatchKind = 'json' | 'merge' | 'strategic';

export const PATCH_TYPES: readonly string[] = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
];

export function patchKindOf(contentType: string | undefined): PatchKind {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  switch (type) {
    case 'application/json-patch+json':
      return 'json';
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/strategic-merge-patch+json':
      return 'strategic';
    default:
      throw errors.unsupportedMediaType(PATCH_TYPES);
  }
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const base: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete base[k];
    else base[k] = mergePatch(base[k], v);
  }
  return base;
}

export function applyPatchTo(kind: PatchKind, current: Obj, body: Buffer | undefined): KubeObject {
  let patch: unknown;
  try {
    patch = JSON.parse(body ? body.toString('utf8') : '');
  } catch (e) {
    throw errors.badRequest(`error decoding patch: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (kind === 'json') throw errors.unsupportedMediaType(PATCH_TYPES);
  return mergePatch(current, patch) as KubeObject;
}
