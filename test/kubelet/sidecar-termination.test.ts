import { afterEach, describe, expect, it } from 'vitest';
import type { ContainerStatus } from '../../src/api/types/pod.js';
import { PODS } from '../../src/client/resources.js';
import { startKubelet, type KubeletHarness } from './harness.js';

let h: KubeletHarness;
afterEach(async () => {
  await h?.close();
});

const stateOf = (s: ContainerStatus | undefined): string => (s?.state?.terminated ? 'terminated' : s?.state?.running ? 'running' : 'waiting');

describe('sidecars on pod termination', () => {
  it('stops the main container first, then the sidecars one at a time in reverse order', async () => {
    h = await startKubelet();
    await h.run('side', {
      initContainers: [
        { name: 'log', image: 'fluent-bit', restartPolicy: 'Always' },
        { name: 'proxy', image: 'envoy', restartPolicy: 'Always' },
      ],
      containers: [{ name: 'app', image: 'nginx' }],
    });
    await h.until(async () => (await h.pod('side'))?.status?.containerStatuses?.[0]?.ready === true, 'app ready');
    await h.client.delete(PODS, 'default', 'side');
    const states = async (): Promise<string[]> => {
      const s = (await h.pod('side'))!.status!;
      return [stateOf(s.containerStatuses![0]), stateOf(s.initContainerStatuses![1]), stateOf(s.initContainerStatuses![0])];
    };
    // Each honours SIGTERM and exits 100 ms after it (the default stopMs).
    await h.clock.advance(150);
    expect(await states()).toEqual(['terminated', 'running', 'running']);
    await h.clock.advance(100);
    expect(await states()).toEqual(['terminated', 'terminated', 'running']);
    await h.until(async () => (await h.pod('side')) === undefined, 'gone', 50, 1_000);
    const killing = (await h.events('side')).filter((e) => e.startsWith('Killing: '));
    expect(killing).toEqual(['Killing: Stopping container app', 'Killing: Stopping container proxy', 'Killing: Stopping container log']);
  });

  it('kills the sidecars still running when the grace period ends', async () => {
    h = await startKubelet();
    await h.run('stubborn', {
      terminationGracePeriodSeconds: 2,
      initContainers: [
        { name: 'first', image: 'busybox', restartPolicy: 'Always', command: ['sleep', '3600'] },
        { name: 'second', image: 'busybox', restartPolicy: 'Always', command: ['sleep', '3600'] },
      ],
      containers: [{ name: 'app', image: 'nginx' }],
    });
    await h.until(async () => (await h.pod('stubborn'))?.status?.containerStatuses?.[0]?.ready === true, 'app ready');
    await h.client.delete(PODS, 'default', 'stubborn');
    // `sleep` ignores SIGTERM: second holds until the deadline and first never gets its turn.
    await h.clock.advance(1_900);
    expect(await h.pod('stubborn')).toBeDefined();
    await h.until(async () => (await h.pod('stubborn')) === undefined, 'gone', 50, 500);
    const killing = (await h.events('stubborn')).filter((e) => e.startsWith('Killing: '));
    expect(killing).toEqual(['Killing: Stopping container app', 'Killing: Stopping container second']);
  });
});
