// Lease (coordination.k8s.io/v1) validation. Kubernetes twin: pkg/apis/coordination/validation/validation.go.
// strategy and preferredHolder belong to the CoordinatedLeaderElection alpha, off in 1.32.

import { FieldPath, invalid, type FieldError } from '../field-errors.js';
import type { Frozen } from '../types.js';
import type { Lease, LeaseSpec } from '../types/lease.js';
import { nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

type L = Frozen<Lease>;

export function validateLeaseSpec(s: Frozen<LeaseSpec> | undefined, path: FieldPath = FieldPath.root('spec')): FieldError[] {
  const errs: FieldError[] = [];
  if (s?.leaseDurationSeconds !== undefined && s.leaseDurationSeconds <= 0) {
    errs.push(invalid(path.child('leaseDurationSeconds'), s.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (s?.leaseTransitions !== undefined && s.leaseTransitions < 0) {
    errs.push(invalid(path.child('leaseTransitions'), s.leaseTransitions, 'must be greater than or equal to 0'));
  }
  return errs;
}

export function validateLease(l: L): FieldError[] {
  return [...validateObjectMeta(l.metadata, { namespaced: true, validateName: nameIsDNSSubdomain }), ...validateLeaseSpec(l.spec)];
}

export function validateLeaseUpdate(next: L, prev: L): FieldError[] {
  return [...validateObjectMetaUpdate(next.metadata, prev.metadata), ...validateLeaseSpec(next.spec)];
}
