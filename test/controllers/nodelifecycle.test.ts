// The node lifecycle and taint eviction controllers in a whole cluster on a virtual clock: a
// kubelet falls silent, its node goes Unknown and tainted, its pods are evicted after their
// tolerationSeconds and replaced elsewhere; when it comes back the taints go.
import { afterEach, describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { Deployment } from '../../src/api/types/deployment.js';
import type { Node } from '../../src/api/types/node.js';
import type { Pod } from '../../src/api/types/pod.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Client, DEPLOYMENTS, EVENTS, InProcessTransport, NODES, PODS } from '../../src/client/index.js';
import { evictionVerdict } from '../../src/controllers/nodelifecycle/eviction-plan.js';
import { desiredTaints, nextTaints, swapNoExecuteTaint } from '../../src/controllers/nodelifecycle/taints.js';
import { isPodReady } from '../../src/controllers/shared/pod-state.js';
import { createCluster, type Cluster } from '../../src/sim/cluster.js';
import { until } from './replicaset-harness.js';

const NS = 'default';

function deployment(name: string, replicas: number, tolerationSeconds?: number): Frozen<Deployment> {
  const tolerations =
    tolerationSeconds === undefined
      ? undefined
      : ['node.kubernetes.io/unreachable', 'node.kubernetes.io/not-ready'].map((key) => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds }));
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.25' }], ...(tolerations ? { tolerations } : {}) } },
    },
  } as Frozen<Deployment>;
}

describe('taint plans', () => {
  const node = (ready: string, taints: Node['spec'] = {}): Frozen<Node> =>
    ({ metadata: { name: 'n' }, spec: taints, status: { conditions: [{ type: 'Ready', status: ready }] } }) as Frozen<Node>;

  it('taints an Unknown node unreachable and a NotReady one not-ready: NoSchedule at once, NoExecute swapped', () => {
    expect(desiredTaints(node('Unknown'))).toEqual([{ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' }]);
    expect(desiredTaints(node('False'))).toEqual([{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }]);
    const unreachable = node('False', { taints: [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: 'then' }] });
    expect(swapNoExecuteTaint(unreachable, 'node.kubernetes.io/not-ready', 0)).toEqual([{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute', timeAdded: '1970-01-01T00:00:00Z' }]);
    expect(swapNoExecuteTaint(unreachable, 'node.kubernetes.io/unreachable', 0)).toBeUndefined();
    expect(swapNoExecuteTaint(unreachable, undefined, 0)).toEqual([]);
  });

  it('keeps user taints and the NoExecute ones, and removes only its own NoSchedule ones', () => {
    const n = node('True', {
      taints: [
        { key: 'team', value: 'a', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
      ],
    });
    expect(nextTaints(n, desiredTaints(n), 0)).toEqual([
      { key: 'team', value: 'a', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
    ]);
    expect(nextTaints(node('True'), [], 0)).toBeUndefined();
  });

  it('evicts at once, after the shortest tolerationSeconds, or never', () => {
    const taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' as const };
    expect(evictionVerdict([], [taint])).toEqual({ kind: 'now' });
    expect(evictionVerdict([{ operator: 'Exists', effect: 'NoExecute', key: taint.key, tolerationSeconds: 300 }], [taint])).toEqual({ kind: 'after', afterMs: 300_000 });
    expect(evictionVerdict([{ operator: 'Exists' }], [taint])).toEqual({ kind: 'stay' });
    expect(evictionVerdict([{ operator: 'Exists', tolerationSeconds: 0, effect: 'NoExecute' }], [taint])).toEqual({ kind: 'now' });
  });
});

describe('node lifecycle controller', () => {
  let cluster: Cluster | undefined;
  afterEach(async () => {
    await cluster?.stop();
    cluster = undefined;
  });

  it('marks a silent node Unknown and tainted, evicts its pods after tolerationSeconds, and untaints it when it returns', async () => {
    const clock = new VirtualClock();
    cluster = await createCluster({ clock, nodes: 3, seed: 3 });
    const client = new Client(new InProcessTransport(cluster.apiServer));
    await client.create(DEPLOYMENTS, deployment('web', 6));
    const pods = async () => (await client.list(PODS, { namespace: NS })).items as Frozen<Pod>[];
    const live = async () => (await pods()).filter((p) => !p.metadata.deletionTimestamp);
    await until(clock, async () => (await live()).filter(isPodReady).length === 6, 'six ready pods');

    const victimName = (await live())[0]!.spec!.nodeName;
    const victim = cluster.components!.nodes.find((n) => n.name === victimName)!;
    const onVictim = (await live()).filter((p) => p.spec?.nodeName === victim.name).map((p) => p.metadata.name);
    expect(onVictim.length).toBeGreaterThan(0);
    victim.stopKubelet();
    const node = () => client.get(NODES, '', victim.name);
    await until(clock, async () => (await node()).status?.conditions?.find((c) => c.type === 'Ready')?.status === 'Unknown', 'node Unknown', 60_000, 1000);
    // Silent for the grace period (40 s), noticed within the monitor period (5 s).
    const n = await node();
    for (const c of n.status!.conditions!.filter((c) => ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].includes(c.type))) {
      expect(c).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    }
    await until(clock, async () => ((await node()).spec?.taints ?? []).length === 2, 'taints', 10_000, 100);
    expect((await node()).spec!.taints!.map((t) => `${t.key}:${t.effect}`).sort()).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    await until(clock, async () => (await pods()).filter((p) => onVictim.includes(p.metadata.name!)).every((p) => !isPodReady(p)), 'pods marked not ready', 10_000, 100);

    // The default 300 s toleration from admission: nothing is evicted before it runs out.
    await clock.advance(250_000);
    expect((await pods()).filter((p) => onVictim.includes(p.metadata.name!) && p.metadata.deletionTimestamp)).toEqual([]);
    await until(clock, async () => (await pods()).filter((p) => onVictim.includes(p.metadata.name!)).every((p) => p.metadata.deletionTimestamp), 'evicted', 60_000, 1000);
    const events = (await client.list(EVENTS, { namespace: NS })).items.filter((e) => e.reason === 'TaintManagerEviction');
    expect(events.map((e) => e.message).sort()).toEqual(onVictim.map((p) => `Marking for deletion Pod ${NS}/${p}`).sort());
    // Replacements run on the healthy nodes.
    await until(clock, async () => (await live()).filter(isPodReady).length === 6, 'replacements ready');
    expect((await live()).every((p) => p.spec?.nodeName !== victim.name)).toBe(true);

    await victim.restart();
    await until(clock, async () => ((await node()).spec?.taints ?? []).length === 0, 'taints removed', 30_000, 500);
    expect((await node()).status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('True');
    // The returning kubelet finishes the deletions it missed.
    await until(clock, async () => (await pods()).every((p) => !onVictim.includes(p.metadata.name!)), 'old pods gone', 120_000, 1000);
  });

  it('does not taint when every node is silent, and honours a configured grace period', async () => {
    const clock = new VirtualClock();
    cluster = await createCluster({ clock, nodes: 2, controllerManager: { nodeMonitorGracePeriodMs: 20_000 }, kubeletProfile: { leaseDurationSeconds: 8 } });
    const client = new Client(new InProcessTransport(cluster.apiServer));
    for (const n of cluster.components!.nodes) n.stopKubelet();
    await clock.advance(26_000);
    const nodes = (await client.list(NODES)).items;
    for (const n of nodes) {
      expect(n.status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('Unknown');
      expect((n.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    }
  });

  it('taints a cordoned node unschedulable, and cancels an eviction when the taint goes before the toleration runs out', async () => {
    const clock = new VirtualClock();
    cluster = await createCluster({ clock, nodes: 2, seed: 5 });
    const client = new Client(new InProcessTransport(cluster.apiServer));
    const taintsOf = async (name: string) => ((await client.get(NODES, '', name)).spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`);
    await client.patch(NODES, '', 'node-2', 'merge', { spec: { unschedulable: true } });
    await until(clock, async () => (await taintsOf('node-2')).includes('node.kubernetes.io/unschedulable:NoSchedule'), 'cordon taint', 5_000, 100);
    await client.patch(NODES, '', 'node-2', 'merge', { spec: { unschedulable: false } });
    await until(clock, async () => (await taintsOf('node-2')).length === 0, 'uncordoned', 5_000, 100);

    await client.create(DEPLOYMENTS, deployment('db', 1, 120));
    const podOf = async () => ((await client.list(PODS, { namespace: NS, labelSelector: 'app=db' })).items as Frozen<Pod>[])[0];
    await until(clock, async () => Boolean((await podOf()) && isPodReady((await podOf())!)), 'db ready');
    const pod = (await podOf())!;
    const agent = cluster.components!.nodes.find((n) => n.name === pod.spec.nodeName)!;
    agent.stopKubelet();
    await until(clock, async () => (await taintsOf(agent.name)).includes('node.kubernetes.io/unreachable:NoExecute'), 'tainted', 60_000, 1000);
    await agent.restart();
    await until(clock, async () => (await taintsOf(agent.name)).length === 0, 'untainted', 30_000, 500);
    await clock.advance(200_000);
    const after = (await podOf())!;
    expect(after.metadata.uid).toBe(pod.metadata.uid);
    expect(after.metadata.deletionTimestamp).toBeUndefined();
    const messages = (await client.list(EVENTS, { namespace: NS })).items.filter((e) => e.reason === 'TaintManagerEviction').map((e) => e.message);
    expect(messages).toEqual([`Cancelling deletion of Pod ${NS}/${pod.metadata.name}`]);
  });
});
