import { describe, expect, it } from 'vitest';
import { StatusError } from '../../../src/api/errors.js';
import { parseLabelSelector } from '../../../src/api/selectors/label-selector.js';

/** The message kube-apiserver answers (400 BadRequest) for a malformed `?labelSelector=`. */
function parseError(text: string): string {
  try {
    parseLabelSelector(text);
  } catch (err) {
    expect(err).toBeInstanceOf(StatusError);
    const status = (err as StatusError).status;
    expect(status.code).toBe(400);
    expect(status.reason).toBe('BadRequest');
    return status.message ?? '';
  }
  throw new Error(`expected ${JSON.stringify(text)} not to parse`);
}

const QNAME_RULE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
  "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_RULE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end " +
  "with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is " +
  "'(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('parseLabelSelector: the string form', () => {
  it.each([
    ['', ''],
    ['   ', ''],
    ['a=b', 'a=b'],
    ['a==b', 'a==b'],
    ['a!=b', 'a!=b'],
    ['a', 'a'],
    ['!a', '!a'],
    ['a>1', 'a>1'],
    ['a<5', 'a<5'],
    ['a in (y,x,x)', 'a in (x,y)'],
    ['a notin (x)', 'a notin (x)'],
    ['a=', 'a='],
    ['a in ()', 'a in ()'],
    ['a in (,b)', 'a in (,b)'],
    ['a in (b,)', 'a in (,b)'],
    ['a in (b,,c)', 'a in (,b,c)'],
    ['  a  =  b  ,\tc\n', 'a=b,c'],
    ['x=a,y in (b,a),!z,w notin (c),v>1,u<5', 'u<5,v>1,w notin (c),x=a,y in (a,b),!z'],
    ['in in (in,notin)', 'in in (in,notin)'],
    ['notin=in', 'notin=in'],
    ['example.com/app=web', 'example.com/app=web'],
  ])('%j parses to %j', (text, canonical) => {
    expect(parseLabelSelector(text).toString()).toBe(canonical);
  });

  it('treats the empty selector as matching everything', () => {
    const s = parseLabelSelector('');
    expect(s.empty).toBe(true);
    expect(s.matches(undefined)).toBe(true);
    expect(s.matches({ a: 'b' })).toBe(true);
    expect(parseLabelSelector('a').empty).toBe(false);
  });

  it('matches as kube does', () => {
    const cases: [string, Record<string, string> | undefined, boolean][] = [
      ['a=b', { a: 'b' }, true],
      ['a=b', { a: 'c' }, false],
      ['a=b', undefined, false],
      ['a!=b', {}, true],
      ['a!=b', { a: 'b' }, false],
      ['a in (x,y)', { a: 'y' }, true],
      ['a in (x,y)', {}, false],
      ['a notin (x)', {}, true],
      ['a notin (x)', { a: 'x' }, false],
      ['a', { a: '' }, true],
      ['a', { b: '' }, false],
      ['!a', { b: '' }, true],
      ['!a', { a: '' }, false],
      ['a=', { a: '' }, true],
      ['a>1', { a: '2' }, true],
      ['a>1', { a: '01' }, false],
      ['a>1', { a: 'x' }, false],
      ['a<5', { a: '-3' }, true],
      ['a<5', {}, false],
      ['a=b,c', { a: 'b', c: 'd' }, true],
      ['a=b,c', { a: 'b' }, false],
      ['toString', {}, false],
    ];
    for (const [text, labels, want] of cases) expect([text, parseLabelSelector(text).matches(labels)]).toEqual([text, want]);
  });

  it('answers requiresExactMatch for =, == and single-value in', () => {
    const s = parseLabelSelector('a=1,b in (2),c in (3,4),d!=5');
    expect([s.requiresExactMatch('a'), s.requiresExactMatch('b')]).toEqual(['1', '2']);
    expect([s.requiresExactMatch('c'), s.requiresExactMatch('d'), s.requiresExactMatch('e')]).toEqual([undefined, undefined, undefined]);
  });
});

describe('parseLabelSelector: errors, byte for byte', () => {
  it.each([
    ['a b', "unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt"],
    ['component not in (x)', "unable to parse requirement: found 'not', expected: in, notin, =, ==, !=, gt, lt"],
    ['x (', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a in (b c)', "unable to parse requirement: found 'c', expected: ',' or ')'"],
    ['a in b', "unable to parse requirement: found 'b' expected: '('"],
    ['a in (=)', "unable to parse requirement: found '=', expected: ',', ')' or identifier"],
    ['a in (,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['a=(b)', "unable to parse requirement: found '(', expected: identifier"],
    ['a!==b', "unable to parse requirement: found '=', expected: identifier"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['!=a', "found '!=', expected: !, identifier, or 'end of string'"],
    ['!!a', "unable to parse requirement: found '!', expected: identifier"],
    ['a=b c', "found 'c', expected: ',' or 'end of string'"],
    ['a=b=c', "found '=', expected: ',' or 'end of string'"],
    ['!a=b', "found '=', expected: ',' or 'end of string'"],
    ['a,', "found '', expected: identifier after ','"],
    ['a,,b', "found ',', expected: identifier after ','"],
    [',a', "found ',', expected: !, identifier, or 'end of string'"],
    ['(a)', "found '(', expected: !, identifier, or 'end of string'"],
  ])('%j', (text, message) => {
    expect(parseError(text)).toBe(message);
  });

  it('validates keys as qualified names, with the <nil> path kube prints', () => {
    expect(parseError('app:monolith')).toBe(`unable to parse requirement: <nil>: Invalid value: "app:monolith": name part ${QNAME_RULE}`);
    expect(parseError('a/b/c ?=? def')).toBe(
      `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name ${QNAME_RULE} ` +
        "with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    );
    expect(parseError('Example.com/a=b')).toBe(
      'unable to parse requirement: <nil>: Invalid value: "Example.com/a": prefix part a lowercase RFC 1123 subdomain must ' +
        "consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character " +
        "(e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
    expect(parseError(`${'k'.repeat(64)}=v`)).toBe(
      `unable to parse requirement: <nil>: Invalid value: "${'k'.repeat(64)}": name part must be no more than 63 characters`,
    );
  });

  it('validates values as label values, under values[i][key]', () => {
    expect(parseError('a=-b')).toBe(`unable to parse requirement: values[0][a]: Invalid value: "-b": ${LABEL_VALUE_RULE}`);
    // Values are sorted before validation, so "b_" is values[0].
    expect(parseError('a in (ok,b_)')).toBe(`unable to parse requirement: values[0][a]: Invalid value: "b_": ${LABEL_VALUE_RULE}`);
  });

  it('requires an int64 after > and <', () => {
    expect(parseError('a>b')).toBe(`unable to parse requirement: values[0]: Invalid value: "b": for 'Gt', 'Lt' operators, the value must be an integer`);
    expect(parseError('a<99999999999999999999')).toBe(
      `unable to parse requirement: values[0]: Invalid value: "99999999999999999999": for 'Gt', 'Lt' operators, the value must be an integer`,
    );
    expect(parseError('a>b.')).toBe(
      `unable to parse requirement: [values[0]: Invalid value: "b.": for 'Gt', 'Lt' operators, the value must be an integer, ` +
        `values[0][a]: Invalid value: "b.": ${LABEL_VALUE_RULE}]`,
    );
  });
});
