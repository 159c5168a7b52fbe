// Properties of the label selector text form: toString() is canonical and parses back to the same selector.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatusError } from '../../../src/api/errors.js';
import { parseLabelSelector, type Selector } from '../../../src/api/selectors/label-selector.js';

const arbName = fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,10}[A-Za-z0-9])?$/);
const arbPrefix = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,6}[a-z0-9])?(\.[a-z0-9]{1,5}){0,2}$/);
const arbKey = fc.oneof(arbName, fc.constantFrom('in', 'notin'), fc.tuple(arbPrefix, arbName).map(([p, n]) => `${p}/${n}`));
const arbValue = fc.oneof(fc.constant(''), arbName, fc.constantFrom('in', 'notin'));
const arbInt = fc.integer({ min: 0, max: 1_000_000 }).map(String);
const arbSpace = fc.constantFrom('', ' ', '  ', '\t', '\n');

/** One requirement written in any of the forms a client may send. */
const arbRequirementText = fc.oneof(
  fc.tuple(arbKey, fc.constantFrom('=', '==', '!='), arbValue, arbSpace).map(([k, op, v, s]) => `${k}${s}${op}${s}${v}`),
  fc.tuple(arbKey, fc.constantFrom('in', 'notin'), fc.array(arbValue, { minLength: 1, maxLength: 3 }), arbSpace).map(
    ([k, op, vs, s]) => `${k} ${op}${s}(${s}${vs.join(`${s},${s}`)}${s})`,
  ),
  fc.tuple(arbKey, fc.constantFrom('>', '<'), arbInt).map(([k, op, v]) => `${k}${op}${v}`),
  arbKey,
  arbKey.map((k) => `!${k}`),
);

const arbSelectorText = fc.array(arbRequirementText, { maxLength: 5 }).map((rs) => rs.join(','));

const arbLabels = fc.dictionary(
  fc.oneof(arbKey, fc.constantFrom('a', 'b', 'in')),
  fc.oneof(arbValue, arbInt, fc.constantFrom('a', 'b', '1', '5')),
  { maxKeys: 5 },
);

const sameSelector = (a: Selector, b: Selector): boolean =>
  a.toString() === b.toString() && JSON.stringify(a.requirements) === JSON.stringify(b.requirements);

describe('label selector text form (properties)', () => {
  it('parses every well-formed selector, and toString() re-parses to an equivalent selector', () => {
    fc.assert(
      fc.property(arbSelectorText, fc.array(arbLabels, { maxLength: 4 }), (text, labelSets) => {
        const first = parseLabelSelector(text);
        const again = parseLabelSelector(first.toString());
        expect(sameSelector(first, again)).toBe(true);
        for (const labels of labelSets) expect(again.matches(labels)).toBe(first.matches(labels));
      }),
      { numRuns: 500 },
    );
  });

  it('either parses to a round-tripping selector or answers 400 BadRequest, for any text', () => {
    const alphabet = fc.constantFrom(...'ab=!(),<> in1-._/\t'.split(''), 'in', 'notin', '\\');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 16 }).map((cs) => cs.join('')), (text) => {
        let first: Selector;
        try {
          first = parseLabelSelector(text);
        } catch (err) {
          expect(err).toBeInstanceOf(StatusError);
          expect((err as StatusError).code).toBe(400);
          return;
        }
        expect(sameSelector(first, parseLabelSelector(first.toString()))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('treats the selector as the AND of its requirements', () => {
    fc.assert(
      fc.property(fc.array(arbRequirementText, { minLength: 1, maxLength: 4 }), arbLabels, (parts, labels) => {
        const whole = parseLabelSelector(parts.join(',')).matches(labels);
        expect(whole).toBe(parts.every((p) => parseLabelSelector(p).matches(labels)));
      }),
      { numRuns: 500 },
    );
  });
});
