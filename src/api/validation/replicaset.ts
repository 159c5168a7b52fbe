// ReplicaSet validation. Kubernetes twin: pkg/apis/apps/validation/validation.go (ValidateReplicaSet,
// ValidateReplicaSetSpec, ValidateReplicaSetUpdate, ValidateReplicaSetStatusUpdate) and
// pkg/registry/apps/replicaset/strategy.go (selector immutable in apps/v1).

import { FieldPath, invalid, required, type FieldError } from '../field-errors.js';
import type { Frozen, LabelSelector } from '../types.js';
import type { ReplicaSet, ReplicaSetSpec, ReplicaSetStatus } from '../types/replicaset.js';
import { isEmptySelector, labelSelectorMatches, validateLabelSelector } from './label-selector.js';
import { nameIsDNSSubdomain } from './names.js';
import { validateImmutableField, validateNonnegativeField, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import { validatePodTemplateSpecForReplicaSet } from './pod.js';
import type { PodTemplateSpec } from '../types/pod.js';

type Rs = Frozen<ReplicaSet>;
const spec = FieldPath.root('spec');

/** Required, well-formed and not empty: shared by ReplicaSets and Deployments. */
export function validateControllerSelector(selector: Frozen<LabelSelector> | undefined, path: FieldPath): FieldError[] {
  if (!selector) return [required(path)];
  const errs = validateLabelSelector(selector, path);
  // kube's wording names deployments for both kinds.
  if (isEmptySelector(selector)) errs.push(invalid(path, selector, 'empty selector is invalid for deployment'));
  return errs;
}

/** The template against the selector: an empty selector was already reported, so it matches anything here. */
export function validateTemplate(
  template: Frozen<PodTemplateSpec> | undefined,
  selector: Frozen<LabelSelector> | undefined,
  path: FieldPath,
): FieldError[] {
  const selectorMatches = isEmptySelector(selector) ? undefined : (labels: Readonly<Record<string, string>>) => labelSelectorMatches(selector, labels);
  // pod.ts takes mutable shapes; validation only reads.
  return validatePodTemplateSpecForReplicaSet(template as PodTemplateSpec | undefined, path, { selectorMatches });
}

export function validateReplicaSetSpec(s: Frozen<ReplicaSetSpec> | undefined, path: FieldPath = spec): FieldError[] {
  const errs = [
    ...validateNonnegativeField(s?.replicas ?? 0, path.child('replicas')),
    ...validateNonnegativeField(s?.minReadySeconds ?? 0, path.child('minReadySeconds')),
    ...validateControllerSelector(s?.selector, path.child('selector')),
  ];
  return [...errs, ...validateTemplate(s?.template, s?.selector, path.child('template'))];
}

export function validateReplicaSet(rs: Rs): FieldError[] {
  return [...validateObjectMeta(rs.metadata, { namespaced: true, validateName: nameIsDNSSubdomain }), ...validateReplicaSetSpec(rs.spec)];
}

/** apps/v1 freezes the selector: changing it would orphan the pods it already owns. */
export function validateReplicaSetUpdate(next: Rs, prev: Rs): FieldError[] {
  return [
    ...validateObjectMetaUpdate(next.metadata, prev.metadata),
    ...validateReplicaSetSpec(next.spec),
    ...validateImmutableField(next.spec?.selector ?? null, prev.spec?.selector ?? null, spec.child('selector')),
  ];
}

export function validateReplicaSetStatus(st: Frozen<ReplicaSetStatus> | undefined, path: FieldPath): FieldError[] {
  const replicas = st?.replicas ?? 0;
  const fully = st?.fullyLabeledReplicas ?? 0;
  const ready = st?.readyReplicas ?? 0;
  const available = st?.availableReplicas ?? 0;
  const errs = [
    ...validateNonnegativeField(replicas, path.child('replicas')),
    ...validateNonnegativeField(fully, path.child('fullyLabeledReplicas')),
    ...validateNonnegativeField(ready, path.child('readyReplicas')),
    ...validateNonnegativeField(available, path.child('availableReplicas')),
    ...validateNonnegativeField(st?.observedGeneration ?? 0, path.child('observedGeneration')),
  ];
  const msg = 'cannot be greater than status.replicas';
  if (fully > replicas) errs.push(invalid(path.child('fullyLabeledReplicas'), fully, msg));
  if (ready > replicas) errs.push(invalid(path.child('readyReplicas'), ready, msg));
  if (available > replicas) errs.push(invalid(path.child('availableReplicas'), available, msg));
  if (available > ready) errs.push(invalid(path.child('availableReplicas'), available, 'cannot be greater than readyReplicas'));
  return errs;
}

export function validateReplicaSetStatusUpdate(next: Rs, prev: Rs): FieldError[] {
  return [...validateObjectMetaUpdate(next.metadata, prev.metadata), ...validateReplicaSetStatus(next.status, FieldPath.root('status'))];
}
