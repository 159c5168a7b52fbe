import { describe, expect, it } from 'vitest';
import { StrategicMergeError } from '../../../src/api/patch/strategic-merge-errors.js';
import { strategicMergePatch } from '../../../src/api/patch/strategic-merge-patch.js';
import type { JsonObject } from '../../../src/api/patch/json-value.js';
import { deepFreeze, deploymentMeta, dig, podMeta } from './pod-patch-meta.js';

const smp = (original: JsonObject, patch: JsonObject, meta = deploymentMeta) => strategicMergePatch(deepFreeze(original), deepFreeze(patch), meta);

/** The Deployment of the docs page "Update API Objects in Place Using kubectl patch". */
const patchDemo = () => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'patch-demo' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'nginx' } },
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: {
        containers: [{ name: 'patch-demo-ctr', image: 'nginx' }],
        tolerations: [{ effect: 'NoSchedule', key: 'dedicated', value: 'test-team' }],
      },
    },
  },
});

const errorOf = (run: () => unknown): StrategicMergeError => {
  try {
    run();
  } catch (e) {
    if (e instanceof StrategicMergeError) return e;
    throw e;
  }
  throw new Error('expected a StrategicMergeError');
};

describe('strategic merge patch: the kubectl patch docs', () => {
  it('merges containers by name; the new container comes first, as kubectl shows', () => {
    const patched = smp(patchDemo(), { spec: { template: { spec: { containers: [{ name: 'patch-demo-ctr-2', image: 'redis' }] } } } });
    expect(dig(patched, 'spec.template.spec.containers')).toEqual([
      { name: 'patch-demo-ctr-2', image: 'redis' },
      { name: 'patch-demo-ctr', image: 'nginx' },
    ]);
    expect(dig(patched, 'spec.replicas')).toBe(2);
  });

  it('replaces tolerations, which have no patch strategy', () => {
    const patched = smp(patchDemo(), { spec: { template: { spec: { tolerations: [{ effect: 'NoSchedule', key: 'disktype', value: 'ssd' }] } } } });
    expect(dig(patched, 'spec.template.spec.tolerations')).toEqual([{ effect: 'NoSchedule', key: 'disktype', value: 'ssd' }]);
    expect(dig(patched, 'spec.template.spec.containers')).toEqual([{ name: 'patch-demo-ctr', image: 'nginx' }]);
  });

  it('clears keys not listed in $retainKeys (strategy Recreate drops rollingUpdate)', () => {
    const retainDemo = { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '30%' } } } };
    const withoutDirective = smp(retainDemo, { spec: { strategy: { type: 'Recreate' } } });
    expect(dig(withoutDirective, 'spec.strategy')).toEqual({ type: 'Recreate', rollingUpdate: { maxSurge: '30%' } });
    const patched = smp(retainDemo, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } });
    expect(dig(patched, 'spec.strategy')).toEqual({ type: 'Recreate' });
  });

  it('shares untouched subtrees with the original', () => {
    const original = deepFreeze(patchDemo());
    const patched = strategicMergePatch(original, { spec: { replicas: 3 } }, deploymentMeta);
    expect(dig(patched, 'spec.replicas')).toBe(3);
    expect(dig(patched, 'metadata')).toBe(original.metadata);
    expect(dig(patched, 'spec.template')).toBe(original.spec.template);
  });
});

describe('strategic merge patch: maps and nulls', () => {
  it('merges maps recursively and deletes with null', () => {
    const patched = smp({ metadata: { labels: { a: '1', b: '2' }, annotations: { x: 'y' } } }, { metadata: { labels: { b: null, c: '3' }, annotations: null } });
    expect(patched).toEqual({ metadata: { labels: { a: '1', c: '3' } } });
  });

  it('ignores nulls that delete nothing, also inside new values', () => {
    expect(smp({}, { a: null, b: { c: null, d: 1 } })).toEqual({ b: { d: 1 } });
  });

  it('$patch: replace takes the patch map as the whole value', () => {
    const patched = smp({ metadata: { labels: { a: '1', b: '2' } } }, { metadata: { labels: { $patch: 'replace', c: '3' } } });
    expect(patched).toEqual({ metadata: { labels: { c: '3' } } });
  });

  it('$patch: delete empties the map', () => {
    expect(smp({ metadata: { labels: { a: '1' } } }, { metadata: { labels: { $patch: 'delete' } } })).toEqual({ metadata: { labels: {} } });
  });

  it('$patch: merge on a map is refused, as apimachinery refuses it', () => {
    const e = errorOf(() => smp({ metadata: { labels: { a: '1' } } }, { metadata: { labels: { $patch: 'merge', b: '2' } } }));
    expect(e.failure).toBe('unknown');
    expect(e.message).toBe('unknown patch type: merge in map: map[$patch:merge b:2]');
  });
});

const pod = () => ({
  metadata: { name: 'p', finalizers: ['a', 'b'] },
  spec: {
    containers: [
      { name: 'app', image: 'app:1', ports: [{ containerPort: 80 }, { containerPort: 443 }], env: [{ name: 'A', value: '1' }] },
      { name: 'sidecar', image: 'side:1' },
    ],
    volumes: [{ name: 'data', emptyDir: {} }],
  },
});
const containersOf = (p: JsonObject) => dig(p, 'spec.containers') as { name: string }[];

describe('strategic merge patch: merged lists', () => {
  it('merges elements by key recursively, nested lists by their own keys', () => {
    const patched = smp(pod(), { spec: { containers: [{ name: 'app', image: 'app:2', ports: [{ containerPort: 8080 }], env: [{ name: 'A', value: '2' }] }] } }, podMeta);
    expect(containersOf(patched)[0]).toEqual({
      name: 'app',
      image: 'app:2',
      ports: [{ containerPort: 8080 }, { containerPort: 80 }, { containerPort: 443 }],
      env: [{ name: 'A', value: '2' }],
    });
    expect(containersOf(patched)[1]).toEqual({ name: 'sidecar', image: 'side:1' });
  });

  it('interleaves new elements with live ones the way mergeSortedSlice does', () => {
    const original = { spec: { containers: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] } };
    const patched = smp(original, { spec: { containers: [{ name: 'b', image: 'x' }, { name: 'd' }] } }, podMeta);
    expect(containersOf(patched).map((c) => c.name)).toEqual(['a', 'b', 'd', 'c']);
  });

  it('deletes an element with {name, $patch: delete}', () => {
    const patched = smp(pod(), { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } }, podMeta);
    expect(containersOf(patched).map((c) => c.name)).toEqual(['app']);
  });

  it('replaces the whole list with a {$patch: replace} element', () => {
    const patched = smp(pod(), { spec: { containers: [{ name: 'only', image: 'x' }, { $patch: 'replace' }] } }, podMeta);
    expect(containersOf(patched)).toEqual([{ name: 'only', image: 'x' }]);
  });

  it('refuses $patch: merge as a list element', () => {
    const e = errorOf(() => smp(pod(), { spec: { containers: [{ $patch: 'merge' }] } }, podMeta));
    expect(e.message).toBe('merging lists cannot yet be specified in the patch');
  });

  it('unions merged primitive lists, new values first', () => {
    expect(dig(smp(pod(), { metadata: { finalizers: ['c', 'a'] } }, podMeta), 'metadata.finalizers')).toEqual(['c', 'a', 'b']);
  });

  it('removes primitives listed in $deleteFromPrimitiveList/<field>', () => {
    const patched = smp(pod(), { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'] } }, podMeta);
    expect(dig(patched, 'metadata')).toEqual({ name: 'p', finalizers: ['b'] });
  });

  it('orders a merged list by $setElementOrder/<field>', () => {
    const patch = { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'new' }, { name: 'app' }], containers: [{ name: 'new', image: 'n' }] } };
    const patched = smp(pod(), patch, podMeta);
    expect(containersOf(patched).map((c) => c.name)).toEqual(['sidecar', 'new', 'app']);
    expect(Object.keys(dig(patched, 'spec') as object)).toEqual(['containers', 'volumes']);
  });

  it('orders primitives by $setElementOrder and deletes with the parallel list', () => {
    const patch = { metadata: { '$setElementOrder/finalizers': ['b', 'c'], finalizers: ['c'], '$deleteFromPrimitiveList/finalizers': ['a'] } };
    expect(dig(smp(pod(), patch, podMeta), 'metadata.finalizers')).toEqual(['b', 'c']);
  });

  it('honours $retainKeys inside merged list elements (volumes: merge,retainKeys)', () => {
    const patch = { spec: { volumes: [{ name: 'data', $retainKeys: ['name', 'hostPath'], hostPath: { path: '/d' } }] } };
    expect(dig(smp(pod(), patch, podMeta), 'spec.volumes')).toEqual([{ name: 'data', hostPath: { path: '/d' } }]);
  });

  it('replaces a list when nothing is known about the field', () => {
    const patched = smp({ spec: { containers: [{ name: 'a' }] } }, { spec: { containers: [{ name: 'b' }] } }, { field: () => undefined });
    expect(containersOf(patched)).toEqual([{ name: 'b' }]);
  });

  it('never leaves directive keys in the result', () => {
    const patch = {
      spec: {
        initContainers: [{ name: 'i', env: [{ name: 'X', $patch: 'delete' }], '$setElementOrder/env': [], $retainKeys: ['name'] }],
        containers: [{ name: 'new', ports: [{ containerPort: 1 }], '$setElementOrder/ports': [{ containerPort: 1 }] }],
      },
    };
    const text = JSON.stringify(smp(pod(), patch, podMeta));
    expect(text).not.toContain('$');
  });
});

describe('strategic merge patch: errors', () => {
  it('wants the merge key on every element', () => {
    const e = errorOf(() => smp(pod(), { spec: { containers: [{ image: 'x' }] } }, podMeta));
    expect(e).toMatchObject({ failure: 'unknown', message: 'map: map[image:x] does not contain declared merge key: name' });
  });

  it('answers 400 when the patch sets a key $retainKeys does not list', () => {
    const e = errorOf(() => smp(pod(), { spec: { volumes: [{ name: 'data', $retainKeys: ['name'], hostPath: {} }] } }, podMeta));
    expect(e).toMatchObject({ failure: 'badRequest', message: 'invalid patch format of retainKeys' });
  });

  it('answers 422 for lists of lists', () => {
    const e = errorOf(() => smp({ metadata: { finalizers: [['a']] } }, { metadata: { finalizers: [['b']] } }, podMeta));
    expect(e).toMatchObject({ failure: 'invalid', message: 'lists of lists are not supported' });
  });

  it('answers 400 for a malformed parallel list key', () => {
    const e = errorOf(() => smp(pod(), { metadata: { $deleteFromPrimitiveListfinalizers: ['a'] } }, podMeta));
    expect(e).toMatchObject({ failure: 'badRequest', message: 'invalid patch format of primitive list' });
  });

  it('checks the patch list follows $setElementOrder', () => {
    const patch = { spec: { '$setElementOrder/containers': [{ name: 'app' }], containers: [{ name: 'other' }] } };
    const e = errorOf(() => smp(pod(), patch, podMeta));
    expect(e.message).toContain("doesn't match $setElementOrder list");
  });
});
