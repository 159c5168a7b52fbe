// Media types operations consume and produce. Kubernetes twin: the Consumes/Produces lists
// kube-apiserver's installer sets per verb (k8s.io/apiserver/pkg/endpoints/installer.go).
import type { Operation } from './operations.js';
import { typeOfKind } from '../../api/schema/registry.js';

export const JSON_PATCH = 'application/json-patch+json';
export const MERGE_PATCH = 'application/merge-patch+json';
export const STRATEGIC_MERGE_PATCH = 'application/strategic-merge-patch+json';
export const APPLY_PATCH = 'application/apply-patch+yaml';

const OBJECT_MEDIA = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
const WATCH_MEDIA = [...OBJECT_MEDIA, 'application/json;stream=watch', 'application/vnd.kubernetes.protobuf;stream=watch'];

/**
 * The patch types a kind accepts. Strategic merge needs patch metadata, so, as for custom
 * resources, kinds without a declared schema offer only JSON, merge and apply patches; kubectl
 * then sends a JSON merge patch instead of guessing list semantics.
 */
export function patchMediaTypes(op: Operation): string[] {
  const declared = op.gvk !== undefined && typeOfKind(op.gvk.group, op.gvk.version, op.gvk.kind) !== undefined;
  return declared ? [JSON_PATCH, MERGE_PATCH, STRATEGIC_MERGE_PATCH, APPLY_PATCH] : [JSON_PATCH, MERGE_PATCH, APPLY_PATCH];
}

export function producedMediaTypes(op: Operation): string[] {
  if (op.response === 'text') return ['text/plain', 'application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
  if (op.action === 'watch' || op.action === 'watchlist' || op.action === 'list') return WATCH_MEDIA;
  return OBJECT_MEDIA;
}
