import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type JsonObject } from '../../../src/api/patch/json-value.js';
import { mergePatch } from '../../../src/api/patch/merge-patch.js';
import { deepFreeze } from './pod-patch-meta.js';

// RFC 7386 appendix A (the cases whose patch is an object or an array; v4 refuses the others with 400).
const rfcExamples: [unknown, JsonObject | unknown[], unknown][] = [
  [{ a: 'b' }, { a: 'c' }, { a: 'c' }],
  [{ a: 'b' }, { b: 'c' }, { a: 'b', b: 'c' }],
  [{ a: 'b' }, { a: null }, {}],
  [{ a: 'b', b: 'c' }, { a: null }, { b: 'c' }],
  [{ a: ['b'] }, { a: 'c' }, { a: 'c' }],
  [{ a: 'c' }, { a: ['b'] }, { a: ['b'] }],
  [{ a: { b: 'c' } }, { a: { b: 'd', c: null } }, { a: { b: 'd' } }],
  [{ a: [{ b: 'c' }] }, { a: [1] }, { a: [1] }],
  [['a', 'b'], ['c', 'd'], ['c', 'd']],
  [{ a: 'b' }, ['c'], ['c']],
  [{ e: null }, { a: 1 }, { e: null, a: 1 }],
  [[1, 2], { a: 'b', c: null }, { a: 'b' }],
  [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
];

describe('JSON merge patch: RFC 7386', () => {
  it.each(rfcExamples)('%j patched with %j gives %j', (original, patch, expected) => {
    expect(mergePatch(deepFreeze(original), deepFreeze(patch))).toEqual(expected);
  });
});

/** A merge patch that turns `from` into `to` (objects recurse, removed keys become null). */
function diff(from: JsonObject, to: JsonObject): JsonObject {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(from)) if (!Object.hasOwn(to, key)) patch[key] = null;
  for (const [key, value] of Object.entries(to)) {
    const before = from[key];
    if (isJsonObject(before) && isJsonObject(value)) {
      const inner = diff(before, value);
      if (Object.keys(inner).length > 0) patch[key] = inner;
    } else if (JSON.stringify(before) !== JSON.stringify(value)) patch[key] = value;
  }
  return patch;
}

// Documents without nulls: a merge patch cannot express "set to null".
const { doc } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string({ maxLength: 3 }),
    fc.integer(),
    fc.boolean(),
    fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 2 })), { maxLength: 3 }),
    tie('doc'),
  ),
  doc: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), tie('value'), { maxKeys: 4 }),
}));

describe('JSON merge patch: properties', () => {
  it('applying the diff of two documents to the first gives the second', () => {
    fc.assert(
      fc.property(doc, doc, (from, to) => {
        expect(mergePatch(deepFreeze(from as JsonObject), deepFreeze(diff(from as JsonObject, to as JsonObject)))).toEqual(to);
      }),
    );
  });
  it('an empty patch gives back an equal document and mutates nothing', () => {
    fc.assert(fc.property(doc, (d) => void expect(mergePatch(deepFreeze(d as JsonObject), {})).toEqual(d)));
  });
});
