import { afterEach, describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { Pod, PodSpec } from '../../src/api/types/pod.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Client } from '../../src/client/client.js';
import { InProcessTransport } from '../../src/client/in-process-transport.js';
import { PODS } from '../../src/client/resources.js';
import { createCluster, type Cluster } from '../../src/sim/cluster.js';

// A whole cluster with one node, so that the API server reads the node's logs.
interface LogHarness {
  cluster: Cluster;
  clock: VirtualClock;
  run(name: string, spec: PodSpec): Promise<void>;
  pod(name: string): Promise<Frozen<Pod> | undefined>;
  until(check: () => Promise<boolean>, what: string, stepMs?: number): Promise<void>;
}

let h: LogHarness;
afterEach(async () => {
  await h?.cluster.stop();
});

async function startKubelet(): Promise<LogHarness> {
  const clock = new VirtualClock();
  const cluster = await createCluster({ clock, seed: 3, nodes: 1 });
  const client = new Client(new InProcessTransport(cluster.apiServer));
  return {
    cluster,
    clock,
    run: async (name, spec) => void (await client.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec } as Frozen<Pod>)),
    pod: (name) => client.get(PODS, 'default', name).catch(() => undefined),
    async until(check, what, stepMs = 50) {
      for (let t = 0; t < 120_000; t += stepMs) {
        if (await check()) return;
        await clock.advance(stepMs);
      }
      throw new Error(`timed out waiting for ${what}`);
    },
  };
}

const get = (name: string, query: string) =>
  h.cluster.apiServer.handle({ method: 'GET', path: `/api/v1/namespaces/default/pods/${name}/log`, query: new URLSearchParams(query), headers: {} });

const body = async (name: string, query: string): Promise<string> => String((await get(name, query)).body);

describe('pods/log', () => {
  it('follows a container until it exits', async () => {
    h = await startKubelet();
    await h.run('talker', { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo one; sleep 2; echo two; sleep 2; echo three'] }] });
    await h.until(async () => (await h.pod('talker'))?.status?.containerStatuses?.[0]?.state?.running !== undefined, 'running');
    const res = await get('talker', 'follow=true');
    expect(res.watch).toBeDefined();
    let text = '';
    let closed = false;
    res.watch!.start({ event: (e) => (text += res.watch!.encode(e).toString()), close: () => (closed = true) });
    expect(text).toBe('one\n');
    await h.clock.advance(2500);
    expect(text).toBe('one\ntwo\n');
    expect(closed).toBe(false);
    await h.clock.advance(2000);
    expect(text).toBe('one\ntwo\nthree\n');
    expect(closed).toBe(true);
    // Following a container that has stopped gives what it printed and ends.
    const again = await get('talker', 'follow=true');
    let rest = '';
    let ended = false;
    again.watch!.start({ event: (e) => (rest += again.watch!.encode(e).toString()), close: () => (ended = true) });
    expect(rest).toBe('one\ntwo\nthree\n');
    expect(ended).toBe(true);
  });

  it('serves tailLines, sinceSeconds, timestamps and previous', async () => {
    h = await startKubelet();
    await h.run('loop', { containers: [{ name: 'c', image: 'busybox', command: ['sh', '-c', 'echo a; sleep 10; echo b; sleep 10; echo c; exit 1'] }] });
    await h.until(async () => (await body('loop', '')) === 'a\nb\nc\n' || ((await h.pod('loop'))?.status?.containerStatuses?.[0]?.restartCount ?? 0) > 0, 'three lines', 500);
    await h.until(async () => ((await h.pod('loop'))?.status?.containerStatuses?.[0]?.restartCount ?? 0) >= 1, 'restart', 500);
    expect(await body('loop', 'previous=true')).toBe('a\nb\nc\n');
    expect(await body('loop', 'previous=true&tailLines=2')).toBe('b\nc\n');
    await h.clock.advance(15_000);
    expect(await body('loop', '')).toBe('a\nb\n');
    expect(await body('loop', 'sinceSeconds=8')).toBe('b\n');
    expect(await body('loop', 'timestamps=true&tailLines=1')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z b\n$/);
  });
});
