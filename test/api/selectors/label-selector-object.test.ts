import { describe, expect, it } from 'vitest';
import { fieldErrorText } from '../../../src/api/field-errors.js';
import { StatusError } from '../../../src/api/errors.js';
import { labelSelectorFromObject, matchesNothing, validateLabelSelector } from '../../../src/api/selectors/label-selector.js';
import type { LabelSelector } from '../../../src/api/types.js';

function conversionError(sel: LabelSelector): string {
  try {
    labelSelectorFromObject(sel);
  } catch (err) {
    expect(err).toBeInstanceOf(StatusError);
    expect((err as StatusError).code).toBe(400);
    return (err as StatusError).message;
  }
  throw new Error('expected an error');
}

describe('labelSelectorFromObject (LabelSelectorAsSelector)', () => {
  it('selects nothing for a missing selector and everything for an empty one', () => {
    const none = labelSelectorFromObject(undefined);
    expect([none.empty, none.matches({}), matchesNothing(none), none.toString()]).toEqual([false, false, true, '']);
    const all = labelSelectorFromObject({});
    expect([all.empty, all.matches(undefined)]).toEqual([true, true]);
    expect(labelSelectorFromObject({ matchLabels: {}, matchExpressions: [] }).empty).toBe(true);
  });

  it('ANDs matchLabels and matchExpressions, sorted by key', () => {
    const s = labelSelectorFromObject({
      matchLabels: { b: '2', a: '1' },
      matchExpressions: [
        { key: 'c', operator: 'In', values: ['y', 'x'] },
        { key: 'd', operator: 'NotIn', values: ['z'] },
        { key: 'e', operator: 'Exists' },
        { key: 'f', operator: 'DoesNotExist' },
      ],
    });
    expect(s.toString()).toBe('a=1,b=2,c in (x,y),d notin (z),e,!f');
    expect(s.matches({ a: '1', b: '2', c: 'x', e: '' })).toBe(true);
    expect(s.matches({ a: '1', b: '2', c: 'x', e: '', f: '' })).toBe(false);
    expect(s.matches({ a: '1', b: '2', c: 'x', d: 'z', e: '' })).toBe(false);
    expect(s.requiresExactMatch('a')).toBe('1');
  });

  it('refuses what NewRequirement refuses, with Go error text', () => {
    expect(conversionError({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toBe(
      "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
    );
    expect(conversionError({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] })).toBe(
      'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist',
    );
    expect(conversionError({ matchExpressions: [{ key: 'a', operator: 'Gt' as 'In', values: ['1'] }] })).toBe(
      '"Gt" is not a valid label selector operator',
    );
    expect(conversionError({ matchLabels: { 'a/b/c': 'x' } })).toMatch(/^key: Invalid value: "a\/b\/c": a qualified name must consist/);
    expect(conversionError({ matchLabels: { a: '-x' } })).toMatch(/^values\[0\]\[a\]: Invalid value: "-x": a valid label must be/);
    expect(conversionError({ matchLabels: { '-k': '-x' } })).toMatch(/^\[key: Invalid value: "-k": .*, values\[0\]\[-k\]: Invalid value: "-x": .*\]$/);
  });
});

describe('validateLabelSelector (metav1 validation)', () => {
  it('accepts a well-formed selector and a missing one', () => {
    expect(validateLabelSelector(undefined, 'spec.selector')).toEqual([]);
    expect(validateLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] }, 'spec.selector')).toEqual([]);
  });

  it('reports each problem on its field', () => {
    const errs = validateLabelSelector(
      {
        matchLabels: { 'bad key': 'ok' },
        matchExpressions: [
          { key: 'a', operator: 'In' },
          { key: 'b', operator: 'Exists', values: ['x'] },
          { key: 'c', operator: 'Gt' as 'In', values: ['-1'] },
        ],
      },
      'spec.selector',
    );
    expect(errs.map((e) => [e.type, e.field])).toEqual([
      ['FieldValueInvalid', 'spec.selector.matchLabels'],
      ['FieldValueRequired', 'spec.selector.matchExpressions[0].values'],
      ['FieldValueForbidden', 'spec.selector.matchExpressions[1].values'],
      ['FieldValueInvalid', 'spec.selector.matchExpressions[2].operator'],
      ['FieldValueInvalid', 'spec.selector.matchExpressions[2].values[0]'],
    ]);
    expect(fieldErrorText(errs[1])).toBe("spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'");
    expect(fieldErrorText(errs[2])).toBe(
      "spec.selector.matchExpressions[1].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
    );
    expect(fieldErrorText(errs[3])).toBe('spec.selector.matchExpressions[2].operator: Invalid value: "Gt": not a valid selector operator');
  });

  it('can let existing invalid values through', () => {
    const sel: LabelSelector = { matchExpressions: [{ key: 'a', operator: 'In', values: ['-x'] }] };
    expect(validateLabelSelector(sel, 'spec.selector')).toHaveLength(1);
    expect(validateLabelSelector(sel, 'spec.selector', { allowInvalidLabelValueInSelector: true })).toEqual([]);
  });
});
