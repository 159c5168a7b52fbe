// metav1.LabelSelector: syntax checks and matching against a label set.
// Kubernetes twins: k8s.io/apimachinery/pkg/apis/meta/v1/validation (ValidateLabelSelector,
// ValidateLabelSelectorRequirement) and metav1.LabelSelectorAsSelector + labels.Selector.Matches.

import { FieldPath, forbidden, invalid, required, type FieldError } from '../field-errors.js';
import type { Frozen, LabelSelector, LabelSelectorRequirement } from '../types.js';
import { isQualifiedName, isValidLabelValue } from './names.js';
import { validateLabels } from './object-meta.js';

function validateRequirement(r: Frozen<LabelSelectorRequirement>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      errs.push(invalid(path.child('operator'), r.operator ?? '', 'not a valid selector operator'));
  }
  for (const msg of isQualifiedName(r.key ?? '')) errs.push(invalid(path.child('key'), r.key ?? '', msg));
  values.forEach((v, i) => errs.push(...isValidLabelValue(v).map((m) => invalid(path.child('values').index(i), v, m))));
  return errs;
}

export function validateLabelSelector(sel: Frozen<LabelSelector> | undefined, path: FieldPath): FieldError[] {
  if (!sel) return [];
  const errs = validateLabels(sel.matchLabels, path.child('matchLabels'));
  (sel.matchExpressions ?? []).forEach((r, i) => errs.push(...validateRequirement(r, path.child('matchExpressions').index(i))));
  return errs;
}

/** A selector with no terms: it would select everything, which controllers refuse. */
export const isEmptySelector = (sel: Frozen<LabelSelector> | undefined): boolean =>
  !sel || Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0;

/** Whether a label set satisfies every term of the selector (an absent selector matches nothing). */
export function labelSelectorMatches(sel: Frozen<LabelSelector> | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  if (!sel) return false;
  const set = labels ?? {};
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(set, k);
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (!has(k) || set[k] !== v) return false;
  for (const r of sel.matchExpressions ?? []) {
    const values = r.values ?? [];
    const ok =
      r.operator === 'In' ? has(r.key) && values.includes(set[r.key])
      : r.operator === 'NotIn' ? !has(r.key) || !values.includes(set[r.key])
      : r.operator === 'Exists' ? has(r.key)
      : r.operator === 'DoesNotExist' ? !has(r.key)
      : false;
    if (!ok) return false;
  }
  return true;
}
