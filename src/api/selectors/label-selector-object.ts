// The structured metav1.LabelSelector (matchLabels + matchExpressions) as a Selector, and its validation.
// Kubernetes twins: k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector) and
// k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go (ValidateLabelSelector).

import { badRequest } from '../errors.js';
import { FieldPath, forbidden, invalid, required, type FieldError } from '../field-errors.js';
import type { LabelSelector, LabelSelectorRequirement } from '../types.js';
import { isQualifiedName, isValidLabelValue } from '../validation/names.js';
import { validateLabels } from '../validation/object-meta.js';
import { goQuote } from './go-error-text.js';
import { everything, nothing, selectorOf, type Selector } from './label-matcher.js';
import { compareGoStrings, newRequirement, SelectorSyntaxError, type LabelOperator, type LabelRequirement } from './label-requirement.js';

const operatorOf: Readonly<Record<string, LabelOperator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

function expressionRequirement(expr: Readonly<LabelSelectorRequirement>): LabelRequirement {
  const operator = Object.hasOwn(operatorOf, expr.operator) ? operatorOf[expr.operator] : undefined;
  if (operator === undefined) throw new SelectorSyntaxError(`${goQuote(String(expr.operator))} is not a valid label selector operator`);
  // Go copies values with append([]string(nil), ...): no values at all is a nil slice in messages.
  const values = expr.values && expr.values.length > 0 ? expr.values : null;
  return newRequirement(expr.key, operator, values);
}

/**
 * metav1.LabelSelectorAsSelector. A missing selector (null/undefined) selects nothing; an empty
 * one ({}) selects everything. Throws a 400 BadRequest StatusError with Go's message on a bad
 * key, value or operator. matchLabels are checked in key order (Go's map order is random).
 */
export function labelSelectorFromObject(sel: Readonly<LabelSelector> | null | undefined): Selector {
  if (sel === null || sel === undefined) return nothing();
  const matchLabels = Object.entries(sel.matchLabels ?? {}).sort(([a], [b]) => compareGoStrings(a, b));
  const expressions = sel.matchExpressions ?? [];
  if (matchLabels.length + expressions.length === 0) return everything();
  try {
    const requirements = [
      ...matchLabels.map(([k, v]) => newRequirement(k, '=', [v])),
      ...expressions.map(expressionRequirement),
    ];
    return selectorOf(requirements);
  } catch (err) {
    if (err instanceof SelectorSyntaxError) throw badRequest(err.message);
    throw err;
  }
}

export interface LabelSelectorValidationOptions {
  /** Keep accepting invalid values in matchExpressions, for objects that already hold them. */
  allowInvalidLabelValueInSelector?: boolean;
}

function validateRequirement(
  expr: Readonly<LabelSelectorRequirement>,
  opts: LabelSelectorValidationOptions,
  path: FieldPath,
): FieldError[] {
  const errs: FieldError[] = [];
  const values = expr.values ?? [];
  switch (expr.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      }
      break;
    default:
      errs.push(invalid(path.child('operator'), expr.operator, 'not a valid selector operator'));
  }
  for (const msg of isQualifiedName(expr.key)) errs.push(invalid(path.child('key'), expr.key, msg));
  if (!opts.allowInvalidLabelValueInSelector) {
    values.forEach((value, i) => {
      for (const msg of isValidLabelValue(value)) errs.push(invalid(path.child('values').index(i), value, msg));
    });
  }
  return errs;
}

/** metav1validation.ValidateLabelSelector: field errors under `path` (e.g. "spec.selector"). */
export function validateLabelSelector(
  sel: Readonly<LabelSelector> | null | undefined,
  path: FieldPath | string,
  opts: LabelSelectorValidationOptions = {},
): FieldError[] {
  if (sel === null || sel === undefined) return [];
  const base = typeof path === 'string' ? new FieldPath(path) : path;
  const errs = validateLabels(sel.matchLabels, base.child('matchLabels'));
  (sel.matchExpressions ?? []).forEach((expr, i) => {
    errs.push(...validateRequirement(expr, opts, base.child('matchExpressions').index(i)));
  });
  return errs;
}
