// Real kubectl against kubesim's simulated kubelet (one node, real clock): init containers,
// `kubectl logs -f`, CreateContainerConfigError and graceful deletion. The slow documented
// examples (liveness-exec and friends) are tested on a virtual clock in test/kubelet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './harness.js';
import { createNamespace, lines, ok, withManifest } from './kubectl-fixtures.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster({ nodes: 1 });
});
afterAll(async () => {
  await t.stop();
});

const pod = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec });

/** The STATUS column of `kubectl get pod`, polled until `want` matches (or 15 s pass). */
async function statusUntil(ns: string, name: string, want: RegExp): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < 150; i++) {
    const row = lines(await ok(t, ['-n', ns, 'get', 'pod', name, '--no-headers']))[0] ?? '';
    const status = row.split(/\s+/)[2] ?? '';
    if (seen.at(-1) !== status) seen.push(status);
    if (want.test(status)) return seen;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`pod ${name} never showed ${want}: saw ${seen.join(', ')}`);
}

describe('kubectl: the simulated kubelet', () => {
  it('shows init containers as Init:0/1, then Running', async () => {
    const ns = 'kl-init';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], pod('web', { initContainers: [{ name: 'setup', image: 'busybox', command: ['sh', '-c', 'sleep 2'] }], containers: [{ name: 'nginx', image: 'nginx:1.27' }] }));
    const seen = await statusUntil(ns, 'web', /^Running$/);
    expect(seen).toContain('Init:0/1');
    expect(seen.indexOf('Init:0/1')).toBeLessThan(seen.indexOf('Running'));
    expect(await ok(t, ['-n', ns, 'get', 'pod', 'web', '-o', 'jsonpath={.status.initContainerStatuses[0].state.terminated.reason}'])).toBe('Completed');
  });

  it('streams `kubectl logs -f` until the container exits', async () => {
    const ns = 'kl-logs';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], pod('talker', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo one; sleep 2; echo two'] }] }));
    await statusUntil(ns, 'talker', /^Running$/);
    const started = Date.now();
    const r = await t.kubectl(['-n', ns, 'logs', '-f', 'talker']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('one\ntwo\n');
    expect(Date.now() - started).toBeGreaterThan(500);
    expect(await ok(t, ['-n', ns, 'logs', 'talker', '--tail=1'])).toBe('two\n');
  });

  it('shows CreateContainerConfigError for a missing ConfigMap', async () => {
    const ns = 'kl-config';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], pod('needs-config', { containers: [{ name: 'c', image: 'nginx', envFrom: [{ configMapRef: { name: 'settings' } }] }] }));
    await statusUntil(ns, 'needs-config', /^CreateContainerConfigError$/);
    const described = await ok(t, ['-n', ns, 'describe', 'pod', 'needs-config']);
    expect(described).toContain('Error: configmap "settings" not found');
    // Starting once the ConfigMap exists (retried every 10 s) is tested on a virtual clock in test/kubelet.
  });

  it('waits for the grace period when deleting a pod whose `sleep` ignores SIGTERM', async () => {
    const ns = 'kl-grace';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], pod('sleeper', { terminationGracePeriodSeconds: 2, containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] }));
    await statusUntil(ns, 'sleeper', /^Running$/);
    const started = Date.now();
    const r = await t.kubectl(['-n', ns, 'delete', 'pod', 'sleeper']);
    expect(r.stdout).toBe('pod "sleeper" deleted\n');
    const took = Date.now() - started;
    expect(took).toBeGreaterThan(1800);
    expect(took).toBeLessThan(8000);
    expect((await t.kubectl(['-n', ns, 'get', 'pod', 'sleeper'])).stderr).toContain('NotFound');
  });
});
