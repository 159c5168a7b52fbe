import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonPatch, JsonPatchError, type JsonPatchOperation } from '../../../src/api/patch/json-patch.js';
import { deepFreeze } from './pod-patch-meta.js';

const apply = (doc: unknown, ops: JsonPatchOperation[]) => jsonPatch(deepFreeze(doc), deepFreeze(ops));
const failure = (doc: unknown, ops: JsonPatchOperation[]): string => {
  try {
    apply(doc, ops);
  } catch (e) {
    if (e instanceof JsonPatchError) return e.message;
    throw e;
  }
  throw new Error('expected the patch to fail');
};

describe('JSON patch: RFC 6902 appendix A', () => {
  it('A.1 adds an object member', () => {
    expect(apply({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux' }])).toEqual({ baz: 'qux', foo: 'bar' });
  });
  it('A.2 adds an array element', () => {
    expect(apply({ foo: ['bar', 'baz'] }, [{ op: 'add', path: '/foo/1', value: 'qux' }])).toEqual({ foo: ['bar', 'qux', 'baz'] });
  });
  it('A.3 removes an object member', () => {
    expect(apply({ baz: 'qux', foo: 'bar' }, [{ op: 'remove', path: '/baz' }])).toEqual({ foo: 'bar' });
  });
  it('A.4 removes an array element', () => {
    expect(apply({ foo: ['bar', 'qux', 'baz'] }, [{ op: 'remove', path: '/foo/1' }])).toEqual({ foo: ['bar', 'baz'] });
  });
  it('A.5 replaces a value', () => {
    expect(apply({ baz: 'qux', foo: 'bar' }, [{ op: 'replace', path: '/baz', value: 'boo' }])).toEqual({ baz: 'boo', foo: 'bar' });
  });
  it('A.6 moves a value', () => {
    const doc = { foo: { bar: 'baz', waldo: 'fred' }, qux: { corge: 'grault' } };
    expect(apply(doc, [{ op: 'move', from: '/foo/waldo', path: '/qux/thud' }])).toEqual({
      foo: { bar: 'baz' },
      qux: { corge: 'grault', thud: 'fred' },
    });
  });
  it('A.7 moves an array element', () => {
    expect(apply({ foo: ['all', 'grass', 'cows', 'eat'] }, [{ op: 'move', from: '/foo/1', path: '/foo/3' }])).toEqual({
      foo: ['all', 'cows', 'eat', 'grass'],
    });
  });
  it('A.8 tests values that match', () => {
    const doc = { baz: 'qux', foo: ['a', 2, 'c'] };
    expect(apply(doc, [{ op: 'test', path: '/baz', value: 'qux' }, { op: 'test', path: '/foo/1', value: 2 }])).toEqual(doc);
  });
  it('A.9 fails a test that does not match', () => {
    expect(failure({ baz: 'qux' }, [{ op: 'test', path: '/baz', value: 'bar' }])).toBe('testing value /baz failed: test failed');
  });
  it('A.10 adds a nested member object', () => {
    expect(apply({ foo: 'bar' }, [{ op: 'add', path: '/child', value: { grandchild: {} } }])).toEqual({ foo: 'bar', child: { grandchild: {} } });
  });
  it('A.11 ignores unrecognized members of an operation', () => {
    expect(apply({ foo: 'bar' }, [{ op: 'add', path: '/baz', value: 'qux', xyz: 123 }])).toEqual({ foo: 'bar', baz: 'qux' });
  });
  it('A.12 refuses to add under a missing parent', () => {
    expect(failure({ foo: 'bar' }, [{ op: 'add', path: '/baz/bat', value: 'qux' }])).toBe(
      'add operation does not apply: doc is missing path: "/baz/bat": missing value',
    );
  });
  it('A.14 decodes ~01 as ~1, not as /', () => {
    expect(apply({ '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: 10 }])).toEqual({ '/': 9, '~1': 10 });
  });
  it('A.15 compares strings and numbers strictly', () => {
    expect(failure({ '/': 9, '~1': 10 }, [{ op: 'test', path: '/~01', value: '10' }])).toBe('testing value /~01 failed: test failed');
  });
  it('A.16 appends an array value with "-"', () => {
    expect(apply({ foo: ['bar'] }, [{ op: 'add', path: '/foo/-', value: ['abc', 'def'] }])).toEqual({ foo: ['bar', ['abc', 'def']] });
  });
  it('copies values', () => {
    expect(apply({ a: { b: 1 } }, [{ op: 'copy', from: '/a', path: '/c' }])).toEqual({ a: { b: 1 }, c: { b: 1 } });
  });
});

describe('JSON patch: as evanphx/json-patch v4 behaves in kube-apiserver', () => {
  it('replace of a missing object member adds it', () => {
    expect(apply({ a: 1 }, [{ op: 'replace', path: '/b', value: 2 }])).toEqual({ a: 1, b: 2 });
  });
  it('replace of a missing array index fails', () => {
    expect(failure({ a: [1] }, [{ op: 'replace', path: '/a/3', value: 2 }])).toMatch(/^replace operation does not apply: doc is missing key: \/a\/3/);
  });
  it('counts negative indices from the end', () => {
    expect(apply({ a: [1, 2, 3] }, [{ op: 'remove', path: '/a/-1' }])).toEqual({ a: [1, 2] });
    expect(apply({ a: [1, 2] }, [{ op: 'add', path: '/a/-1', value: 9 }])).toEqual({ a: [1, 2, 9] });
  });
  it('fails to remove a missing member or index', () => {
    expect(failure({ a: 1 }, [{ op: 'remove', path: '/b' }])).toBe("error in remove for path: '/b': Unable to remove nonexistent key: b: missing value");
    expect(failure({ a: [] }, [{ op: 'remove', path: '/a/0' }])).toBe("error in remove for path: '/a/0': Unable to access invalid index: 0: invalid index referenced");
  });
  it('refuses unknown operations and the root path', () => {
    expect(failure({}, [{ op: 'bogus', path: '/a' }])).toBe('Unexpected kind: bogus');
    expect(failure({}, [null])).toBe('Unexpected kind: unknown');
    expect(failure({ a: 1 }, [{ op: 'remove', path: '' }])).toBe('remove operation does not apply: doc is missing path: "": missing value');
  });
  it('a test for null passes on a missing member', () => {
    expect(apply({ a: 1 }, [{ op: 'test', path: '/b', value: null }])).toEqual({ a: 1 });
  });
  it('applies nothing when an operation fails midway (the input stays as it was)', () => {
    const doc = deepFreeze({ a: 1 });
    expect(() => jsonPatch(doc, [{ op: 'add', path: '/b', value: 2 }, { op: 'test', path: '/a', value: 2 }])).toThrow(JsonPatchError);
    expect(doc).toEqual({ a: 1 });
  });
});

describe('JSON patch: properties', () => {
  const doc = fc.dictionary(fc.string({ maxLength: 3 }), fc.jsonValue({ maxDepth: 3 }));
  it('add then remove of a fresh member gives back an equal document, sharing the other members', () => {
    fc.assert(
      fc.property(doc, fc.jsonValue({ maxDepth: 2 }), (original, value) => {
        const key = 'fresh~/key';
        if (Object.hasOwn(original, key)) return;
        const frozen = deepFreeze(original);
        const path = '/fresh~0~1key';
        const added = jsonPatch(frozen, [{ op: 'add', path, value }]) as Record<string, unknown>;
        expect(added[key]).toEqual(value);
        for (const k of Object.keys(frozen)) expect(added[k]).toBe(frozen[k]);
        expect(jsonPatch(added, [{ op: 'remove', path }])).toEqual(frozen);
      }),
    );
  });
  it('a test of every member against its own value passes', () => {
    fc.assert(
      fc.property(doc, (original) => {
        const ops = Object.keys(original).map((k) => ({ op: 'test', path: `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, value: original[k] as never }));
        expect(jsonPatch(deepFreeze(original), ops)).toBe(original);
      }),
    );
  });
});
