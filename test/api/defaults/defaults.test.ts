import { describe, expect, it } from 'vitest';
import { defaultDeployment } from '../../../src/api/defaults/deployment.js';
import { defaultEndpointSlice } from '../../../src/api/defaults/endpointslice.js';
import { defaultEndpoints } from '../../../src/api/defaults/endpoints.js';
import { defaultNamespace, prepareNamespaceForCreate } from '../../../src/api/defaults/namespace.js';
import { defaultNode } from '../../../src/api/defaults/node.js';
import { defaultSecret } from '../../../src/api/defaults/secret.js';
import type { Deployment } from '../../../src/api/types/deployment.js';
import type { Namespace } from '../../../src/api/types/namespace.js';
import type { Secret } from '../../../src/api/types/secret.js';

describe('defaults', () => {
  it('deployment: replicas, RollingUpdate 25%/25%, history 10, deadline 600', () => {
    const d: Deployment = { metadata: {}, spec: { selector: {} } };
    defaultDeployment(d);
    expect(d.spec).toEqual({
      selector: {},
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    const r: Deployment = { metadata: {}, spec: { selector: {}, strategy: { type: 'Recreate' } } };
    defaultDeployment(r);
    expect(r.spec?.strategy).toEqual({ type: 'Recreate' });
  });
  it('namespace: name label, Active, kubernetes finalizer on create', () => {
    const ns: Namespace = { metadata: { name: 'team' } };
    defaultNamespace(ns);
    prepareNamespaceForCreate(ns);
    expect(ns).toEqual({
      metadata: { name: 'team', labels: { 'kubernetes.io/metadata.name': 'team' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });
  it('secret: stringData folds into data; type Opaque', () => {
    const s: Secret = { metadata: {}, data: { a: 'eA==' }, stringData: { b: 'hi' } };
    defaultSecret(s);
    expect(s).toEqual({ metadata: {}, data: { a: 'eA==', b: 'aGk=' }, type: 'Opaque' });
  });
  it('ports default to TCP; node allocatable from capacity', () => {
    const ep = { metadata: {}, subsets: [{ ports: [{ port: 80 }] }] };
    defaultEndpoints(ep);
    expect(ep.subsets[0].ports[0]).toEqual({ port: 80, protocol: 'TCP' });
    const slice = { metadata: {}, addressType: 'IPv4' as const, endpoints: [], ports: [{ port: 80 }] };
    defaultEndpointSlice(slice);
    expect(slice.ports[0]).toEqual({ port: 80, name: '', protocol: 'TCP' });
    const node = { metadata: {}, status: { capacity: { cpu: '4' } } };
    defaultNode(node);
    expect(node.status).toEqual({ capacity: { cpu: '4' }, allocatable: { cpu: '4' } });
  });
});
