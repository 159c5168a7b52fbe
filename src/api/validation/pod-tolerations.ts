// Tolerations: key syntax, operator/effect enums, and the on-update "additions only" rule.
// Kubernetes twin: pkg/apis/core/validation/validation.go (ValidateTolerations,
// validateTaintEffect, validateOnlyAddedTolerations).
import { forbidden, invalid, notSupported, type FieldError, type FieldPath } from '../field-errors.js';
import type { Toleration } from '../types/pod.js';
import { isQualifiedName, isValidLabelValue, labelValueOk } from './names.js';
import { deepEqual } from './object-meta.js';

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateTaintEffect(effect: string, path: FieldPath): FieldError[] {
  return TAINT_EFFECTS.includes(effect) ? [] : [notSupported(path, effect, TAINT_EFFECTS)];
}

/** tolerations[i], appended to errs; `list` is the tolerations path, built into the entry's on error. */
function validateToleration(t: Toleration, list: FieldPath, i: number, errs: FieldError[]): void {
  const at = (field: string): FieldPath => list.index(i).child(field);
  if (t.key) for (const m of isQualifiedName(t.key)) errs.push(invalid(at('key'), t.key, m));
  // An empty key with Exists matches every taint; with Equal it would match nothing sensible.
  if (!t.key && t.operator !== 'Exists') {
    errs.push(invalid(at('operator'), t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
  }
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
    errs.push(invalid(at('effect'), t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
  }
  switch (t.operator ?? '') {
    case 'Equal':
    case '': {
      const value = t.value ?? '';
      if (!labelValueOk(value)) errs.push(invalid(at('operator'), value, isValidLabelValue(value).join(';')));
      break;
    }
    case 'Exists':
      if (t.value) errs.push(invalid(at('operator'), t.value, "value must be empty when `operator` is 'Exists'"));
      break;
    default:
      errs.push(notSupported(at('operator'), t.operator, ['Equal', 'Exists']));
  }
  if (t.effect && !TAINT_EFFECTS.includes(t.effect)) errs.push(...validateTaintEffect(t.effect, at('effect')));
}

export function validateTolerations(tolerations: readonly Toleration[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!tolerations) return errs;
  for (let i = 0; i < tolerations.length; i++) validateToleration(tolerations[i], path, i, errs);
  return errs;
}

/** On update existing tolerations must survive unchanged (tolerationSeconds aside); new ones may be added. */
export function validateOnlyAddedTolerations(next: readonly Toleration[] | undefined, prev: readonly Toleration[] | undefined, path: FieldPath): FieldError[] {
  for (const old of prev ?? []) {
    const kept = (next ?? []).some((t) => deepEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!kept) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, path);
}
