import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createManagedFields } from '../../../src/apiserver/fieldmanager/create-shape.js';
import { updateManagedFields } from '../../../src/apiserver/fieldmanager/update.js';

const T0 = '2024-01-01T00:00:00Z';
const T1 = '2024-01-01T00:00:05Z';

// Pods drawn from few names and values, so that shapes repeat and the memory is exercised,
// with list keys (container names, ports), set values (finalizers) and plain values varying.
const pod = fc.record({
  labels: fc.dictionary(fc.constantFrom('app', 'tier', 'x'), fc.constantFrom('a', 'b')),
  finalizers: fc.option(fc.uniqueArray(fc.constantFrom('f/one', 'f/two'), { maxLength: 2 }), { nil: undefined }),
  containers: fc.uniqueArray(
    fc.record({
      name: fc.constantFrom('app', 'side'),
      image: fc.constantFrom('nginx', 'redis'),
      ports: fc.option(fc.uniqueArray(fc.record({ containerPort: fc.constantFrom(80, 443), protocol: fc.constantFrom('TCP', 'UDP') }), { maxLength: 2, selector: (p) => `${p.containerPort}/${p.protocol}` }), { nil: undefined }),
      args: fc.option(fc.array(fc.constantFrom('-v', '--x'), { maxLength: 2 }), { nil: undefined }),
      resources: fc.option(fc.record({ requests: fc.record({ cpu: fc.constantFrom('1', '100m') }) }), { nil: undefined }),
    }),
    { minLength: 1, maxLength: 2, selector: (c) => c.name },
  ),
  nodeName: fc.option(fc.constantFrom('n1', 'n2'), { nil: undefined }),
});

type Drawn = typeof pod extends fc.Arbitrary<infer T> ? T : never;

const objectOf = ({ labels, finalizers, containers, nodeName }: Drawn, i: number) => {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `p-${i}`, namespace: 'default', uid: `u-${i}`, creationTimestamp: T0, labels, ...(finalizers ? { finalizers } : {}) },
    spec: { containers, ...(nodeName ? { nodeName } : {}) },
  };
};

describe('createManagedFields', () => {
  it('gives every create the entries the field manager computes for it afresh', () => {
    fc.assert(
      fc.property(fc.array(pod, { minLength: 1, maxLength: 30 }), fc.constantFrom('kubectl-create', 'replicaset-controller'), (pods, manager) => {
        pods.forEach((p, i) => {
          const next = objectOf(p, i);
          const args = { group: '', version: 'v1', kind: 'Pod', subresource: '', next, manager, now: i % 2 ? T1 : T0 };
          const fresh = updateManagedFields({ ...args, prev: undefined });
          const viaShape = createManagedFields(args, () => updateManagedFields({ ...args, prev: undefined }));
          expect(JSON.stringify(viaShape)).toBe(JSON.stringify(fresh));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('tells apart objects whose list items are named differently', () => {
    const make = (name: string, i: number) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `q-${i}`, namespace: 'default' }, spec: { containers: [{ name, image: 'nginx' }] } });
    for (const [i, name] of ['web', 'db', 'web'].entries()) {
      const args = { group: '', version: 'v1', kind: 'Pod', subresource: '', next: make(name, i), manager: 'm', now: T0 };
      const entries = createManagedFields(args, () => updateManagedFields({ ...args, prev: undefined }));
      expect(JSON.stringify(entries[0].fieldsV1)).toContain(`k:{\\"name\\":\\"${name}\\"}`);
    }
  });

  it('is not misled by a created object that changes afterwards, as the store stamps resourceVersion', () => {
    const make = (i: number) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `r-${i}`, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    const first = make(0);
    const args = (next: object) => ({ group: '', version: 'v1', kind: 'Pod', subresource: '', next, manager: 'm', now: T0 });
    createManagedFields(args(first), () => updateManagedFields({ ...args(first), prev: undefined }));
    Object.assign(first.metadata, { resourceVersion: '7', labels: { late: 'yes' } });
    first.spec.containers.push({ name: 'd', image: 'redis' });
    const second = make(1);
    let computed = 0;
    const entries = createManagedFields(args(second), () => {
      computed++;
      return updateManagedFields({ ...args(second), prev: undefined });
    });
    expect(computed).toBe(0);
    expect(JSON.stringify(entries)).toBe(JSON.stringify(updateManagedFields({ ...args(second), prev: undefined })));
  });
});
