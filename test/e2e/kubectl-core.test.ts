// Real kubectl against kubesim: discovery, reads, writes and errors as a user sees them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './harness.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(async () => {
  await t.stop();
});

describe('kubectl: discovery', () => {
  it('reports the server version', async () => {
    const r = await t.kubectl(['version', '-o', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).serverVersion).toMatchObject({ major: '1', minor: '32' });
  });

  it('lists the served resources with their short names', async () => {
    const r = await t.kubectl(['api-resources', '-o', 'name']);
    expect(r.code).toBe(0);
    const names = r.stdout.trim().split('\n');
    for (const n of ['pods', 'services', 'configmaps', 'secrets', 'namespaces', 'nodes', 'events', 'endpoints', 'serviceaccounts', 'deployments.apps', 'replicasets.apps', 'leases.coordination.k8s.io', 'endpointslices.discovery.k8s.io', 'events.events.k8s.io']) {
      expect(names).toContain(n);
    }
    const wide = await t.kubectl(['api-resources']);
    expect(wide.stdout).toMatch(/^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    expect(wide.stdout).toMatch(/^pods\s+po\s+v1\s+true\s+Pod$/m);
  });

  it('has the system namespaces from the start', async () => {
    const r = await t.kubectl(['get', 'namespaces', '-o', 'name']);
    expect(r.stdout.trim().split('\n')).toEqual(['namespace/default', 'namespace/kube-node-lease', 'namespace/kube-public', 'namespace/kube-system']);
  });
});

describe('kubectl: errors', () => {
  it('says NotFound as kube-apiserver does', async () => {
    const r = await t.kubectl(['-n', 'default', 'get', 'configmap', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('Error from server (NotFound): configmaps "nope" not found');
  });

  it('says NotFound for a missing namespace', async () => {
    const r = await t.kubectl(['get', 'namespace', 'nope']);
    expect(r.stderr.trim()).toBe('Error from server (NotFound): namespaces "nope" not found');
  });
});
