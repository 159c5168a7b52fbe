// Real kubectl against kubesim: `get --watch` streams and `kubectl wait`, with writes made while they run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KUBECTL, startTestCluster, type RunResult, type TestCluster } from './harness.js';
import { createNamespace, lines, ok, whileRunning, withManifest } from './kubectl-fixtures.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(async () => {
  await t.stop();
});

const cm = (name: string, data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });
const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });

/** Runs `kubectl get -w ...` for `seconds`, stopped by coreutils timeout (exit 124), with `during` run meanwhile. */
async function watchFor(seconds: number, args: readonly string[], during: () => Promise<void>): Promise<RunResult> {
  const running = t.run('timeout', ['-s', 'INT', String(seconds), KUBECTL, ...args]);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await during();
  return running;
}

const cells = (text: string): string[][] => lines(text).map((l) => l.trim().split(/\s+/));

describe.concurrent('kubectl get --watch', () => {
  it('prints the current rows, then one row per event', async () => {
    const ns = 'watch-table';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], cm('first', { a: '1' }));
    const r = await watchFor(3, ['-n', ns, 'get', 'configmaps', '-w'], async () => {
      await withManifest(t, ns, ['create'], cm('second', { a: '1', b: '2' }));
      await ok(t, ['-n', ns, 'patch', 'cm', 'second', '--type=merge', '-p', '{"data":{"c":"3"}}']);
      await ok(t, ['-n', ns, 'delete', 'cm', 'second']);
    });
    expect(r.stderr).toBe('');
    const rows = cells(r.stdout);
    expect(lines(r.stdout)[0]).toBe('NAME    DATA   AGE');
    expect(rows.map((c) => c.slice(0, 2))).toEqual([
      ['NAME', 'DATA'],
      ['first', '1'],
      ['second', '2'],
      ['second', '3'],
      ['second', '3'],
    ]);
    for (const row of rows.slice(1)) expect(row[2]).toMatch(/^\d+s$/);
  });

  it('names each event with --output-watch-events, and --watch-only skips the current rows', async () => {
    const ns = 'watch-events';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], cm('old', { a: '1' }));
    const r = await watchFor(3, ['-n', ns, 'get', 'cm', '--watch-only', '--output-watch-events'], async () => {
      await withManifest(t, ns, ['create'], cm('new', { a: '1' }));
      await ok(t, ['-n', ns, 'label', 'cm', 'new', 'x=y']);
      await ok(t, ['-n', ns, 'delete', 'cm', 'new']);
    });
    expect(r.stderr).toBe('');
    expect(cells(r.stdout).map((c) => c.slice(0, 3))).toEqual([
      ['EVENT', 'NAME', 'DATA'],
      ['ADDED', 'new', '1'],
      ['MODIFIED', 'new', '1'],
      ['DELETED', 'new', '1'],
    ]);
  });

  it('streams names with -o name and a label selector', async () => {
    const ns = 'watch-names';
    await createNamespace(t, ns);
    const r = await watchFor(3, ['-n', ns, 'get', 'pods', '-l', 'app=w', '-w', '-o', 'name'], async () => {
      await withManifest(t, ns, ['create'], { ...pod('skipped'), metadata: { name: 'skipped', labels: { app: 'other' } } });
      await withManifest(t, ns, ['create'], { ...pod('seen'), metadata: { name: 'seen', labels: { app: 'w' } } });
      await ok(t, ['-n', ns, 'patch', 'pod', 'seen', '--subresource=status', '--type=merge', '-p', '{"status":{"phase":"Running"}}']);
    });
    expect(r.stdout).toBe('pod/seen\npod/seen\n');
  });

  it('shows a pod moving from Pending to Running when its status is patched', async () => {
    const ns = 'watch-pods';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], pod('p'));
    const r = await watchFor(3, ['-n', ns, 'get', 'pods', '-w'], async () => {
      await ok(t, ['-n', ns, 'patch', 'pod', 'p', '--subresource=status', '--type=merge', '-p', '{"status":{"phase":"Running"}}']);
    });
    expect(lines(r.stdout)[0]).toBe('NAME   READY   STATUS    RESTARTS   AGE');
    expect(cells(r.stdout).map((c) => c.slice(0, 4))).toEqual([
      ['NAME', 'READY', 'STATUS', 'RESTARTS'],
      ['p', '0/1', 'Pending', '0'],
      ['p', '0/1', 'Running', '0'],
    ]);
  });

  it('watches one object by name', async () => {
    const ns = 'watch-one';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], cm('a', { k: 'v' }));
    await withManifest(t, ns, ['create'], cm('b', { k: 'v' }));
    const r = await watchFor(3, ['-n', ns, 'get', 'cm', 'a', '-w', '-o', 'jsonpath={.metadata.name}={.data.k}{"\\n"}'], async () => {
      await ok(t, ['-n', ns, 'patch', 'cm', 'b', '--type=merge', '-p', '{"data":{"k":"b2"}}']);
      await ok(t, ['-n', ns, 'patch', 'cm', 'a', '--type=merge', '-p', '{"data":{"k":"a2"}}']);
    });
    expect(r.stdout).toBe('a=v\na=a2\n');
  });
});

describe.concurrent('kubectl wait', () => {
  it('--for=delete returns once the object is gone', async () => {
    const ns = 'wait-delete';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], pod('d'));
    const r = await whileRunning(t, ['-n', ns, 'wait', '--for=delete', 'pod/d', '--timeout=10s'], async () => {
      await ok(t, ['-n', ns, 'delete', 'pod', 'd', '--wait=false']);
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('pod/d condition met\n');
    expect(r.code).toBe(0);
  });

  it('--for=delete of an object that is already gone succeeds silently', async () => {
    const r = await t.kubectl(['-n', 'default', 'wait', '--for=delete', 'configmap/never-was', '--timeout=2s']);
    expect(r).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('--for=jsonpath waits for a value set through the status subresource', async () => {
    const ns = 'wait-jsonpath';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], pod('j'));
    const r = await whileRunning(t, ['-n', ns, 'wait', '--for=jsonpath={.status.phase}=Running', 'pod/j', '--timeout=10s'], async () => {
      await ok(t, ['-n', ns, 'patch', 'pod', 'j', '--subresource=status', '--type=merge', '-p', '{"status":{"phase":"Running"}}']);
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('pod/j condition met\n');
  });

  it('--for=condition waits for a condition set by a status patch', async () => {
    const ns = 'wait-condition';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], pod('c'));
    const patch = JSON.stringify({ status: { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2024-01-01T00:00:00Z' }] } });
    const r = await whileRunning(t, ['-n', ns, 'wait', '--for=condition=Ready', 'pod/c', '--timeout=10s'], async () => {
      await ok(t, ['-n', ns, 'patch', 'pod', 'c', '--subresource=status', '--type=merge', '-p', patch]);
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('pod/c condition met\n');
    // Already true: returns at once; =false waits for the opposite and times out.
    expect(await ok(t, ['-n', ns, 'wait', '--for=condition=Ready', 'pod/c', '--timeout=1s'])).toBe('pod/c condition met\n');
    const notFalse = await t.kubectl(['-n', ns, 'wait', '--for=condition=Ready=false', 'pod/c', '--timeout=1s']);
    expect(notFalse.code).toBe(1);
    expect(notFalse.stderr).toBe('error: timed out waiting for the condition on pods/c\n');
  });

  it('--for=condition on a deployment whose status is patched', async () => {
    const ns = 'wait-deploy';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    });
    const patch = JSON.stringify({ status: { conditions: [{ type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'ok' }] } });
    const r = await whileRunning(t, ['-n', ns, 'wait', '--for=condition=Available', 'deployment/d', '--timeout=10s'], async () => {
      await ok(t, ['-n', ns, 'patch', 'deployment', 'd', '--subresource=status', '--type=merge', '-p', patch]);
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/d condition met\n');
  });

  it('--for=create returns once the object appears', async () => {
    const ns = 'wait-create';
    await createNamespace(t, ns);
    const r = await whileRunning(t, ['-n', ns, 'wait', '--for=create', 'configmap/later', '--timeout=10s'], async () => {
      await withManifest(t, ns, ['create'], cm('later', {}));
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('configmap/later condition met\n');
  });

  it('times out with the message kubectl prints against a real cluster', async () => {
    const ns = 'wait-timeout';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], pod('slow'));
    const r = await t.kubectl(['-n', ns, 'wait', '--for=condition=Ready', 'pod/slow', '--timeout=1s']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('error: timed out waiting for the condition on pods/slow\n');
    const missing = await t.kubectl(['-n', ns, 'wait', '--for=condition=Ready', 'pod/none', '--timeout=1s']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('Error from server (NotFound): pods "none" not found\n');
  });
});
