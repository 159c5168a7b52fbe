// Who is writing: the fieldManager query parameter, else a name taken from the User-Agent.
// Kubernetes twin: k8s.io/apiserver/pkg/endpoints/handlers/rest.go (managerOrUserAgent,
// prefixFromUserAgent) and apimachinery's ValidatePatchOptions.
//
// Example: "kubectl/v1.32.0 (linux/amd64) kubernetes/70d3cc9" -> "kubectl". kubectl itself
// sends fieldManager=kubectl-create, kubectl-label, kubectl-client-side-apply, kubectl (apply
// --server-side), so those names come from the query, not from here.
import * as errors from '../../api/errors.js';

/** kube's FieldManagerMaxLength, in UTF-8 bytes. */
export const FIELD_MANAGER_MAX_LENGTH = 128;

/** Printable as Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** The User-Agent up to its first "/", without unprintable characters, cut to 128 bytes. */
export function prefixFromUserAgent(userAgent: string | undefined): string {
  const head = (userAgent ?? '').split('/')[0];
  let out = '';
  let bytes = 0;
  for (const ch of head) {
    if (!PRINTABLE.test(ch)) continue;
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > FIELD_MANAGER_MAX_LENGTH) break;
    out += ch;
    bytes += size;
  }
  return out;
}

export function managerOrUserAgent(fieldManager: string | undefined, userAgent: string | undefined): string {
  return fieldManager ? fieldManager : prefixFromUserAgent(userAgent);
}

/**
 * PatchOptions checks tied to apply: an apply must name its manager; force is for apply only.
 * 422 `PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch`.
 */
export function checkPatchOptions(isApply: boolean, fieldManager: string | undefined, force: string | null): void {
  if (!isApply && force !== null) {
    throw errors.invalid({ group: 'meta.k8s.io', kind: 'PatchOptions' }, '', [
      { type: 'FieldValueForbidden', field: 'force', detail: 'may not be specified for non-apply patch' },
    ]);
  }
  if (isApply && !fieldManager) {
    throw errors.invalid({ group: 'meta.k8s.io', kind: 'PatchOptions' }, '', [
      { type: 'FieldValueRequired', field: 'fieldManager', detail: 'is required for apply patch' },
    ]);
  }
}
