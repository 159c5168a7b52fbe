// Tolerations: key syntax, operator/effect enums, and the on-update "additions only" rule.
// Kubernetes twin: pkg/apis/core/validation/validation.go (ValidateTolerations,
// validateTaintEffect, validateOnlyAddedTolerations).
import { forbidden, invalid, notSupported, type FieldError, type FieldPath } from '../field-errors.js';
import type { Toleration } from '../types/pod.js';
import { isQualifiedName, isValidLabelValue } from './names.js';
import { deepEqual } from './object-meta.js';

export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateTaintEffect(effect: string, path: FieldPath): FieldError[] {
  return TAINT_EFFECTS.includes(effect) ? [] : [notSupported(path, effect, TAINT_EFFECTS)];
}

function validateToleration(t: Toleration, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (t.key) errs.push(...isQualifiedName(t.key).map((m) => invalid(path.child('key'), t.key, m)));
  // An empty key with Exists matches every taint; with Equal it would match nothing sensible.
  if (!t.key && t.operator !== 'Exists') {
    errs.push(invalid(path.child('operator'), t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
  }
  if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && t.effect !== 'NoExecute') {
    errs.push(invalid(path.child('effect'), t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
  }
  switch (t.operator ?? '') {
    case 'Equal':
    case '': {
      const msgs = isValidLabelValue(t.value ?? '');
      if (msgs.length) errs.push(invalid(path.child('operator'), t.value ?? '', msgs.join(';')));
      break;
    }
    case 'Exists':
      if (t.value) errs.push(invalid(path.child('operator'), t.value, "value must be empty when `operator` is 'Exists'"));
      break;
    default:
      errs.push(notSupported(path.child('operator'), t.operator, ['Equal', 'Exists']));
  }
  if (t.effect) errs.push(...validateTaintEffect(t.effect, path.child('effect')));
  return errs;
}

export function validateTolerations(tolerations: readonly Toleration[] | undefined, path: FieldPath): FieldError[] {
  return (tolerations ?? []).flatMap((t, i) => validateToleration(t, path.index(i)));
}

/** On update existing tolerations must survive unchanged (tolerationSeconds aside); new ones may be added. */
export function validateOnlyAddedTolerations(next: readonly Toleration[] | undefined, prev: readonly Toleration[] | undefined, path: FieldPath): FieldError[] {
  for (const old of prev ?? []) {
    const kept = (next ?? []).some((t) => deepEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!kept) return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, path);
}
