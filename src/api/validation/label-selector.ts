// metav1.LabelSelector as workload validation uses it: the syntax checks and matching live in
// api/selectors (one implementation of ValidateLabelSelector and LabelSelectorAsSelector);
// this file adds what controllers' specs need on top.
import type { Frozen, LabelSelector } from '../types.js';
import type { FieldError, FieldPath } from '../field-errors.js';
import { labelSelectorFromObject, validateLabelSelector as validateSelector } from '../selectors/label-selector.js';

/** metav1validation.ValidateLabelSelector for frozen objects. */
export function validateLabelSelector(sel: Frozen<LabelSelector> | undefined, path: FieldPath): FieldError[] {
  return validateSelector(sel as LabelSelector | undefined, path);
}

/** A selector with no terms: it would select everything, which controllers refuse. */
export const isEmptySelector = (sel: Frozen<LabelSelector> | undefined): boolean =>
  !sel || Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions?.length ?? 0) === 0;

/** Whether a label set satisfies every term of the selector (an absent selector matches nothing). */
export function labelSelectorMatches(sel: Frozen<LabelSelector> | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  return labelSelectorFromObject(sel as LabelSelector | undefined).matches(labels);
}
