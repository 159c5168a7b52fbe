// Real `kubectl exec` against the pods/exec WebSocket stream (remote command protocol v5), with
// a stand-in for the kubelet model's containers: output on the right streams, exit codes passed
// on, stdin delivered, and kube-apiserver's refusals before any stream opens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExecResult, ExecSource } from '../../src/apiserver/rest/pod-exec.js';
import { startTestCluster, type TestCluster } from './harness.js';
import { createNamespace, withManifest } from './kubectl-fixtures.js';

/** Containers named "up" run; the command's first word picks a canned behaviour. */
const containers: ExecSource = {
  running: (_namespace, _pod, container) => container === 'up',
  exec(namespace, pod, container, command, stdin): ExecResult | undefined {
    if (container !== 'up') return undefined;
    const [name, ...args] = command;
    if (name === 'echo') return { stdout: `${args.join(' ')}\n`, stderr: '', exitCode: 0 };
    if (name === 'whoami') return { stdout: `${namespace}/${pod}/${container}\n`, stderr: '', exitCode: 0 };
    if (name === 'cat') return { stdout: stdin ?? '', stderr: '', exitCode: 0 };
    return { stdout: '', stderr: `${name}: not found\n`, exitCode: 127 };
  },
};

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
  t.cluster.apiServer.ctx.exec = containers;
  await createNamespace(t, 'ex');
  const pod = (name: string, names: string[], nodeName?: string) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name },
    spec: { ...(nodeName ? { nodeName } : {}), containers: names.map((n) => ({ name: n, image: 'busybox' })) },
  });
  await withManifest(t, 'ex', ['create'], pod('one', ['up'], 'node-1'));
  await withManifest(t, 'ex', ['create'], pod('two', ['up', 'down'], 'node-1'));
  await withManifest(t, 'ex', ['create'], pod('unbound', ['up']));
});
afterAll(async () => {
  await t.stop();
});

describe('kubectl exec over the WebSocket stream', () => {
  it('prints the command output and exits 0', async () => {
    const r = await t.kubectl(['-n', 'ex', 'exec', 'one', '--', 'echo', 'hello', 'world']);
    expect(r).toMatchObject({ code: 0, stdout: 'hello world\n', stderr: '' });
  });

  it('runs in the named container', async () => {
    const r = await t.kubectl(['-n', 'ex', 'exec', 'two', '-c', 'up', '--', 'whoami']);
    expect(r.stdout).toBe('ex/two/up\n');
  });

  it('passes stderr and the exit code on', async () => {
    const r = await t.kubectl(['-n', 'ex', 'exec', 'one', '--', 'nosuch']);
    expect(r.code).toBe(127);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('nosuch: not found');
    expect(r.stderr).toContain('command terminated with exit code 127');
  });

  it('delivers stdin with -i', async () => {
    const r = await t.kubectl(['-n', 'ex', 'exec', '-i', 'one', '--', 'cat'], 'line one\nline two\n');
    expect(r).toMatchObject({ code: 0, stdout: 'line one\nline two\n' });
  });

  it('refuses as kube-apiserver does: unknown pod, unknown container, no node, a container not running', async () => {
    const missing = await t.kubectl(['-n', 'ex', 'exec', 'ghost', '--', 'echo']);
    expect(missing.stderr).toContain('pods "ghost" not found');
    const wrong = await t.kubectl(['-n', 'ex', 'exec', 'one', '-c', 'nope', '--', 'echo']);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('container nope is not valid for pod one');
    const unbound = await t.kubectl(['-n', 'ex', 'exec', 'unbound', '--', 'echo']);
    expect(unbound.stderr).toContain('pod unbound does not have a host assigned');
    const down = await t.kubectl(['-n', 'ex', 'exec', 'two', '-c', 'down', '--', 'echo']);
    expect(down.code).not.toBe(0);
    expect(down.stderr).toContain('container not found ("down")');
  });
});
