import { afterEach, describe, expect, it } from 'vitest';
import type { ContainerStatus } from '../../src/api/types/pod.js';
import { PODS } from '../../src/client/resources.js';
import { startKubelet, type KubeletHarness } from './harness.js';

let h: KubeletHarness;
afterEach(async () => {
  await h?.close();
});

const status0 = async (name: string): Promise<ContainerStatus | undefined> => (await h.pod(name))?.status?.containerStatuses?.[0];

describe('pod lifecycle', () => {
  it('takes a pod to Running and Ready with the conditions, IPs and container status a kubelet writes', async () => {
    h = await startKubelet();
    await h.run('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] });
    await h.until(async () => (await h.pod('web'))?.status?.phase === 'Running', 'Running');
    await h.clock.advance(100);
    const pod = (await h.pod('web'))!;
    const s = pod.status!;
    expect(s.hostIP).toBe('172.18.0.3');
    expect(s.hostIPs).toEqual([{ ip: '172.18.0.3' }]);
    expect(s.podIP).toBe('10.244.1.2');
    expect(s.podIPs).toEqual([{ ip: '10.244.1.2' }]);
    expect(s.startTime).toBeDefined();
    expect(s.qosClass).toBe('BestEffort');
    expect(s.conditions!.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    const c = s.containerStatuses![0];
    expect(c).toMatchObject({ name: 'nginx', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.27' });
    expect(c.imageID).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
    expect(c.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(c.state?.running?.startedAt).toBeDefined();
    const events = await h.events('web');
    expect(events).toContain('Pulling: Pulling image "nginx:1.27"');
    expect(events.find((e) => e.startsWith('Pulled: '))).toMatch(/^Pulled: Successfully pulled image "nginx:1\.27" in \d+ms \(\d+ms including waiting\)\. Image size: 72000000 bytes\.$/);
    expect(events).toContain('Created: Created container: nginx');
    expect(events).toContain('Started: Started container nginx');
  });

  it('shows ContainerCreating while the image is pulled, then uses the cache', async () => {
    h = await startKubelet();
    await h.run('a', { containers: [{ name: 'c', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }] });
    await h.until(async () => (await status0('a'))?.state?.waiting?.reason === 'ContainerCreating', 'ContainerCreating', 5);
    expect((await h.pod('a'))!.status!.phase).toBe('Pending');
    await h.until(async () => (await status0('a'))?.ready === true, 'a ready');
    await h.run('b', { containers: [{ name: 'c', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent' }] });
    await h.until(async () => (await status0('b'))?.ready === true, 'b ready');
    expect(await h.events('b')).toContain('Pulled: Container image "nginx:1.27" already present on machine');
    expect((await h.pod('b'))!.status!.podIP).toBe('10.244.1.3');
  });

  it('ends `sleep 2` with restartPolicy Never as Succeeded', async () => {
    h = await startKubelet();
    await h.run('sleeper', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sleep', '2'] }] });
    await h.until(async () => (await h.pod('sleeper'))?.status?.phase === 'Running', 'Running');
    await h.until(async () => (await h.pod('sleeper'))?.status?.phase === 'Succeeded', 'Succeeded');
    const s = (await h.pod('sleeper'))!.status!;
    expect(s.containerStatuses![0].state?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(s.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'PodCompleted' });
    expect(s.conditions!.find((c) => c.type === 'PodReadyToStartContainers')!.status).toBe('False');
  });

  it('ends `exit 3` as Failed with exit code 3, and keeps echo output in the logs', async () => {
    h = await startKubelet();
    await h.run('fail', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo starting; sleep 1; echo bye && exit 3'] }] });
    await h.until(async () => (await h.pod('fail'))?.status?.phase === 'Failed', 'Failed');
    const c = (await status0('fail'))!;
    expect(c.state?.terminated).toMatchObject({ exitCode: 3, reason: 'Error' });
    expect(c.restartCount).toBe(0);
    expect(h.agent.logs.read('default', 'fail', 'c', { previous: false })).toBe('starting\nbye\n');
  });

  it('restarts a crashing container with CrashLoopBackOff and a climbing restartCount', async () => {
    h = await startKubelet();
    await h.run('crash', { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo oops; exit 1'] }] });
    await h.until(async () => (await status0('crash'))?.state?.waiting?.reason === 'CrashLoopBackOff', 'CrashLoopBackOff', 200);
    const first = (await status0('crash'))!;
    expect(first.restartCount).toBe(1);
    expect(first.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(first.state?.waiting?.message).toMatch(/^back-off 10s restarting failed container=c pod=crash_default\(/);
    expect((await h.pod('crash'))!.status!.phase).toBe('Running');
    await h.until(async () => ((await status0('crash'))?.restartCount ?? 0) >= 3, 'restartCount 3', 1000);
    expect((await status0('crash'))!.state?.waiting?.message).toMatch(/^back-off 40s /);
    expect((await h.events('crash')).some((e) => e.startsWith('BackOff: Back-off restarting failed container c in pod crash_default('))).toBe(true);
    expect(h.agent.logs.read('default', 'crash', 'c', { previous: true })).toBe('oops\n');
  });

  it('ends an unknown image in ImagePullBackOff', async () => {
    h = await startKubelet();
    await h.run('bad', { containers: [{ name: 'c', image: 'registry.invalid/x', imagePullPolicy: 'IfNotPresent' }] });
    await h.until(async () => (await status0('bad'))?.state?.waiting?.reason === 'ErrImagePull', 'ErrImagePull', 20);
    await h.until(async () => (await status0('bad'))?.state?.waiting?.reason === 'ImagePullBackOff', 'ImagePullBackOff', 200);
    expect((await status0('bad'))!.state!.waiting!.message).toMatch(/^Back-off pulling image "registry\.invalid\/x": ErrImagePull: failed to pull and unpack image/);
    const events = await h.events('bad');
    expect(events.some((e) => e.startsWith('Failed: Failed to pull image "registry.invalid/x": '))).toBe(true);
    expect(events).toContain('Failed: Error: ErrImagePull');
    expect(events).toContain('BackOff: Back-off pulling image "registry.invalid/x"');
    expect((await h.pod('bad'))!.status!.phase).toBe('Pending');
  });

  it('honours the grace period on deletion: a shell sleep is killed at its end, then the pod is removed', async () => {
    h = await startKubelet();
    await h.run('slow', { terminationGracePeriodSeconds: 5, containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'] }] });
    await h.until(async () => (await status0('slow'))?.ready === true, 'ready');
    await h.client.delete(PODS, 'default', 'slow');
    await h.clock.advance(4_000);
    expect(await h.pod('slow')).toBeDefined();
    await h.until(async () => (await h.pod('slow')) === undefined, 'gone', 100, 3_000);
    expect(await h.events('slow')).toContain('Killing: Stopping container c');
  });

  it('removes a pod whose container honours SIGTERM promptly', async () => {
    h = await startKubelet();
    await h.run('quick', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] });
    await h.until(async () => (await status0('quick'))?.ready === true, 'ready');
    await h.client.delete(PODS, 'default', 'quick');
    await h.until(async () => (await h.pod('quick')) === undefined, 'gone', 20, 1_000);
  });

  it('rejects a pod that does not fit with OutOfcpu', async () => {
    h = await startKubelet();
    await h.run('big', { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '8' } } }] });
    await h.until(async () => (await h.pod('big'))?.status?.phase === 'Failed', 'Failed');
    const s = (await h.pod('big'))!.status!;
    expect(s.reason).toBe('OutOfcpu');
    expect(s.message).toBe("Pod was rejected: Node didn't have enough resource: cpu, requested: 8000, used: 0, capacity: 4000");
  });

  it('follows readiness probes and restarts on liveness failures', async () => {
    h = await startKubelet();
    await h.run('live', {
      containers: [
        {
          name: 'c',
          image: 'busybox',
          command: ['sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
          readinessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 },
          livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
        },
      ],
    });
    await h.until(async () => (await status0('live'))?.ready === true, 'ready', 100);
    await h.until(async () => (await status0('live'))?.ready === false, 'unready', 500);
    await h.until(async () => ((await status0('live'))?.restartCount ?? 0) === 1, 'restarted', 1000);
    const events = await h.events('live');
    expect(events).toContain("Unhealthy: Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(events).toContain('Killing: Container c failed liveness probe, will be restarted');
    expect((await status0('live'))!.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
  });
});
