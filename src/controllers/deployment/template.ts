// The new ReplicaSet's template and selector, and "is this set this template?".
// Kubernetes twins: EqualIgnoreHash, GetNewReplicaSetTemplate... (pkg/controller/deployment/util)
// and labelsutil.CloneSelectorAndAddLabel.
import type { Frozen, LabelSelector } from '../../api/types.js';
import type { PodTemplateSpec } from '../../api/types/pod.js';
import { canonicalJson } from './hash.js';

export const POD_TEMPLATE_HASH = 'pod-template-hash';

function withoutHash(t: Frozen<PodTemplateSpec> | undefined): unknown {
  if (!t) return undefined;
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH];
  return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
}

/**
 * Semantic equality ignoring the pod-template-hash label, as Go's apiequality.Semantic
 * (nil and empty maps and lists are equal): how a Deployment finds the set for its template,
 * including an old one after `kubectl rollout undo` copied its template back.
 */
export function equalIgnoreHash(a: Frozen<PodTemplateSpec> | undefined, b: Frozen<PodTemplateSpec> | undefined): boolean {
  return canonicalJson(withoutHash(a)) === canonicalJson(withoutHash(b));
}

/** The Deployment's template with the hash label added. */
export function templateWithHash(t: Frozen<PodTemplateSpec> | undefined, hash: string): PodTemplateSpec {
  const copy = structuredClone(t ?? { spec: { containers: [] } }) as PodTemplateSpec;
  copy.metadata ??= {};
  copy.metadata.labels = { ...(copy.metadata.labels ?? {}), [POD_TEMPLATE_HASH]: hash };
  return copy;
}

/** The Deployment's selector narrowed to one template: matchLabels gains the hash. */
export function selectorWithHash(s: Frozen<LabelSelector> | undefined, hash: string): LabelSelector {
  const copy = structuredClone(s ?? {}) as LabelSelector;
  copy.matchLabels = { ...(copy.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash };
  return copy;
}
