import { afterEach, describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { Pod } from '../../src/api/types/pod.js';
import type { ReplicaSet } from '../../src/api/types/replicaset.js';
import { EVENTS, PODS, REPLICASETS } from '../../src/client/resources.js';
import { startReplicaSetController, type ReplicaSetController } from '../../src/controllers/replicaset/index.js';
import { FakeKubelet, podTemplate, startTestCluster, until, type TestCluster } from './replicaset-harness.js';

const NS = 'demo';

function replicaSet(name: string, replicas: number, extra: Partial<ReplicaSet['spec']> = {}): Frozen<ReplicaSet> {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: NS },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: podTemplate({ app: name }), ...extra },
  } as Frozen<ReplicaSet>;
}

describe('ReplicaSet controller', () => {
  let t: TestCluster | undefined;
  let controller: ReplicaSetController | undefined;
  let kubelet: FakeKubelet | undefined;
  afterEach(async () => {
    await controller?.stop();
    kubelet?.stop();
    await t?.stop();
    controller = kubelet = t = undefined;
  });

  const podsOf = async (name: string): Promise<Frozen<Pod>[]> =>
    (await t!.client.list(PODS, { namespace: NS, labelSelector: `app=${name}` })).items.filter((p) => !p.metadata.deletionTimestamp);
  const rsNow = (name: string) => t!.client.get(REPLICASETS, NS, name);

  async function setup(kubeletOptions?: ConstructorParameters<typeof FakeKubelet>[2] | false) {
    t = await startTestCluster(NS);
    if (kubeletOptions !== false) kubelet = new FakeKubelet(t.client, t.clock, kubeletOptions ?? {});
    controller = startReplicaSetController({ client: t.client, clock: t.clock });
    await controller.started;
    return t;
  }

  it('creates pods from the template, reports status, and a second pass writes nothing', async () => {
    const { client, clock, counter } = await setup();
    const rs = await client.create(REPLICASETS, replicaSet('web', 3));
    await until(clock, async () => (await rsNow('web')).status?.availableReplicas === 3 && controller!.idle, 'three available');

    const pods = await podsOf('web');
    expect(pods).toHaveLength(3);
    for (const pod of pods) {
      expect(pod.metadata.generateName).toBe('web-');
      expect(pod.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(pod.metadata.labels).toEqual({ app: 'web' });
      expect(pod.metadata.ownerReferences).toEqual([
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    const status = (await rsNow('web')).status;
    expect(status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });

    const events = (await client.list(EVENTS, { namespace: NS })).items.filter((e) => e.reason === 'SuccessfulCreate');
    expect(events.map((e) => e.message).sort()).toEqual(pods.map((p) => `Created pod: ${p.metadata.name}`).sort());
    expect(events[0].source).toEqual({ component: 'replicaset-controller' });

    counter.writes = [];
    await controller!.reconcile(`${NS}/web`);
    await controller!.reconcile(`${NS}/web`);
    expect(counter.writes).toEqual([]);
  });

  it('syncs once for a burst of pod events at one instant, and records events as the client-go correlator lets it', async () => {
    const { client, clock, counter } = await setup({ readyAfterMs: 1000 });
    await client.create(REPLICASETS, replicaSet('burst', 60));
    await until(clock, async () => (await rsNow('burst')).status?.readyReplicas === 60 && controller!.idle, 'sixty ready');
    // All 60 pods turn ready at one virtual instant; without coalescing each of their events
    // would cost a sync over every pod, and most of those syncs a status write.
    const statusWrites = counter.writes.filter((w) => w === `PUT /apis/apps/v1/namespaces/${NS}/replicasets/burst/status`);
    expect(statusWrites.length).toBeLessThanOrEqual(10);
    // As client-go's correlator: from the tenth message on, similar events combine into one
    // "(combined from similar events)" event whose count climbs; and the spam filter lets 25
    // writes about one object through in a burst, then one per 5 minutes (the dropped ones
    // still count, as in Go).
    const created = async () => {
      const events = (await client.list(EVENTS, { namespace: NS })).items.filter((e) => e.reason === 'SuccessfulCreate');
      const combined = events.filter((e) => e.message!.startsWith('(combined from similar events): Created pod: '));
      expect(combined).toHaveLength(1);
      return { single: events.length - combined.length, combinedCount: combined[0].count };
    };
    expect(await created()).toEqual({ single: 9, combinedCount: 16 });
    await client.patch(REPLICASETS, NS, 'burst', 'merge', { spec: { replicas: 63 } });
    await until(clock, async () => (await podsOf('burst')).length === 63, 'sixty-three pods');
    expect(await created()).toEqual({ single: 9, combinedCount: 16 });
    await clock.advance(300_000);
    await client.patch(REPLICASETS, NS, 'burst', 'merge', { spec: { replicas: 64 } });
    await until(clock, async () => (await podsOf('burst')).length === 64, 'sixty-four pods');
    // 51 combined so far (16 written, 35 dropped), 3 more dropped, and this one: the 55th.
    expect(await created()).toEqual({ single: 9, combinedCount: 55 });
  });

  it('never creates twice while its own creations are not yet observed (expectations)', async () => {
    const { client, clock, counter } = await setup(false);
    await client.create(REPLICASETS, replicaSet('lag', 4));
    await until(clock, () => controller!.idle, 'first pass');
    // Extra passes right away, before or while the informer catches up with the new pods.
    const again = () => controller!.reconcile(`${NS}/lag`).catch(() => undefined);
    await Promise.all([again(), again(), again()]);
    await until(clock, async () => (await podsOf('lag')).length === 4 && controller!.idle, 'four pods');
    await Promise.all([again(), again()]);
    await until(clock, () => controller!.idle, 'idle');
    expect(counter.writes.filter((w) => w === `POST /api/v1/namespaces/${NS}/pods`)).toHaveLength(4);
    expect(await podsOf('lag')).toHaveLength(4);
  });

  it('deletes unready and unscheduled pods before ready ones when scaled down', async () => {
    const { client, clock } = await setup({ readyAfterMs: 1000 });
    await client.create(REPLICASETS, replicaSet('web', 3));
    await until(clock, async () => (await rsNow('web')).status?.readyReplicas === 3, 'three ready');
    const readyNames = (await podsOf('web')).map((p) => p.metadata.name).sort();

    // Two more that will not become ready in time.
    kubelet!.stop();
    kubelet = undefined;
    await client.patch(REPLICASETS, NS, 'web', 'merge', { spec: { replicas: 5 } });
    await until(clock, async () => (await podsOf('web')).length === 5, 'five pods');
    await client.patch(REPLICASETS, NS, 'web', 'merge', { spec: { replicas: 3 } });
    await until(clock, async () => (await podsOf('web')).length === 3 && controller!.idle, 'back to three');
    expect((await podsOf('web')).map((p) => p.metadata.name).sort()).toEqual(readyNames);

    const deleted = (await client.list(EVENTS, { namespace: NS })).items.filter((e) => e.reason === 'SuccessfulDelete');
    expect(deleted).toHaveLength(2);
    expect(deleted[0].message).toMatch(/^Deleted pod: web-/);
  });

  it('adopts a matching orphan and releases a pod that stops matching', async () => {
    const { client, clock } = await setup();
    await client.create(PODS, { metadata: { name: 'stray', namespace: NS, labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } as Frozen<Pod>);
    const rs = await client.create(REPLICASETS, replicaSet('web', 2));
    await until(clock, async () => (await rsNow('web')).status?.readyReplicas === 2 && controller!.idle, 'two ready');
    const stray = await client.get(PODS, NS, 'stray');
    expect(stray.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true });
    expect(await podsOf('web')).toHaveLength(2);

    // Relabel: released (ownerReference dropped) and replaced.
    await client.patch(PODS, NS, 'stray', 'merge', { metadata: { labels: { app: 'debug' } } });
    await until(clock, async () => (await podsOf('web')).length === 2 && !(await client.get(PODS, NS, 'stray')).metadata.ownerReferences?.length, 'released and replaced');
    expect((await podsOf('web')).map((p) => p.metadata.name)).not.toContain('stray');
  });

  it('counts pods available only after minReadySeconds', async () => {
    const { client, clock } = await setup({ readyAfterMs: 1000 });
    await client.create(REPLICASETS, replicaSet('slow', 2, { minReadySeconds: 10 }));
    await until(clock, async () => (await rsNow('slow')).status?.readyReplicas === 2, 'ready');
    expect((await rsNow('slow')).status?.availableReplicas).toBeUndefined();
    const readyAt = clock.now();
    await until(clock, async () => (await rsNow('slow')).status?.availableReplicas === 2, 'available');
    const waited = clock.now() - readyAt;
    expect(waited).toBeGreaterThanOrEqual(9000);
    expect(waited).toBeLessThanOrEqual(12_000);
  });

  it('sets ReplicaFailure when pods cannot be created, and clears it once they can', async () => {
    const { client, clock } = await setup();
    const bad = replicaSet('broken', 2);
    const spec = { ...bad.spec!, template: { ...bad.spec!.template!, spec: { ...bad.spec!.template!.spec, priorityClassName: 'missing' } } };
    await client.create(REPLICASETS, { ...bad, spec } as Frozen<ReplicaSet>);
    await until(clock, async () => ((await rsNow('broken')).status?.conditions ?? []).length > 0, 'failure condition');
    const cond = (await rsNow('broken')).status!.conditions![0];
    expect(cond).toMatchObject({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate' });
    expect(cond.message).toMatch(/^pods "broken-[a-z0-9]{5}" is forbidden: no PriorityClass with name missing was found$/);
    const failed = (await client.list(EVENTS, { namespace: NS })).items.find((e) => e.reason === 'FailedCreate');
    expect(failed?.type).toBe('Warning');
    expect(failed?.message).toMatch(/^Error creating: pods "broken-/);

    await client.patch(REPLICASETS, NS, 'broken', 'json', [{ op: 'remove', path: '/spec/template/spec/priorityClassName' }]);
    await until(clock, async () => (await rsNow('broken')).status?.readyReplicas === 2, 'recovered', 600_000, 1000);
    expect((await rsNow('broken')).status?.conditions).toBeUndefined();
  });
});
