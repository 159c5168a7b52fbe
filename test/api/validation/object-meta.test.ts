import { describe, expect, it } from 'vitest';
import { fieldErrorText } from '../../../src/api/field-errors.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../../src/api/validation/object-meta.js';
import { nameIsDNSSubdomain } from '../../../src/api/validation/names.js';

const texts = (errs: { field: string }[]) => errs.map((e) => fieldErrorText(e as never));
const ns = { namespaced: true, validateName: nameIsDNSSubdomain };

describe('validateObjectMeta', () => {
  it('accepts a plain namespaced name', () => {
    expect(validateObjectMeta({ name: 'web', namespace: 'default' }, ns)).toEqual([]);
  });
  it('requires a name and a namespace', () => {
    expect(texts(validateObjectMeta({}, ns))).toEqual([
      'metadata.name: Required value: name or generateName is required',
      'metadata.namespace: Required value',
    ]);
  });
  it('rejects a bad name with the exact message', () => {
    expect(texts(validateObjectMeta({ name: 'Bad_Name', namespace: 'default' }, ns))).toEqual([
      `metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    ]);
  });
  it('forbids a namespace on cluster-scoped kinds', () => {
    expect(texts(validateObjectMeta({ name: 'n1', namespace: 'x' }, { ...ns, namespaced: false }))).toEqual([
      'metadata.namespace: Forbidden: not allowed on this type',
    ]);
  });
  it('checks labels, annotations, owners and finalizers', () => {
    const errs = validateObjectMeta(
      {
        name: 'a',
        namespace: 'd',
        labels: { 'bad key!': 'ok' },
        annotations: { big: 'x'.repeat(256 * 1024) },
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'r1', uid: 'u1', controller: true },
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'r2', uid: 'u2', controller: true },
          { apiVersion: '', kind: '', name: '', uid: '' },
        ],
        finalizers: ['orphan', 'foregroundDeletion'],
      },
      ns,
    );
    const t = texts(errs);
    expect(t[0]).toMatch(/^metadata\.labels: Invalid value: "bad key!": name part must consist of/);
    expect(t).toContain('metadata.annotations: Too long: must have at most 262144 bytes');
    expect(t.some((s) => s.includes('Only one reference can have Controller set to true. Found "true" in references for ReplicaSet/r1 and ReplicaSet/r2'))).toBe(true);
    expect(t).toContain('metadata.ownerReferences.apiVersion: Invalid value: "": version must not be empty');
    expect(t).toContain('metadata.ownerReferences.uid: Invalid value: "": must not be empty');
    expect(t.some((s) => s.endsWith('finalizer orphan and foregroundDeletion cannot be both set'))).toBe(true);
  });
});

describe('validateObjectMetaUpdate', () => {
  const prev = { name: 'a', namespace: 'd', uid: 'u1', resourceVersion: '5', creationTimestamp: '2024-01-01T00:00:00Z' };
  it('accepts an unchanged identity', () => {
    expect(validateObjectMetaUpdate({ ...prev }, prev)).toEqual([]);
  });
  it('freezes name, namespace and uid', () => {
    expect(texts(validateObjectMetaUpdate({ ...prev, name: 'b', uid: 'u2' }, prev))).toEqual([
      'metadata.name: Invalid value: "b": field is immutable',
      'metadata.uid: Invalid value: "u2": field is immutable',
    ]);
  });
  it('needs a resourceVersion and forbids new finalizers while deleting', () => {
    const deleting = { ...prev, deletionTimestamp: '2024-01-02T00:00:00Z', finalizers: ['example.com/a'] };
    expect(texts(validateObjectMetaUpdate({ ...deleting, resourceVersion: '', finalizers: ['example.com/a', 'example.com/b'] }, deleting))).toEqual([
      'metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/b"}',
      'metadata.resourceVersion: Invalid value: "": must be specified for an update',
    ]);
  });
});
