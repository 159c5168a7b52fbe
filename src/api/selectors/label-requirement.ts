// One term of a label selector: a key, an operator and its values.
// Kubernetes twin: k8s.io/apimachinery/pkg/labels/selector.go (Requirement, NewRequirement)
// and k8s.io/apimachinery/pkg/selection/operator.go (operator spellings).

import { isQualifiedName, isValidLabelValue } from '../validation/names.js';
import { aggregateText, invalidValueText } from './go-error-text.js';

/** selection.Operator values, spelled as Go spells them. */
export type LabelOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  readonly values: readonly string[];
}

export type Labels = Readonly<Record<string, string>> | undefined;

/** Raised when a requirement or selector is malformed; the message is kube's Go error text. */
export class SelectorSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SelectorSyntaxError';
  }
}

/** The order Go lists them in when a binary operator is missing: "in, notin, =, ==, !=, gt, lt". */
export const BINARY_OPERATORS: readonly LabelOperator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64): optional sign, decimal digits, within int64. */
export function parseInt64(s: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : n;
}

/** The key check both the parser and NewRequirement run: IsQualifiedName, messages joined by "; ". */
export function labelKeyError(key: string, path: string | null): string | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? invalidValueText(path, key, errs.join('; ')) : undefined;
}

function valueCountErrors(operator: LabelOperator, values: readonly string[] | null): string[] {
  const n = values?.length ?? 0;
  switch (operator) {
    case 'in':
    case 'notin':
      return n === 0 ? [invalidValueText('values', values, "for 'in', 'notin' operators, values set can't be empty")] : [];
    case '=':
    case '==':
    case '!=':
      return n !== 1 ? [invalidValueText('values', values, 'exact-match compatibility requires one single value')] : [];
    case 'exists':
    case '!':
      return n !== 0 ? [invalidValueText('values', values, 'values set must be empty for exists and does not exist')] : [];
    case 'gt':
    case 'lt': {
      const errs = n !== 1 ? [invalidValueText('values', values, "for 'Gt', 'Lt' operators, exactly one value is required")] : [];
      (values ?? []).forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(invalidValueText(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
        }
      });
      return errs;
    }
  }
}

/**
 * labels.NewRequirement with no field path, as both `?labelSelector=` parsing and
 * LabelSelectorAsSelector call it. `values` is null for Go's nil slice (it shows in messages).
 */
export function newRequirement(key: string, operator: LabelOperator, values: readonly string[] | null): LabelRequirement {
  const errs: string[] = [];
  const keyErr = labelKeyError(key, 'key');
  if (keyErr) errs.push(keyErr);
  errs.push(...valueCountErrors(operator, values));
  (values ?? []).forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length) errs.push(invalidValueText(`values[${i}][${key}]`, v, msgs.join('; ')));
  });
  if (errs.length) throw new SelectorSyntaxError(aggregateText(errs));
  return { key, operator, values: [...(values ?? [])] };
}

function compareInt(labelValue: string, requirement: LabelRequirement): boolean {
  const actual = parseInt64(labelValue);
  if (actual === undefined || requirement.values.length !== 1) return false;
  const bound = parseInt64(requirement.values[0]);
  if (bound === undefined) return false;
  return requirement.operator === 'gt' ? actual > bound : actual < bound;
}

/** A missing key satisfies only notin, != and !; gt/lt compare as int64 and fail on non-numbers. */
export function requirementMatches(requirement: LabelRequirement, labels: Labels): boolean {
  const has = labels !== undefined && Object.hasOwn(labels, requirement.key);
  const value = has ? labels[requirement.key] : undefined;
  switch (requirement.operator) {
    case 'in':
    case '=':
    case '==':
      return value !== undefined && requirement.values.includes(value);
    case 'notin':
    case '!=':
      return value === undefined || !requirement.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt':
      return value !== undefined && compareInt(value, requirement);
  }
}

/** Go's sort.Strings order: byte order of UTF-8, which is code point order. */
export function compareGoStrings(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done || y.done) return x.done && y.done ? 0 : x.done ? -1 : 1;
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
}

const operatorText: Readonly<Record<LabelOperator, string>> = {
  in: ' in ',
  notin: ' notin ',
  '=': '=',
  '==': '==',
  '!=': '!=',
  gt: '>',
  lt: '<',
  exists: '',
  '!': '',
};

/** Requirement.String: "!k", "k", "k=v", "k in (a,b)"; several values are shown sorted. */
export function requirementToString(r: LabelRequirement): string {
  if (r.operator === '!') return `!${r.key}`;
  if (r.operator === 'exists') return r.key;
  const values = r.values.length === 1 ? r.values[0] : [...r.values].sort(compareGoStrings).join(',');
  const shown = r.operator === 'in' || r.operator === 'notin' ? `(${values})` : values;
  return `${r.key}${operatorText[r.operator]}${shown}`;
}
