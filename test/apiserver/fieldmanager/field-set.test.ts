import { describe, expect, it } from 'vitest';
import { FieldSet, fieldToken, fromFieldsV1, pathString, toFieldsV1 } from '../../../src/apiserver/fieldmanager/field-set.js';
import { rootType } from '../../../src/apiserver/fieldmanager/schema-types.js';
import { toFieldSet } from '../../../src/apiserver/fieldmanager/to-field-set.js';

describe('field sets', () => {
  it('round-trips FieldsV1, normalising key order', () => {
    const set = fromFieldsV1({ 'f:spec': { 'f:ports': { 'k:{"protocol":"TCP","port":80}': { '.': {}, 'f:port': {} } } } });
    expect(toFieldsV1(set)).toEqual({ 'f:spec': { 'f:ports': { 'k:{"port":80,"protocol":"TCP"}': { '.': {}, 'f:port': {} } } } });
    expect(() => fromFieldsV1({ 'x:bad': {} })).toThrow();
    expect(() => fromFieldsV1([])).toThrow();
  });

  it('keys list items by their map keys, defaulting a port protocol; sets by value', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', finalizers: ['a/b'] },
      spec: { containers: [{ name: 'web', ports: [{ containerPort: 80 }], args: ['x'] }] },
    };
    const paths = toFieldSet(rootType('', 'v1', 'Pod'), pod).paths().map(pathString);
    expect(paths).toEqual([
      '.apiVersion',
      '.kind',
      '.metadata.name',
      '.metadata.finalizers[="a/b"]',
      '.spec.containers[name="web"]',
      '.spec.containers[name="web"].args',
      '.spec.containers[name="web"].name',
      '.spec.containers[name="web"].ports[containerPort=80,protocol="TCP"]',
      '.spec.containers[name="web"].ports[containerPort=80,protocol="TCP"].containerPort',
    ]);
  });

  it('set algebra', () => {
    const a = FieldSet.of([fieldToken('a')], [fieldToken('b'), fieldToken('c')]);
    const b = FieldSet.of([fieldToken('b'), fieldToken('c')]);
    expect(a.difference(b).paths()).toEqual([['f:a']]);
    expect(a.intersection(b).paths()).toEqual([['f:b', 'f:c']]);
    expect(b.union(FieldSet.of([fieldToken('d')])).paths().length).toBe(2);
    expect(new FieldSet().isEmpty()).toBe(true);
  });
});
