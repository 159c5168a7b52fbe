// inspectObject is the one-walk form of typeMismatch + unknownFields: it must answer the same.
import { describe, expect, it } from 'vitest';
import { inspectObject } from '../../../src/api/schema/inspect.js';
import { typeMismatch } from '../../../src/api/schema/type-check.js';
import { unknownFields } from '../../../src/api/schema/unknown-fields.js';

const cases: [string, string, string, unknown][] = [
  ['apps', 'v1', 'Deployment', {
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: {
      containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, bogus: 1 }], env: [{ name: 'A', value: 5 }], resources: { requests: { cpu: '100m', memory: 64 } } }],
      volumes: [{ name: 'v', configMap: { name: 'x', defaultMode: 420 } }],
    } } },
    typo: true,
  }],
  ['', 'v1', 'ConfigMap', { metadata: { name: 'c', creationTimestamp: null }, data: { a: '1', b: 2 }, extra: {} }],
  ['', 'v1', 'Service', { metadata: { name: 's' }, spec: { ports: [{ port: '80', targetPort: 'http' }], selector: { a: 'b' } }, status: { loadBalancer: {} } }],
  ['', 'v1', 'Pod', { metadata: { name: 'p', ownerReferences: [{ apiVersion: 'v1', kind: 'X', name: 'n', uid: 'u', controller: 'yes' }] }, spec: { containers: [{ name: 'c', args: [true] }] } }],
];

describe('inspectObject', () => {
  it.each(cases)('%s/%s %s: the same mismatch and unknown fields as the separate walks', (group, version, kind, obj) => {
    const got = inspectObject(group, version, kind, obj);
    expect(got.mismatch).toBe(typeMismatch(group, version, kind, obj));
    expect(got.unknown).toEqual(unknownFields(group, version, kind, obj));
  });
});
