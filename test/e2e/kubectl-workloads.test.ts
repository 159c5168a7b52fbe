// Real kubectl against a cluster with nodes, controllers, scheduler and kubelets: rolling
// updates keep within maxSurge and maxUnavailable on every watch event; a node whose kubelet
// stops goes NotReady and its pods move; each delete propagation policy behaves as real.
// Real clock: short node lease, grace period and tolerationSeconds keep it to seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { Pod } from '../../src/api/types/pod.js';
import { Client, DEPLOYMENTS, HttpTransport, PODS, REPLICASETS, type WatchEvent } from '../../src/client/index.js';
import { isPodReady } from '../../src/controllers/shared/pod-state.js';
import { startTestCluster, type TestCluster } from './harness.js';
import { createNamespace, lines, ok, withManifest } from './kubectl-fixtures.js';

let t: TestCluster;
let client: Client;
beforeAll(async () => {
  t = await startTestCluster({
    nodes: 3,
    kubeletProfile: { leaseDurationSeconds: 2 },
    controllerManager: { nodeMonitorGracePeriodMs: 3_000, nodeMonitorPeriodMs: 500 },
  });
  client = new Client(new HttpTransport(t.server.url));
});
afterAll(async () => {
  await t.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function eventually<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

const deployment = (name: string, replicas: number, image: string, extra: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image }], ...podSpec } },
    ...extra,
  },
});

const pods = async (ns: string, app: string) => (await client.list(PODS, { namespace: ns, labelSelector: `app=${app}` })).items as Frozen<Pod>[];

describe('kubectl: rolling updates', () => {
  for (const [label, replicas, strategy, surge, unavailable] of [
    ['numbers', 6, { maxSurge: 2, maxUnavailable: 1 }, 2, 1],
    // 25% of 4: surge rounds up (1), unavailable rounds down (1).
    ['percentages', 4, { maxSurge: '25%', maxUnavailable: '25%' }, 1, 1],
    ['surge only', 3, { maxSurge: 1, maxUnavailable: 0 }, 1, 0],
  ] as const) {
    it(`keeps ready >= replicas - maxUnavailable and total <= replicas + maxSurge on every event (${label})`, async () => {
      const ns = `roll-${label.replace(/ /g, '-')}`;
      await createNamespace(t, ns);
      const spec = { strategy: { type: 'RollingUpdate', rollingUpdate: strategy } };
      expect((await withManifest(t, ns, ['apply'], deployment('web', replicas, 'nginx:1.25', spec))).stdout).toBe('deployment.apps/web created\n');
      await ok(t, ['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=60s']);

      const listed = await client.list(PODS, { namespace: ns });
      const live = new Map(listed.items.map((p) => [p.metadata.name!, p as Frozen<Pod>]));
      const violations: string[] = [];
      let events = 0;
      let maxTotal = 0;
      let minReady = Infinity;
      const stop = await client.watch(PODS, { namespace: ns, resourceVersion: listed.metadata.resourceVersion }, (e: WatchEvent<Pod>) => {
        if (e.type === 'BOOKMARK' || e.type === 'ERROR') return;
        events++;
        if (e.type === 'DELETED') live.delete(e.object.metadata.name!);
        else live.set(e.object.metadata.name!, e.object);
        const active = [...live.values()].filter((p) => !p.metadata.deletionTimestamp);
        const ready = active.filter(isPodReady).length;
        maxTotal = Math.max(maxTotal, active.length);
        minReady = Math.min(minReady, ready);
        if (active.length > replicas + surge) violations.push(`${e.type} ${e.object.metadata.name}: ${active.length} pods`);
        if (ready < replicas - unavailable) violations.push(`${e.type} ${e.object.metadata.name}: ${ready} ready`);
      });
      try {
        expect(await ok(t, ['-n', ns, 'set', 'image', 'deployment/web', 'app=nginx:1.26'])).toBe('deployment.apps/web image updated\n');
        const status = await ok(t, ['-n', ns, 'rollout', 'status', 'deployment/web', '--timeout=60s']);
        expect(lines(status).at(-1)).toBe('deployment "web" successfully rolled out');
        await eventually('old pods gone', async () => (await pods(ns, 'web')).every((p) => p.spec.containers[0]!.image === 'nginx:1.26'));
      } finally {
        stop();
      }
      expect(violations).toEqual([]);
      expect(events).toBeGreaterThan(replicas * 2);
      // The rollout did use its budget.
      expect(maxTotal).toBeGreaterThan(replicas - 1);
      expect(minReady).toBeLessThanOrEqual(replicas);
      const final = await pods(ns, 'web');
      expect(final.filter(isPodReady).length).toBe(replicas);
      const sets = JSON.parse(await ok(t, ['-n', ns, 'get', 'rs', '-o', 'json'])).items as { spec: { replicas: number }; metadata: { annotations: Record<string, string> } }[];
      expect(sets.map((s) => [s.metadata.annotations['deployment.kubernetes.io/revision'], s.spec.replicas]).sort()).toEqual([
        ['1', 0],
        ['2', replicas],
      ]);
    });
  }
});

describe('kubectl: delete propagation', () => {
  const ns = 'propagation';
  beforeAll(async () => {
    await createNamespace(t, ns);
  });

  async function running(name: string, replicas: number) {
    await withManifest(t, ns, ['apply'], deployment(name, replicas, 'nginx:1.25'));
    await ok(t, ['-n', ns, 'rollout', 'status', `deployment/${name}`, '--timeout=60s']);
  }
  const sets = async (app: string) => (await client.list(REPLICASETS, { namespace: ns, labelSelector: `app=${app}` })).items;

  it('background: the Deployment goes at once, then its ReplicaSet and pods', async () => {
    await running('bg', 2);
    expect(await ok(t, ['-n', ns, 'delete', 'deployment', 'bg', '--cascade=background'])).toBe('deployment.apps "bg" deleted\n');
    await eventually('dependents gone', async () => (await sets('bg')).length === 0 && (await pods(ns, 'bg')).length === 0);
  });

  it('foreground: the Deployment lingers with foregroundDeletion until its ReplicaSet and pods are gone', async () => {
    await running('fg', 2);
    let podsWhenDeleted = -1;
    let setsWhenDeleted = -1;
    const seen: string[][] = [];
    const stop = await client.watch(DEPLOYMENTS, { namespace: ns, fieldSelector: 'metadata.name=fg' }, (e) => {
      if (e.type === 'MODIFIED') seen.push([...(e.object.metadata.finalizers ?? [])]);
      if (e.type === 'DELETED') {
        void Promise.all([pods(ns, 'fg'), sets('fg')]).then(([p, s]) => {
          podsWhenDeleted = p.length;
          setsWhenDeleted = s.length;
        });
      }
    });
    try {
      expect(await ok(t, ['-n', ns, 'delete', 'deployment', 'fg', '--cascade=foreground', '--wait=false'])).toBe('deployment.apps "fg" deleted\n');
      const d = JSON.parse((await t.kubectl(['-n', ns, 'get', 'deployment', 'fg', '-o', 'json'])).stdout || '{}');
      if (d.metadata) {
        expect(d.metadata.finalizers).toContain('foregroundDeletion');
        expect(d.metadata.deletionTimestamp).toBeTruthy();
      }
      await ok(t, ['-n', ns, 'wait', '--for=delete', 'deployment/fg', '--timeout=30s']);
      await eventually('the delete seen', async () => podsWhenDeleted >= 0);
    } finally {
      stop();
    }
    expect(seen.some((f) => f.includes('foregroundDeletion'))).toBe(true);
    expect([podsWhenDeleted, setsWhenDeleted]).toEqual([0, 0]);
  });

  it('orphan: the ReplicaSet and pods stay, the ReplicaSet without its ownerReference', async () => {
    await running('or', 2);
    expect(await ok(t, ['-n', ns, 'delete', 'deployment', 'or', '--cascade=orphan'])).toBe('deployment.apps "or" deleted\n');
    expect((await t.kubectl(['-n', ns, 'get', 'deployment', 'or'])).code).not.toBe(0);
    const rs = await sets('or');
    expect(rs).toHaveLength(1);
    expect(rs[0]!.metadata.ownerReferences ?? []).toEqual([]);
    expect(rs[0]!.metadata.finalizers ?? []).toEqual([]);
    await sleep(1000);
    const left = await pods(ns, 'or');
    expect(left.filter((p) => !p.metadata.deletionTimestamp && isPodReady(p))).toHaveLength(2);
    expect(left.every((p) => p.metadata.ownerReferences?.[0]?.name === rs[0]!.metadata.name)).toBe(true);
  });
});

describe('kubectl: a node fails', () => {
  it('stopping a kubelet shows the node NotReady and moves its Deployment pods to the other nodes', async () => {
    const ns = 'node-failure';
    await createNamespace(t, ns);
    // Tolerate the unreachable taint for 2 s instead of the 300 s admission gives.
    const tolerations = ['node.kubernetes.io/unreachable', 'node.kubernetes.io/not-ready'].map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 2 }));
    await withManifest(t, ns, ['apply'], deployment('spread', 6, 'nginx:1.25', {}, { tolerations }));
    await ok(t, ['-n', ns, 'rollout', 'status', 'deployment/spread', '--timeout=60s']);
    const before = await pods(ns, 'spread');
    const nodeName = before[0]!.spec.nodeName!;
    const moved = before.filter((p) => p.spec.nodeName === nodeName).map((p) => p.metadata.name);
    const agent = t.cluster.components!.nodes.find((n) => n.name === nodeName)!;

    agent.stopKubelet();
    try {
      const row = await eventually('NotReady', async () => {
        const out = await ok(t, ['get', 'nodes']);
        return lines(out).find((l) => l.startsWith(`${nodeName} `) && /\sNotReady\s/.test(l));
      });
      expect(row).toMatch(new RegExp(`^${nodeName}\\s+NotReady\\s`));
      const taints = JSON.parse(await ok(t, ['get', 'node', nodeName, '-o', 'jsonpath={.spec.taints}'])) as { key: string; effect: string }[];
      expect(taints.map((x) => `${x.key}:${x.effect}`).sort()).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
      const describe = await ok(t, ['describe', 'node', nodeName]);
      expect(describe).toMatch(/Ready\s+Unknown .*NodeStatusUnknown\s+Kubelet stopped posting node status\./);

      await eventually('pods moved', async () => {
        const now = (await pods(ns, 'spread')).filter((p) => !p.metadata.deletionTimestamp);
        return now.length === 6 && now.every((p) => isPodReady(p) && p.spec.nodeName !== nodeName);
      });
      const events = await ok(t, ['-n', ns, 'get', 'events', '--field-selector', 'reason=TaintManagerEviction', '-o', 'jsonpath={.items[*].message}']);
      for (const name of moved) expect(events).toContain(`Marking for deletion Pod ${ns}/${name}`);
    } finally {
      await agent.restart();
    }
    await eventually('Ready again', async () => lines(await ok(t, ['get', 'nodes'])).find((l) => l.startsWith(`${nodeName} `) && /\sReady\s/.test(l)));
    await eventually('untainted', async () => (await ok(t, ['get', 'node', nodeName, '-o', 'jsonpath={.spec.taints}'])) === '');
    await eventually('evicted pods finished', async () => (await pods(ns, 'spread')).length === 6);
  });
});
