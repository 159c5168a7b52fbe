import { describe, expect, it } from 'vitest';
import { StatusError } from '../../../src/api/errors.js';
import {
  convertFieldSelector,
  escapeFieldValue,
  fieldSelectorToString,
  matchesFields,
  parseFieldSelector,
  unescapeFieldValue,
} from '../../../src/api/selectors/field-selector.js';

function badRequestMessage(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(StatusError);
    expect([(err as StatusError).code, (err as StatusError).reason]).toEqual([400, 'BadRequest']);
    return (err as StatusError).message;
  }
  throw new Error('expected a BadRequest');
}

describe('parseFieldSelector', () => {
  it('parses =, == and != terms, sorted', () => {
    expect(parseFieldSelector('status.phase!=Running,metadata.name==web,spec.nodeName=n1')).toEqual([
      { field: 'metadata.name', operator: '==', value: 'web' },
      { field: 'spec.nodeName', operator: '=', value: 'n1' },
      { field: 'status.phase', operator: '!=', value: 'Running' },
    ]);
  });

  it('selects everything when empty, skipping empty terms', () => {
    expect(parseFieldSelector('')).toEqual([]);
    expect(parseFieldSelector(',,')).toEqual([]);
    expect(parseFieldSelector('a=1,,')).toEqual([{ field: 'a', operator: '=', value: '1' }]);
  });

  it('splits at the first operator and keeps empty sides', () => {
    expect(parseFieldSelector('a=')).toEqual([{ field: 'a', operator: '=', value: '' }]);
    expect(parseFieldSelector('=a')).toEqual([{ field: '', operator: '=', value: 'a' }]);
    expect(parseFieldSelector('a==b')[0]).toEqual({ field: 'a', operator: '==', value: 'b' });
    expect(parseFieldSelector('a!=')[0]).toEqual({ field: 'a', operator: '!=', value: '' });
  });

  it('honours backslash escapes in values', () => {
    expect(parseFieldSelector('a=x\\,y,b=p\\=q\\\\')).toEqual([
      { field: 'a', operator: '=', value: 'x,y' },
      { field: 'b', operator: '=', value: 'p=q\\' },
    ]);
    expect(unescapeFieldValue(escapeFieldValue('a\\b,c=d'))).toBe('a\\b,c=d');
    // A bare comma never reaches a value through the parser (it splits terms), only directly.
    expect(badRequestMessage(() => unescapeFieldValue('x,y'))).toBe('invalid field selector: unescaped character in value: 44');
  });

  it.each([
    ['abc', "invalid selector: 'abc'; can't understand 'abc'"],
    ['x=1,abc', "invalid selector: 'x=1,abc'; can't understand 'abc'"],
    ['a=b=c', 'invalid field selector: unescaped character in value: 61'],
    ['a===b', 'invalid field selector: unescaped character in value: 61'],
    ['a=\\,b,c', "invalid selector: 'a=\\,b,c'; can't understand 'c'"],
    ['a=b\\x', 'invalid field selector: invalid escape sequence: \\x'],
    ['a=b\\', 'invalid field selector: invalid escape sequence: \\'],
  ])('%j is refused', (text, message) => {
    expect(badRequestMessage(() => parseFieldSelector(text))).toBe(message);
  });

  it('prints == as = and escapes values', () => {
    const reqs = parseFieldSelector('b!=x\\,y,a==1');
    expect(fieldSelectorToString(reqs)).toBe('a=1,b!=x\\,y');
    expect(parseFieldSelector(fieldSelectorToString(reqs))).toEqual(reqs.map((r) => ({ ...r, operator: r.operator === '==' ? '=' : r.operator })));
  });
});

describe('matchesFields', () => {
  const fields: Record<string, string> = { 'metadata.name': 'web', 'status.phase': 'Running' };
  const get = (name: string) => fields[name];
  it('ANDs the terms; unknown fields read as ""', () => {
    expect(matchesFields(parseFieldSelector('metadata.name=web,status.phase!=Pending'), get)).toBe(true);
    expect(matchesFields(parseFieldSelector('metadata.name=web,status.phase=Pending'), get)).toBe(false);
    expect(matchesFields(parseFieldSelector('spec.nodeName='), get)).toBe(true);
    expect(matchesFields(parseFieldSelector('spec.nodeName!='), get)).toBe(false);
    expect(matchesFields([], get)).toBe(true);
  });
});

describe('convertFieldSelector: what kube-apiserver 1.32 accepts per resource', () => {
  const convert = (resource: string, text: string) => convertFieldSelector(resource, parseFieldSelector(text));

  it('accepts supported fields and rewrites old spellings', () => {
    expect(convert('pods', 'spec.host=n1,status.phase=Running')).toEqual([
      { field: 'spec.nodeName', operator: '=', value: 'n1' },
      { field: 'status.phase', operator: '=', value: 'Running' },
    ]);
    expect(convert('configmaps', 'metadata.name=a,metadata.namespace=b')).toHaveLength(2);
    expect(convert('events.events.k8s.io', 'regarding.name=web,reportingController=kubelet')).toHaveLength(2);
  });

  it.each([
    ['pods', 'spec.foo=x', 'field label not supported: spec.foo'],
    ['nodes', 'metadata.namespace=x', 'field label not supported: metadata.namespace'],
    ['namespaces', 'metadata.namespace=x', 'field label not supported: metadata.namespace'],
    ['events', 'regarding.name=x', 'field label not supported: regarding.name'],
    ['events.events.k8s.io', 'involvedObject.name=web', 'field label not supported: involvedObject.name'],
    ['secrets', 'data=x', 'field label not supported: data'],
    ['configmaps', 'spec.foo=x', '"spec.foo" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['replicasets.apps', 'status.replicas=0', '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['deployments.apps', 'status.replicas=3', '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['widgets.example.com', 'spec.size=large', '"spec.size" is not a known field selector: only "metadata.name", "metadata.namespace"'],
  ])('%s refuses %j', (resource, text, message) => {
    expect(badRequestMessage(() => convert(resource, text))).toBe(message);
  });

  it('reports the first unsupported term in sorted order', () => {
    expect(badRequestMessage(() => convert('pods', 'z.z=1,a.a=1'))).toBe('field label not supported: a.a');
  });
});
