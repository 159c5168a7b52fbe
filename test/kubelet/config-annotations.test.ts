import { afterEach, describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { ContainerStatus, Pod, PodSpec } from '../../src/api/types/pod.js';
import { CONFIGMAPS, PODS, SECRETS } from '../../src/client/resources.js';
import { containerScript, parseDuration } from '../../src/kubelet/runtime/annotations.js';
import { startKubelet, type KubeletHarness } from './harness.js';

let h: KubeletHarness;
afterEach(async () => {
  await h?.close();
});

const main = async (name: string): Promise<ContainerStatus | undefined> => (await h.pod(name))?.status?.containerStatuses?.[0];

async function runAnnotated(name: string, annotations: Record<string, string>, spec: PodSpec): Promise<void> {
  await h.client.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', annotations }, spec } as Frozen<Pod>);
  await h.client.createSubresource(PODS, 'default', name, 'binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { kind: 'Node', name: 'node-1' } });
}

const configMap = (name: string, data: Record<string, string>) => h.client.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data } as never);

describe('ConfigMaps, Secrets and volumes', () => {
  it('gives CreateContainerConfigError for a missing ConfigMap in env, and starts once it exists', async () => {
    h = await startKubelet();
    await h.run('env', { containers: [{ name: 'c', image: 'nginx', env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'mode' } } }] }] });
    await h.until(async () => (await main('env'))?.state?.waiting?.reason === 'CreateContainerConfigError', 'config error');
    expect((await main('env'))!.state!.waiting!.message).toBe('configmap "settings" not found');
    expect(await h.events('env')).toContain('Failed: Error: configmap "settings" not found');
    await configMap('settings', { other: 'x' });
    await h.until(async () => (await main('env'))?.state?.waiting?.message === "couldn't find key mode in ConfigMap default/settings", 'missing key', 500);
    await h.client.delete(CONFIGMAPS, 'default', 'settings');
    await configMap('settings', { mode: 'fast' });
    await h.until(async () => (await main('env'))?.ready === true, 'ready', 500);
  });

  it('reports secret "x" not found for envFrom, and skips optional references', async () => {
    h = await startKubelet();
    await h.run('sec', { containers: [{ name: 'c', image: 'nginx', envFrom: [{ secretRef: { name: 'creds' } }, { configMapRef: { name: 'opt', optional: true } }] }] });
    await h.until(async () => (await main('sec'))?.state?.waiting?.message === 'secret "creds" not found', 'secret error');
  });

  it('keeps a pod with a missing ConfigMap volume in ContainerCreating with FailedMount, then mounts its files', async () => {
    h = await startKubelet();
    await h.run('vol', {
      volumes: [{ name: 'cfg', configMap: { name: 'app-config' } }, { name: 'pw', secret: { secretName: 'pw' } }, { name: 'info', downwardAPI: { items: [{ path: 'name', fieldRef: { fieldPath: 'metadata.name' } }] } }],
      containers: [
        {
          name: 'c',
          image: 'nginx',
          volumeMounts: [
            { name: 'cfg', mountPath: '/etc/app' },
            { name: 'pw', mountPath: '/etc/pw' },
            { name: 'info', mountPath: '/etc/podinfo' },
          ],
          readinessProbe: { exec: { command: ['sh', '-c', 'grep -q debug /etc/app/level && grep -q hunter2 /etc/pw/password && grep -q vol /etc/podinfo/name'] }, periodSeconds: 1 },
        },
      ],
    });
    await h.clock.advance(2000);
    expect((await main('vol'))!.state!.waiting!.reason).toBe('ContainerCreating');
    expect(await h.events('vol')).toContain('FailedMount: MountVolume.SetUp failed for volume "cfg" : configmap "app-config" not found');
    await configMap('app-config', { level: 'debug' });
    await h.until(async () => (await h.events('vol')).includes('FailedMount: MountVolume.SetUp failed for volume "pw" : secret "pw" not found'), 'secret mount error', 500);
    await h.client.create(SECRETS, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'pw', namespace: 'default' }, data: { password: Buffer.from('hunter2').toString('base64') } } as never);
    await h.until(async () => (await main('vol'))?.ready === true, 'ready with files', 500);
  });
});

describe('annotations that script containers', () => {
  it('parses durations and per-container values', () => {
    expect(parseDuration('1m30s')).toBe(90_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('30')).toBe(30_000);
    expect(parseDuration('soon')).toBeUndefined();
    const s = containerScript({ 'kubesim.io/crash-after': 'web=10s,side=1m', 'kubesim.io/exit-code': '3', 'kubesim.io/memory-usage': '64Mi' }, 'side');
    expect(s).toMatchObject({ crashAfterMs: 60_000, exitCode: 3, memoryUsage: 64 * 1024 * 1024 });
  });

  it('crashes after kubesim.io/crash-after with kubesim.io/exit-code', async () => {
    h = await startKubelet();
    await runAnnotated('crashy', { 'kubesim.io/crash-after': '30s', 'kubesim.io/exit-code': '3' }, { containers: [{ name: 'c', image: 'nginx' }] });
    await h.until(async () => ((await main('crashy'))?.restartCount ?? 0) >= 1, 'restarted', 1000);
    expect((await main('crashy'))!.lastState!.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
  });

  it('is OOMKilled with exit code 137 when memory grows to the limit', async () => {
    h = await startKubelet();
    await runAnnotated('leak', { 'kubesim.io/memory-usage': '64Mi', 'kubesim.io/memory-growth': '16Mi/s' }, { restartPolicy: 'Never', containers: [{ name: 'c', image: 'nginx', resources: { limits: { memory: '128Mi' } } }] });
    await h.until(async () => (await h.pod('leak'))?.status?.phase === 'Failed', 'Failed', 500);
    const t = (await main('leak'))!.state!.terminated!;
    expect(t).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(Date.parse(t.finishedAt!) - Date.parse(t.startedAt!)).toBe(4000);
  });

  it('fails probes after kubesim.io/probe-fail-after: readiness drops, liveness restarts', async () => {
    h = await startKubelet();
    const probe = { httpGet: { path: '/', port: 80 }, periodSeconds: 5 };
    await runAnnotated('tired', { 'kubesim.io/probe-fail-after': '1m' }, { containers: [{ name: 'c', image: 'nginx', livenessProbe: { ...probe, failureThreshold: 3 } }] });
    await h.until(async () => (await main('tired'))?.ready === true, 'ready');
    await h.until(async () => ((await main('tired'))?.restartCount ?? 0) >= 1, 'restarted', 1000);
    const events = await h.events('tired');
    expect(events).toContain('Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(events).toContain('Killing: Container c failed liveness probe, will be restarted');
  });

  it('restarts the liveness-exec example of the documentation after about 35 seconds', async () => {
    h = await startKubelet();
    await h.run('liveness-exec', {
      containers: [
        {
          name: 'liveness',
          image: 'registry.k8s.io/busybox',
          args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
          livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
        },
      ],
    });
    await h.until(async () => (await main('liveness-exec'))?.state?.running !== undefined, 'running');
    const startedAt = h.clock.now();
    // As the page says: failures from about 35 s, then the kill; the shell ignores SIGTERM, so
    // the restart comes when the 30 s grace period ends.
    await h.until(async () => (await h.events('liveness-exec')).some((e) => e.startsWith('Killing:')), 'killed', 500);
    const killedAfter = (h.clock.now() - startedAt) / 1000;
    expect(killedAfter).toBeGreaterThan(34);
    expect(killedAfter).toBeLessThan(50);
    await h.until(async () => ((await main('liveness-exec'))?.restartCount ?? 0) >= 1, 'restarted', 500);
    expect((h.clock.now() - startedAt) / 1000).toBeLessThan(killedAfter + 31);
    expect(await h.events('liveness-exec')).toContain("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
  });
});
