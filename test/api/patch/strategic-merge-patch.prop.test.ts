import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/api/patch/json-value.js';
import { mergePatch } from '../../../src/api/patch/merge-patch.js';
import { NO_PATCH_META } from '../../../src/api/patch/patch-meta.js';
import { StrategicMergeError } from '../../../src/api/patch/strategic-merge-errors.js';
import { strategicMergePatch } from '../../../src/api/patch/strategic-merge-patch.js';
import { deepFreeze, podMeta } from './pod-patch-meta.js';

const name = fc.constantFrom('app', 'sidecar', 'init', 'web');
const container = fc.record(
  {
    name,
    image: fc.constantFrom('nginx', 'redis', 'busybox'),
    ports: fc.uniqueArray(fc.record({ containerPort: fc.integer({ min: 1, max: 5 }), protocol: fc.constantFrom('TCP', 'UDP') }), {
      selector: (p) => p.containerPort,
      maxLength: 3,
    }),
    env: fc.uniqueArray(fc.record({ name: fc.constantFrom('A', 'B', 'C'), value: fc.string({ maxLength: 2 }) }), { selector: (e) => e.name, maxLength: 3 }),
  },
  { requiredKeys: ['name'] },
);
const pod = fc.record({
  metadata: fc.record({ name: fc.constant('p'), finalizers: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 3 }) }, { requiredKeys: ['name'] }),
  spec: fc.record({
    containers: fc.uniqueArray(container, { selector: (c) => c.name, maxLength: 3 }),
    tolerations: fc.array(fc.record({ key: fc.constantFrom('k1', 'k2'), effect: fc.constant('NoSchedule') }), { maxLength: 2 }),
  }),
});
const directive = fc.constantFrom<JsonObject>({ $patch: 'delete', name: 'app' }, { $patch: 'replace' });
const podPatch = fc.record(
  {
    metadata: fc.record(
      {
        finalizers: fc.array(fc.constantFrom('a', 'e'), { maxLength: 2 }),
        '$deleteFromPrimitiveList/finalizers': fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 }),
        labels: fc.oneof(fc.constant(null), fc.dictionary(fc.constantFrom('x', 'y'), fc.oneof(fc.constant(null), fc.constant('v')))),
      },
      { requiredKeys: [] },
    ),
    spec: fc.record(
      { containers: fc.array(fc.oneof(container, directive), { maxLength: 3 }), tolerations: fc.oneof(fc.constant(null), fc.array(fc.record({ key: fc.constant('k3') }))) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

/** Every object key at any depth. */
const keysOf = (v: unknown): string[] =>
  Array.isArray(v) ? v.flatMap(keysOf) : typeof v === 'object' && v !== null ? Object.entries(v).flatMap(([k, x]) => [k, ...keysOf(x)]) : [];

describe('strategic merge patch: properties', () => {
  it('never mutates a frozen input, and keeps directive keys out of the result', () => {
    fc.assert(
      fc.property(pod, podPatch, (original, patch) => {
        const before = JSON.stringify(original);
        const result = strategicMergePatch(deepFreeze(original), deepFreeze(patch as JsonObject), podMeta);
        expect(JSON.stringify(original)).toBe(before);
        expect(keysOf(result).filter((k) => k.startsWith('$'))).toEqual([]);
      }),
    );
  });

  it('keeps one element per merge key and every live container the patch did not delete', () => {
    fc.assert(
      fc.property(pod, podPatch, (original, patch) => {
        const containers = patch.spec?.containers ?? [];
        if (containers.some((c) => '$patch' in c && c.$patch === 'replace')) return;
        const result = strategicMergePatch(deepFreeze(original), deepFreeze(patch as JsonObject), podMeta) as typeof original;
        const names = result.spec.containers.map((c) => c.name);
        expect(new Set(names).size).toBe(names.length);
        const deleted = containers.some((c) => '$patch' in c);
        for (const c of original.spec.containers) if (!(deleted && c.name === 'app')) expect(names).toContain(c.name);
      }),
    );
  });

  it('with no field knowledge and no directives, behaves as a JSON merge patch', () => {
    const value = fc.jsonValue({ maxDepth: 3 }).filter((v) => !JSON.stringify(v).includes('null') && !JSON.stringify(v).includes('$'));
    const obj = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.oneof(value, fc.constant(null)));
    fc.assert(
      fc.property(obj, obj, (original, patch) => {
        let smp: unknown;
        try {
          smp = strategicMergePatch(deepFreeze(original), deepFreeze(patch), NO_PATCH_META);
        } catch (e) {
          if (e instanceof StrategicMergeError) return; // e.g. lists of lists, which merge patch does not mind
          throw e;
        }
        expect(smp).toEqual(mergePatch(original, patch));
      }),
    );
  });
});
