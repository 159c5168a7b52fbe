// Namespace defaults. Kubernetes twins: pkg/apis/core/v1/defaults.go (SetDefaults_Namespace,
// SetDefaults_NamespaceStatus) and pkg/registry/core/namespace/strategy.go (PrepareForCreate).

import type { Namespace } from '../types/namespace.js';

/** Scheme defaults: the name label (so selectors can pick namespaces by name) and phase Active. */
export function defaultNamespace(ns: Namespace): void {
  // A generateName-only namespace has no name yet; the label comes once it does.
  if (ns.metadata.name) ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name };
  ns.status ??= {};
  ns.status.phase ??= 'Active';
}

/**
 * Create-time only: status starts Active and the "kubernetes" finalizer is added, so the
 * namespace controller empties the namespace before it goes. Not a scheme default, because
 * the finalizer is removed over the object's life and must not come back on update.
 */
export function prepareNamespaceForCreate(ns: Namespace): void {
  ns.status = { phase: 'Active' };
  ns.spec ??= {};
  const finalizers = ns.spec.finalizers ?? [];
  if (!finalizers.includes('kubernetes')) ns.spec.finalizers = [...finalizers, 'kubernetes'];
}
