import { afterEach, describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { ContainerStatus, Pod } from '../../src/api/types/pod.js';
import { PODS } from '../../src/client/resources.js';
import { startKubelet, type KubeletHarness } from './harness.js';

let h: KubeletHarness;
afterEach(async () => {
  await h?.close();
});

const pod = async (name: string): Promise<Frozen<Pod>> => (await h.pod(name))!;
const init = async (name: string, i: number): Promise<ContainerStatus | undefined> => (await h.pod(name))?.status?.initContainerStatuses?.[i];
const main = async (name: string, i = 0): Promise<ContainerStatus | undefined> => (await h.pod(name))?.status?.containerStatuses?.[i];
const cond = (p: Frozen<Pod>, type: string) => p.status?.conditions?.find((c) => c.type === type);

describe('init containers and sidecars', () => {
  it('runs init containers in order, then the main container, sharing an emptyDir', async () => {
    h = await startKubelet();
    await h.run('web', {
      volumes: [{ name: 'work', emptyDir: {} }],
      initContainers: [
        { name: 'first', image: 'busybox', command: ['sh', '-c', 'echo first; sleep 5'] },
        { name: 'second', image: 'busybox', command: ['sh', '-c', 'echo ready > /work/index.html'], volumeMounts: [{ name: 'work', mountPath: '/work' }] },
      ],
      containers: [
        { name: 'nginx', image: 'nginx:1.27', volumeMounts: [{ name: 'work', mountPath: '/usr/share/nginx/html' }], readinessProbe: { exec: { command: ['cat', '/usr/share/nginx/html/index.html'] }, periodSeconds: 1 } },
      ],
    });
    await h.until(async () => (await init('web', 0))?.state?.running !== undefined, 'first running');
    let p = await pod('web');
    expect(p.status!.phase).toBe('Pending');
    expect(cond(p, 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [first second]' });
    expect(p.status!.initContainerStatuses![1].state).toEqual({ waiting: { reason: 'PodInitializing' } });
    expect(p.status!.containerStatuses![0].state).toEqual({ waiting: { reason: 'PodInitializing' } });
    await h.until(async () => (await main('web'))?.ready === true, 'nginx ready');
    p = await pod('web');
    expect(p.status!.phase).toBe('Running');
    expect(cond(p, 'Initialized')!.status).toBe('True');
    expect(p.status!.initContainerStatuses!.map((s) => s.state?.terminated?.reason)).toEqual(['Completed', 'Completed']);
    const first = p.status!.initContainerStatuses![0].state!.terminated!;
    const second = p.status!.initContainerStatuses![1].state!.terminated!;
    expect(Date.parse(second.startedAt!)).toBeGreaterThanOrEqual(Date.parse(first.finishedAt!));
    expect(h.agent.logs.read('default', 'web', 'first', { previous: false })).toBe('first\n');
  });

  it('retries a failing init container, and fails the pod with restartPolicy Never', async () => {
    h = await startKubelet();
    await h.run('retry', { initContainers: [{ name: 'wait', image: 'busybox', command: ['sh', '-c', 'exit 1'] }], containers: [{ name: 'c', image: 'nginx' }] });
    await h.until(async () => ((await init('retry', 0))?.restartCount ?? 0) >= 1, 'init restarted');
    expect((await pod('retry')).status!.phase).toBe('Pending');
    await h.run('never', { restartPolicy: 'Never', initContainers: [{ name: 'wait', image: 'busybox', command: ['sh', '-c', 'exit 2'] }], containers: [{ name: 'c', image: 'nginx' }] });
    await h.until(async () => (await pod('never')).status?.phase === 'Failed', 'Failed');
    expect((await init('never', 0))!.state!.terminated).toMatchObject({ exitCode: 2, reason: 'Error' });
  });

  it('keeps a sidecar running beside the main container, and stops it when a Job-like pod completes', async () => {
    h = await startKubelet();
    await h.run('job', {
      restartPolicy: 'Never',
      initContainers: [{ name: 'proxy', image: 'envoy', restartPolicy: 'Always' }],
      containers: [{ name: 'work', image: 'busybox', command: ['sh', '-c', 'echo working; sleep 10'] }],
    });
    await h.until(async () => (await main('job'))?.state?.running !== undefined, 'work running');
    let p = await pod('job');
    expect(p.status!.initContainerStatuses![0]).toMatchObject({ name: 'proxy', ready: true, started: true, state: { running: {} } });
    expect(cond(p, 'Ready')!.status).toBe('True');
    await h.until(async () => (await pod('job')).status?.phase === 'Succeeded', 'Succeeded');
    p = await pod('job');
    expect(p.status!.initContainerStatuses![0].state!.terminated).toBeDefined();
    expect(p.status!.containerStatuses![0].state!.terminated!.reason).toBe('Completed');
  });
});

describe('startup probes', () => {
  it('holds liveness and readiness until the startup probe passes for a slow starter', async () => {
    h = await startKubelet();
    const probe = { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 };
    await h.client.create(PODS, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'slow', namespace: 'default', annotations: { 'kubesim.io/start-delay': '20s' } },
      spec: { containers: [{ name: 'app', image: 'app:1', startupProbe: { ...probe, failureThreshold: 10 }, livenessProbe: { ...probe, failureThreshold: 1 }, readinessProbe: probe }] },
    } as Frozen<Pod>);
    await h.client.createSubresource(PODS, 'default', 'slow', 'binding', { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'slow' }, target: { kind: 'Node', name: 'node-1' } });
    await h.until(async () => (await main('slow'))?.state?.running !== undefined, 'running');
    await h.clock.advance(10_000);
    expect(await main('slow')).toMatchObject({ started: false, ready: false, restartCount: 0 });
    await h.until(async () => (await main('slow'))?.ready === true, 'ready', 500);
    expect(await main('slow')).toMatchObject({ started: true, restartCount: 0 });
    expect((await h.events('slow')).some((e) => e.startsWith('Unhealthy: Startup probe failed: Get "http://10.244.1.2:8080/healthz": dial tcp 10.244.1.2:8080: connect: connection refused'))).toBe(true);
  });

  it('restarts a container whose startup probe keeps failing', async () => {
    h = await startKubelet();
    await h.run('never-starts', { containers: [{ name: 'c', image: 'busybox', command: ['sleep', '3600'], startupProbe: { exec: { command: ['cat', '/tmp/started'] }, periodSeconds: 2, failureThreshold: 3 } }] });
    await h.until(async () => ((await main('never-starts'))?.restartCount ?? 0) >= 1, 'restarted', 500);
    expect(await h.events('never-starts')).toContain('Killing: Container c failed startup probe, will be restarted');
  });
});

describe('lifecycle hooks', () => {
  it('runs postStart in the container (the lifecycle-events example) before readiness sees the file', async () => {
    h = await startKubelet();
    await h.run('hooks', {
      containers: [
        {
          name: 'c',
          image: 'nginx',
          lifecycle: { postStart: { exec: { command: ['/bin/sh', '-c', 'echo Hello from the postStart handler > /usr/share/message'] } } },
          readinessProbe: { exec: { command: ['cat', '/usr/share/message'] }, periodSeconds: 1 },
        },
      ],
    });
    await h.until(async () => (await main('hooks'))?.ready === true, 'ready');
  });

  it('kills a container whose postStart fails, with FailedPostStartHook', async () => {
    h = await startKubelet();
    await h.run('badhook', { containers: [{ name: 'c', image: 'nginx', lifecycle: { postStart: { exec: { command: ['no-such-tool'] } } } }] });
    await h.until(async () => ((await main('badhook'))?.restartCount ?? 0) >= 1, 'restarted');
    const events = await h.events('badhook');
    expect(events.find((e) => e.startsWith('FailedPostStartHook: '))).toMatch(/^FailedPostStartHook: Exec lifecycle hook \(\[no-such-tool\]\) for Container "c" in Pod "badhook_default\(.+\)" failed - error: command 'no-such-tool' exited with 126: /);
  });

  it('runs preStop within the grace period before SIGTERM', async () => {
    h = await startKubelet();
    await h.run('drain', { terminationGracePeriodSeconds: 30, containers: [{ name: 'c', image: 'nginx', lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 5'] } } } }] });
    await h.until(async () => (await main('drain'))?.ready === true, 'ready');
    await h.client.delete(PODS, 'default', 'drain');
    await h.clock.advance(4000);
    expect(await h.pod('drain')).toBeDefined();
    await h.until(async () => (await h.pod('drain')) === undefined, 'gone', 100, 2000);
    await h.run('capped', { terminationGracePeriodSeconds: 2, containers: [{ name: 'c', image: 'nginx', lifecycle: { preStop: { exec: { command: ['sleep', '60'] } } } }] });
    await h.until(async () => (await main('capped'))?.ready === true, 'ready');
    await h.client.delete(PODS, 'default', 'capped');
    await h.until(async () => (await h.pod('capped')) === undefined, 'capped gone', 100, 2500);
  });
});
