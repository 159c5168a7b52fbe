// Real `kubectl exec` into the kubelet model's containers: commands see and change the
// container's small file system (so a liveness probe sees what exec left), volumes are there,
// stderr and exit codes come back as from a real container.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './harness.js';
import { createNamespace, ok, withManifest } from './kubectl-fixtures.js';

let t: TestCluster;
const NS = 'exec';
beforeAll(async () => {
  t = await startTestCluster({ nodes: 1 });
  await createNamespace(t, NS);
  await withManifest(t, NS, ['create'], { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { mode: 'fast' } });
  await withManifest(t, NS, ['create'], {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'box' },
    spec: {
      containers: [
        {
          name: 'main',
          image: 'busybox',
          command: ['sh', '-c', 'touch /tmp/healthy; sleep 600'],
          volumeMounts: [{ name: 'config', mountPath: '/etc/config' }],
        },
      ],
      volumes: [{ name: 'config', configMap: { name: 'settings' } }],
    },
  });
  for (let i = 0; i < 150; i++) {
    if ((await ok(t, ['-n', NS, 'get', 'pod', 'box', '-o', 'jsonpath={.status.phase}'])) === 'Running') break;
    await new Promise((r) => setTimeout(r, 100));
  }
});
afterAll(async () => {
  await t.stop();
});

describe('kubectl exec into a simulated container', () => {
  it('reads the files the container made and its volumes', async () => {
    expect(await t.kubectl(['-n', NS, 'exec', 'box', '--', 'test', '-f', '/tmp/healthy'])).toMatchObject({ code: 0 });
    expect(await t.kubectl(['-n', NS, 'exec', 'box', '--', 'cat', '/etc/config/mode'])).toMatchObject({ code: 0, stdout: 'fast\n' });
  });

  it('changes the container file system for later commands', async () => {
    expect((await t.kubectl(['-n', NS, 'exec', 'box', '--', 'sh', '-c', 'echo hello > /tmp/greeting; rm /tmp/healthy'])).code).toBe(0);
    expect(await t.kubectl(['-n', NS, 'exec', 'box', '--', 'cat', '/tmp/greeting'])).toMatchObject({ code: 0, stdout: 'hello\n' });
    const gone = await t.kubectl(['-n', NS, 'exec', 'box', '--', 'cat', '/tmp/healthy']);
    expect(gone.code).toBe(1);
    expect(gone.stdout).toBe('');
    expect(gone.stderr).toContain("cat: can't open '/tmp/healthy': No such file or directory");
    expect(gone.stderr).toContain('command terminated with exit code 1');
  });

  it('takes stdin with -i', async () => {
    expect(await t.kubectl(['-n', NS, 'exec', '-i', 'box', '--', 'cat'], 'piped\n')).toMatchObject({ code: 0, stdout: 'piped\n' });
  });

  it('answers an unknown program as the runtime does', async () => {
    const r = await t.kubectl(['-n', NS, 'exec', 'box', '--', 'nosuchtool']);
    expect(r.code).toBe(126);
    expect(r.stderr).toContain('exec: "nosuchtool": executable file not found in $PATH');
  });
});
