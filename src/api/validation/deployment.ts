// Deployment validation. Kubernetes twin: pkg/apis/apps/validation/validation.go (ValidateDeployment,
// ValidateDeploymentSpec, ValidateDeploymentStrategy, ValidateRollingUpdateDeployment,
// ValidateDeploymentStatus) and pkg/registry/apps/deployment/strategy.go (selector immutable in apps/v1).

import { FieldPath, forbidden, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import type { Frozen } from '../types.js';
import type { Deployment, DeploymentSpec, DeploymentStatus, DeploymentStrategy, RollingUpdateDeployment } from '../types/deployment.js';
import type { IntOrString } from '../types/service.js';
import { isValidPercent, nameIsDNSSubdomain } from './names.js';
import { validateImmutableField, validateNonnegativeField, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import { validateControllerSelector, validateTemplate } from './replicaset.js';

type Dep = Frozen<Deployment>;
const spec = FieldPath.root('spec');

/** A count or a percentage like "25%", never negative. */
export function validatePositiveIntOrPercent(value: IntOrString | undefined, path: FieldPath): FieldError[] {
  if (typeof value === 'string') return isValidPercent(value).map((m) => invalid(path, value, m));
  if (typeof value === 'number') return validateNonnegativeField(value, path);
  return [];
}

/** "25%" -> 25 and true; anything else -> its integer reading (Go's IntValue: unparsable strings are 0). */
function percentValue(value: IntOrString | undefined): [number, boolean] {
  if (typeof value !== 'string' || isValidPercent(value).length) return [0, false];
  return [Number(value.slice(0, -1)), true];
}
function intOrPercentValue(value: IntOrString | undefined): number {
  const [pct, isPct] = percentValue(value);
  if (isPct) return pct;
  if (typeof value === 'number') return value;
  return /^[-+]?\d+$/.test(value ?? '') ? Number(value) : 0;
}

export function validateRollingUpdateDeployment(ru: Frozen<RollingUpdateDeployment>, path: FieldPath): FieldError[] {
  const maxUnavailable = path.child('maxUnavailable');
  const errs = [...validatePositiveIntOrPercent(ru.maxUnavailable, maxUnavailable), ...validatePositiveIntOrPercent(ru.maxSurge, path.child('maxSurge'))];
  // With neither extra pods nor missing pods allowed, a rollout could never make progress.
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(invalid(maxUnavailable, ru.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'));
  }
  const [pct, isPct] = percentValue(ru.maxUnavailable);
  if (isPct && pct > 100) errs.push(invalid(maxUnavailable, ru.maxUnavailable, 'must not be greater than 100%'));
  return errs;
}

export function validateDeploymentStrategy(st: Frozen<DeploymentStrategy> | undefined, path: FieldPath): FieldError[] {
  switch (st?.type) {
    case 'Recreate':
      return st.rollingUpdate ? [forbidden(path.child('rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate':
      // Defaulting always fills it in; seeing it missing means defaults did not run.
      if (!st.rollingUpdate) return [required(path.child('rollingUpdate'), 'this should be defaulted and never be nil')];
      return validateRollingUpdateDeployment(st.rollingUpdate, path.child('rollingUpdate'));
    default:
      return [notSupported(path, st ?? {}, ['Recreate', 'RollingUpdate'])];
  }
}

export function validateDeploymentSpec(s: Frozen<DeploymentSpec> | undefined, path: FieldPath = spec): FieldError[] {
  const errs = [...validateNonnegativeField(s?.replicas ?? 0, path.child('replicas')), ...validateControllerSelector(s?.selector, path.child('selector'))];
  errs.push(...validateTemplate(s?.template, s?.selector, path.child('template')));
  errs.push(...validateDeploymentStrategy(s?.strategy, path.child('strategy')));
  const minReady = s?.minReadySeconds ?? 0;
  errs.push(...validateNonnegativeField(minReady, path.child('minReadySeconds')));
  if (s?.revisionHistoryLimit !== undefined) errs.push(...validateNonnegativeField(s.revisionHistoryLimit, path.child('revisionHistoryLimit')));
  if (s?.progressDeadlineSeconds !== undefined) {
    const pds = path.child('progressDeadlineSeconds');
    errs.push(...validateNonnegativeField(s.progressDeadlineSeconds, pds));
    // Progress is judged only after pods have had minReadySeconds to become available.
    if (s.progressDeadlineSeconds <= minReady) errs.push(invalid(pds, s.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  return errs;
}

export function validateDeployment(d: Dep): FieldError[] {
  return [...validateObjectMeta(d.metadata, { namespaced: true, validateName: nameIsDNSSubdomain }), ...validateDeploymentSpec(d.spec)];
}

export function validateDeploymentUpdate(next: Dep, prev: Dep): FieldError[] {
  return [
    ...validateObjectMetaUpdate(next.metadata, prev.metadata),
    ...validateDeploymentSpec(next.spec),
    ...validateImmutableField(next.spec?.selector ?? null, prev.spec?.selector ?? null, spec.child('selector')),
  ];
}

export function validateDeploymentStatus(st: Frozen<DeploymentStatus> | undefined, path: FieldPath): FieldError[] {
  const n = (v: number | undefined): number => v ?? 0;
  const errs: FieldError[] = [];
  for (const f of ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] as const) {
    errs.push(...validateNonnegativeField(n(st?.[f]), path.child(f)));
  }
  if (st?.collisionCount !== undefined) errs.push(...validateNonnegativeField(st.collisionCount, path.child('collisionCount')));
  const msg = 'cannot be greater than status.replicas';
  if (n(st?.updatedReplicas) > n(st?.replicas)) errs.push(invalid(path.child('updatedReplicas'), n(st?.updatedReplicas), msg));
  if (n(st?.readyReplicas) > n(st?.replicas)) errs.push(invalid(path.child('readyReplicas'), n(st?.readyReplicas), msg));
  if (n(st?.availableReplicas) > n(st?.replicas)) errs.push(invalid(path.child('availableReplicas'), n(st?.availableReplicas), msg));
  if (n(st?.availableReplicas) > n(st?.readyReplicas)) {
    errs.push(invalid(path.child('availableReplicas'), n(st?.availableReplicas), 'cannot be greater than readyReplicas'));
  }
  return errs;
}

/** collisionCount only grows: it salts pod-template hashes, and going back could reuse a name. */
export function validateDeploymentStatusUpdate(next: Dep, prev: Dep): FieldError[] {
  const status = FieldPath.root('status');
  const errs = [...validateObjectMetaUpdate(next.metadata, prev.metadata), ...validateDeploymentStatus(next.status, status)];
  const before = prev.status?.collisionCount;
  const after = next.status?.collisionCount;
  if (before !== undefined && (after === undefined || after < before)) {
    errs.push(invalid(status.child('collisionCount'), after ?? 0, 'cannot be decremented'));
  }
  return errs;
}
