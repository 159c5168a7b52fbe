// PATCH bodies: which patch the Content-Type names, applied to the current object.
// Kubernetes twin: k8s.io/apiserver/pkg/endpoints/handlers/patch.go.
import * as errors from '../../api/errors.js';
import { applyPatch, type PatchKind, type PatchMeta } from '../../api/patch/index.js';
import type { Obj } from '../../api/registry/definition.js';
import type { KubeObject } from '../../api/types.js';
import { inProcessValue, type RequestBody } from './decode.js';

export type { PatchKind };

export const PATCH_TYPES: readonly string[] = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/apply-patch+yaml',
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

export function applyPatchTo(kind: PatchKind, current: Obj | KubeObject, req: RequestBody, meta: PatchMeta, strict: boolean): KubeObject {
  const own = inProcessValue(req);
  const patch = own ? { decoded: own.value } : req.body ? req.body.toString('utf8') : '';
  return applyPatch(kind, current, patch, meta, { strict }) as KubeObject;
}
