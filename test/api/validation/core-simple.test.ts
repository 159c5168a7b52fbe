import { describe, expect, it } from 'vitest';
import { validateConfigMap, validateConfigMapUpdate } from '../../../src/api/validation/configmap.js';
import { base64DecodeError, validateSecret, validateSecretUpdate } from '../../../src/api/validation/secret.js';
import { validateNamespace, validateNamespaceStatusUpdate } from '../../../src/api/validation/namespace.js';
import { validateNode } from '../../../src/api/validation/node.js';
import { validateEndpoints } from '../../../src/api/validation/endpoints.js';
import { validateServiceAccount } from '../../../src/api/validation/serviceaccount.js';
import { texts } from './helpers.js';

const meta = { name: 'x', namespace: 'default', resourceVersion: '1' };

describe('configmaps', () => {
  it('checks keys and data/binaryData overlap', () => {
    expect(texts(validateConfigMap({ metadata: meta, data: { 'a b': '1', k: 'v' }, binaryData: { k: 'AA==' } }))).toEqual([
      `data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
      'data[k]: Invalid value: "k": duplicate of key present in binaryData',
    ]);
  });
  it('limits the total size to 1 MiB', () => {
    const errs = validateConfigMap({ metadata: meta, data: { a: 'x'.repeat(1024 * 1024 + 1) } });
    expect(errs.map((e) => [e.type, e.field])).toEqual([['FieldValueTooLong', '']]);
  });
  it('immutable configmaps keep their data', () => {
    const prev = { metadata: meta, immutable: true, data: { a: '1' } };
    expect(texts(validateConfigMapUpdate({ ...prev, immutable: false, data: { a: '2' } }, prev))).toEqual([
      'immutable: Forbidden: field is immutable when `immutable` is set',
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
  });
});

describe('secrets', () => {
  it('type-specific required keys', () => {
    expect(texts(validateSecret({ metadata: meta, type: 'kubernetes.io/tls', data: {} }))).toEqual([
      'data[tls.crt]: Required value',
      'data[tls.key]: Required value',
    ]);
    expect(texts(validateSecret({ metadata: meta, type: 'kubernetes.io/basic-auth' }))).toEqual([
      'data[username]: Required value',
      'data[password]: Required value',
    ]);
    expect(texts(validateSecret({ metadata: meta, type: 'kubernetes.io/service-account-token' }))).toEqual([
      'metadata.annotations[kubernetes.io/service-account.name]: Required value',
    ]);
    expect(texts(validateSecret({ metadata: meta, type: 'kubernetes.io/ssh-auth', data: { 'ssh-privatekey': 'eA==' } }))).toEqual([]);
  });
  it('dockerconfigjson must hold JSON', () => {
    const data = { '.dockerconfigjson': Buffer.from('{nope').toString('base64') };
    const [err] = validateSecret({ metadata: meta, type: 'kubernetes.io/dockerconfigjson', data });
    expect(err.field).toBe('data[.dockerconfigjson]');
    expect(err.badValue).toBe('<secret contents redacted>');
  });
  it('type is immutable', () => {
    const prev = { metadata: meta, type: 'Opaque' };
    expect(texts(validateSecretUpdate({ ...prev, type: 'kubernetes.io/tls', data: { 'tls.crt': '', 'tls.key': '' } }, prev))).toEqual([
      'type: Invalid value: "kubernetes.io/tls": field is immutable',
    ]);
  });
  it('reports bad base64 the way Go decoding does', () => {
    expect(base64DecodeError('aGVsbG8=')).toBeUndefined();
    expect(base64DecodeError('abc')).toBe('illegal base64 data at input byte 0');
    expect(base64DecodeError('ab!d')).toBe('illegal base64 data at input byte 2');
    expect(base64DecodeError('abcdabc')).toBe('illegal base64 data at input byte 4');
  });
});

describe('namespaces, nodes, endpoints, serviceaccounts', () => {
  it('namespace names are DNS-1123 labels, cluster-scoped', () => {
    expect(texts(validateNamespace({ metadata: { name: 'a.b' } }))).toEqual(['metadata.name: Invalid value: "a.b": must not contain dots']);
    expect(texts(validateNamespace({ metadata: { name: 'a' }, spec: { finalizers: ['foo'] } }))).toEqual([
      'spec.finalizers: Invalid value: "foo": name is neither a standard finalizer name nor is it fully qualified',
    ]);
  });
  it('namespace phase follows deletion', () => {
    const prev = { metadata: { name: 'a', resourceVersion: '1' }, status: { phase: 'Active' as const } };
    expect(texts(validateNamespaceStatusUpdate({ ...prev, status: { phase: 'Terminating' } }, prev))).toEqual([
      `status.Phase: Invalid value: "Terminating": may only be 'Active' if \`deletionTimestamp\` is empty`,
    ]);
  });
  it('node taints', () => {
    const node = {
      metadata: { name: 'n1' },
      spec: { taints: [{ key: 'k', effect: 'NoSchedule' as const }, { key: 'k', effect: 'NoSchedule' as const }, { key: 'j', effect: 'Bad' as never }] },
    };
    const t = texts(validateNode(node));
    expect(t[0]).toMatch(/^metadata\.taints\[1\]: Duplicate value: .*: taints must be unique by key and effect pair$/);
    expect(t[1]).toBe('metadata.taints[2].effect: Unsupported value: "Bad": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"');
  });
  it('endpoints addresses and ports', () => {
    const ep = { metadata: meta, subsets: [{ addresses: [{ ip: '127.0.0.1' }], ports: [{ port: 80 }, { port: 81, name: 'b' }] }, {}] };
    expect(texts(validateEndpoints(ep))).toEqual([
      'subsets[0].addresses[0].ip: Invalid value: "127.0.0.1": may not be in the loopback range (127.0.0.0/8, ::1/128)',
      'subsets[0].ports[0].name: Required value',
      'subsets[0].ports[0].protocol: Required value',
      'subsets[0].ports[1].protocol: Required value',
      'subsets[1]: Required value: must specify `addresses` or `notReadyAddresses`',
    ]);
  });
  it('serviceaccount names are subdomains', () => {
    expect(validateServiceAccount({ metadata: { ...meta, name: 'a.b' } })).toEqual([]);
  });
});
