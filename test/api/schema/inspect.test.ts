// inspectObject: one walk finds the first ill-typed value (Go's decode error) and every unknown
// field (strict decoding's paths); typeMismatch and unknownFields are its two halves.
import { describe, expect, it } from 'vitest';
import { inspectObject } from '../../../src/api/schema/inspect.js';
import { typeMismatch } from '../../../src/api/schema/type-check.js';
import { unknownFields } from '../../../src/api/schema/unknown-fields.js';

const cases: [string, string, string, unknown, string | undefined, string[]][] = [
  ['apps', 'v1', 'Deployment', {
    metadata: { name: 'web', labels: { app: 'web' } },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: {
      containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, bogus: 1 }], env: [{ name: 'A', value: 5 }], resources: { requests: { cpu: '100m', memory: 64 } } }],
      volumes: [{ name: 'v', configMap: { name: 'x', defaultMode: 420 } }],
    } } },
    typo: true,
  }, 'json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string', ['spec.template.spec.containers[0].ports[0].bogus', 'typo']],
  ['', 'v1', 'ConfigMap', { metadata: { name: 'c', creationTimestamp: null }, data: { a: '1', b: 2 }, extra: {} }, 'json: cannot unmarshal number into Go struct field ConfigMap.data of type string', ['extra']],
  ['', 'v1', 'Service', { metadata: { name: 's' }, spec: { ports: [{ port: '80', targetPort: 'http' }], selector: { a: 'b' } }, status: { loadBalancer: {} } }, 'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32', []],
  ['', 'v1', 'Pod', { metadata: { name: 'p', ownerReferences: [{ apiVersion: 'v1', kind: 'X', name: 'n', uid: 'u', controller: 'yes' }] }, spec: { containers: [{ name: 'c', args: [true] }] } }, 'json: cannot unmarshal string into Go struct field OwnerReference.metadata.ownerReferences.controller of type bool', []],
];

describe('inspectObject', () => {
  it.each(cases)('%s/%s %s: the first mismatch and every unknown field', (group, version, kind, obj, mismatch, unknown) => {
    const got = inspectObject(group, version, kind, obj);
    expect(got.mismatch).toBe(mismatch);
    expect(got.unknown).toEqual(unknown);
    expect(typeMismatch(group, version, kind, obj)).toBe(got.mismatch);
    expect(unknownFields(group, version, kind, obj)).toEqual(got.unknown);
  });
});
