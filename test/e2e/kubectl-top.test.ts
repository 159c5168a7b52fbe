// Real `kubectl top` against metrics.k8s.io: the usage the kubesim.io/cpu-usage, memory-usage
// and memory-growth annotations script, per pod, per container and summed per node. A virtual
// clock moves time so that memory growth gives exact figures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Client, InProcessTransport, PODS } from '../../src/client/index.js';
import { startTestCluster, type TestCluster } from './harness.js';
import { createNamespace, lines, ok, withManifest } from './kubectl-fixtures.js';

let t: TestCluster;
let clock: VirtualClock;
let client: Client;
beforeAll(async () => {
  clock = new VirtualClock();
  t = await startTestCluster({ nodes: 1, clock, kubeletProfile: { imagePull: { baseMs: 0, bytesPerSecond: 1e15, jitter: 0 } } });
  client = new Client(new InProcessTransport(t.cluster.apiServer));
  await clock.advance(1000);
});
afterAll(async () => {
  await t.stop();
});

const NS = 'top';

async function advanceUntilRunning(name: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const pod = await client.get(PODS, NS, name);
    if (pod.status?.phase === 'Running') return;
    await clock.advance(100);
  }
  throw new Error(`${name} never ran`);
}

/** The cells of each row of kubectl's output, headers included. */
const rows = (text: string): string[][] => lines(text).map((l) => l.trim().split(/\s+/));

describe('kubectl top: metrics.k8s.io from the kubelet model', () => {
  it('finds no pods with metrics in an empty namespace', async () => {
    await createNamespace(t, NS);
    const r = await t.kubectl(['-n', NS, 'top', 'pod']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`No resources found in ${NS} namespace.`);
  });

  it('shows the scripted CPU and growing memory of a running pod, per container and per node', async () => {
    const annotations = { 'kubesim.io/cpu-usage': 'app=250m,sidecar=50m', 'kubesim.io/memory-usage': '64Mi', 'kubesim.io/memory-growth': 'app=1Mi/s,sidecar=0' };
    const containers = [
      { name: 'app', image: 'app:1', resources: { limits: { memory: '128Mi' } } },
      { name: 'sidecar', image: 'proxy:1' },
    ];
    await withManifest(t, NS, ['create'], { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', annotations }, spec: { containers } });
    await advanceUntilRunning('web');
    await clock.advance(20_000);

    const pod = rows(await ok(t, ['-n', NS, 'top', 'pod', 'web']));
    expect(pod[0]).toEqual(['NAME', 'CPU(cores)', 'MEMORY(bytes)']);
    expect(pod[1][0]).toBe('web');
    expect(pod[1][1]).toBe('300m');
    // 64Mi + 64Mi at start, and about 20 s of 1Mi/s on the app container.
    const memory = Number(pod[1][2].replace('Mi', ''));
    expect(memory).toBeGreaterThanOrEqual(147);
    expect(memory).toBeLessThanOrEqual(149);

    const perContainer = rows(await ok(t, ['-n', NS, 'top', 'pod', 'web', '--containers']));
    expect(perContainer.slice(1).map((r) => [r[1], r[2]])).toEqual([
      ['app', '250m'],
      ['sidecar', '50m'],
    ]);
    expect(perContainer.find((r) => r[1] === 'sidecar')?.[3]).toBe('64Mi');

    // Growth stops at the limit: the container is at 128Mi when the model kills it.
    const node = rows(await ok(t, ['top', 'node']));
    expect(node[0]).toEqual(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
    expect(node[1][1]).toBe('300m');
    expect(node[1][3]).toBe(pod[1][2]);
  });

  it('has no metrics for a pod that does not run, as metrics-server answers', async () => {
    await withManifest(t, NS, ['create'], { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nowhere' }, spec: { nodeSelector: { absent: 'yes' }, containers: [{ name: 'c', image: 'nginx' }] } });
    const r = await t.kubectl(['-n', NS, 'top', 'pod', 'nowhere']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('pods.metrics.k8s.io "nowhere" not found');
    const raw = await t.kubectl(['get', '--raw', `/apis/metrics.k8s.io/v1beta1/namespaces/${NS}/pods`]);
    const list = JSON.parse(raw.stdout) as { kind: string; items: { metadata: { name: string } }[] };
    expect(list.kind).toBe('PodMetricsList');
    expect(list.items.map((i) => i.metadata.name)).toEqual(['web']);
  });
});
