import { afterEach, describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { Deployment } from '../../src/api/types/deployment.js';
import type { Pod } from '../../src/api/types/pod.js';
import type { ReplicaSet } from '../../src/api/types/replicaset.js';
import { DEPLOYMENTS, EVENTS, PODS, REPLICASETS } from '../../src/client/resources.js';
import { startDeploymentController, type DeploymentController } from '../../src/controllers/deployment/index.js';
import { startReplicaSetController, type ReplicaSetController } from '../../src/controllers/replicaset/index.js';
import { isPodReady } from '../../src/controllers/shared/pod-state.js';
import { FakeKubelet, podTemplate, startTestCluster, until, type FakeKubeletOptions, type TestCluster } from './replicaset-harness.js';

const NS = 'demo';

function deployment(name: string, replicas: number, spec: Partial<Deployment['spec']> = {}, image = 'nginx:1.25'): Frozen<Deployment> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: NS },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: podTemplate({ app: name }, image), ...spec },
  } as Frozen<Deployment>;
}

describe('Deployment controller', () => {
  let t: TestCluster | undefined;
  let dc: DeploymentController | undefined;
  let rsc: ReplicaSetController | undefined;
  let kubelet: FakeKubelet | undefined;
  const stops: (() => void)[] = [];
  afterEach(async () => {
    for (const s of stops.splice(0)) s();
    await dc?.stop();
    await rsc?.stop();
    kubelet?.stop();
    await t?.stop();
    dc = rsc = kubelet = t = undefined;
  });

  async function setup(k: FakeKubeletOptions = {}) {
    t = await startTestCluster(NS);
    kubelet = new FakeKubelet(t.client, t.clock, k);
    rsc = startReplicaSetController({ client: t.client, clock: t.clock });
    dc = startDeploymentController({ client: t.client, clock: t.clock });
    await Promise.all([rsc.started, dc.started]);
    return t;
  }

  const get = (name: string) => t!.client.get(DEPLOYMENTS, NS, name);
  const sets = async (): Promise<Frozen<ReplicaSet>[]> => (await t!.client.list(REPLICASETS, { namespace: NS })).items as Frozen<ReplicaSet>[];
  const livePods = async (): Promise<Frozen<Pod>[]> => (await t!.client.list(PODS, { namespace: NS })).items.filter((p) => !p.metadata.deletionTimestamp);
  const complete = async (name: string): Promise<boolean> => {
    const d = await get(name);
    const s = d.status;
    const r = d.spec?.replicas ?? 1;
    const progressing = s?.conditions?.find((c) => c.type === 'Progressing');
    return (s?.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) && s?.updatedReplicas === r && s?.replicas === r && s?.availableReplicas === r && progressing?.reason === 'NewReplicaSetAvailable';
  };
  // Delayed keys (a progress-deadline check) may wait; nothing is batched, queued or in flight.
  const settled = () => [dc!, rsc!].every((c) => c.batched === 0 && c.queue.length === 0 && c.queue.processing === 0);
  const setImage = (name: string, image: string) =>
    t!.client.patch(DEPLOYMENTS, NS, name, 'strategic', { spec: { template: { spec: { containers: [{ name: 'app', image }] } } } });

  it('creates a hashed ReplicaSet and its pods, reports what rollout status reads, then writes nothing more', async () => {
    const { client, clock, counter } = await setup();
    const d = await client.create(DEPLOYMENTS, deployment('web', 3));
    await until(clock, () => complete('web'), 'rollout complete');
    await until(clock, settled, 'idle');

    const [rs] = await sets();
    const hash = rs.metadata.labels?.['pod-template-hash'];
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec?.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.spec?.template?.metadata?.labels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '1',
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
    });
    expect((await livePods()).every((p) => p.metadata.labels?.['pod-template-hash'] === hash)).toBe(true);

    const current = await get('web');
    expect(current.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('1');
    const status = current.status!;
    expect(status.observedGeneration).toBe(current.metadata.generation);
    expect(status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(status.unavailableReplicas).toBeUndefined();
    const byType = Object.fromEntries((status.conditions ?? []).map((c) => [c.type, c]));
    expect(byType.Available).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' });
    expect(byType.Progressing).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "web-${hash}" has successfully progressed.` });

    const scaling = (await client.list(EVENTS, { namespace: NS })).items.filter((e) => e.reason === 'ScalingReplicaSet');
    expect(scaling.map((e) => e.message)).toEqual([`Scaled up replica set web-${hash} from 0 to 3`]);

    counter.writes = [];
    await dc!.reconcile(`${NS}/web`);
    await dc!.reconcile(`${NS}/web`);
    expect(counter.writes).toEqual([]);
  });

  it('rolls out within maxSurge and maxUnavailable on every watch event', async () => {
    const { client, clock } = await setup({ readyAfterMs: 2000 });
    const strategy = { type: 'RollingUpdate' as const, rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } };
    await client.create(DEPLOYMENTS, deployment('web', 4, { strategy }));
    await until(clock, () => complete('web'), 'first rollout');

    // Every pod event: active pods <= 4 + 1, ready pods >= 4 - 1.
    const live = new Map<string, Frozen<Pod>>();
    const violations: string[] = [];
    for (const p of await livePods()) live.set(p.metadata.name!, p);
    const stop = await client.watch(PODS, { namespace: NS, resourceVersion: (await client.list(PODS, { namespace: NS })).metadata.resourceVersion }, (e) => {
      if (e.type === 'BOOKMARK' || e.type === 'ERROR') return;
      const pod = e.object as Frozen<Pod>;
      if (e.type === 'DELETED' || pod.metadata.deletionTimestamp) live.delete(pod.metadata.name!);
      else live.set(pod.metadata.name!, pod);
      const ready = [...live.values()].filter(isPodReady).length;
      if (live.size > 5) violations.push(`${live.size} pods`);
      if (ready < 3) violations.push(`${ready} ready`);
    });
    stops.push(stop);

    await setImage('web', 'nginx:1.26');
    await until(clock, () => complete('web'), 'second rollout');
    expect(violations).toEqual([]);
    const rss = await sets();
    expect(rss).toHaveLength(2);
    const current = rss.find((rs) => rs.spec?.template?.spec.containers[0].image === 'nginx:1.26')!;
    const old = rss.find((rs) => rs !== current)!;
    expect(current.spec?.replicas).toBe(4);
    expect(old.spec?.replicas).toBe(0);
    expect(current.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect((await livePods()).map((p) => p.spec.containers[0].image)).toEqual(Array(4).fill('nginx:1.26'));
  });

  it('rollout undo (kubectl copies the old template back) reuses the old ReplicaSet and bumps its revision', async () => {
    const { client, clock } = await setup();
    await client.create(DEPLOYMENTS, deployment('web', 2));
    await until(clock, () => complete('web'), 'v1');
    const [first] = await sets();
    await setImage('web', 'nginx:1.26');
    await until(clock, () => complete('web'), 'v2');

    // What `kubectl rollout undo` sends: the old set's template without its hash label.
    const template = structuredClone(first.spec!.template!) as NonNullable<ReplicaSet['spec']>['template'] & object;
    delete template.metadata!.labels!['pod-template-hash'];
    await client.patch(DEPLOYMENTS, NS, 'web', 'json', [{ op: 'replace', path: '/spec/template', value: template }]);
    await until(clock, () => complete('web'), 'undo');

    const rss = await sets();
    expect(rss).toHaveLength(2);
    const reused = rss.find((rs) => rs.metadata.uid === first.metadata.uid)!;
    expect(reused.spec?.replicas).toBe(2);
    expect(reused.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(reused.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
  });

  it('keeps revisionHistoryLimit old ReplicaSets', async () => {
    const { client, clock } = await setup();
    await client.create(DEPLOYMENTS, deployment('web', 1, { revisionHistoryLimit: 1 }));
    for (const v of ['1.26', '1.27', '1.28']) {
      await until(clock, () => complete('web'), 'rollout');
      await setImage('web', `nginx:${v}`);
    }
    await until(clock, async () => (await complete('web')) && (await sets()).length === 2, 'cleaned up');
    const revisions = (await sets()).map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']).sort();
    expect(revisions).toEqual(['3', '4']);
  });

  it('Recreate removes every old pod before creating new ones', async () => {
    const { client, clock } = await setup();
    await client.create(DEPLOYMENTS, deployment('web', 3, { strategy: { type: 'Recreate' } }));
    await until(clock, () => complete('web'), 'v1');
    const mixed: string[] = [];
    const seen = new Map<string, string>();
    const stop = await client.watch(PODS, { namespace: NS }, (e) => {
      if (e.type === 'BOOKMARK' || e.type === 'ERROR') return;
      const pod = e.object as Frozen<Pod>;
      if (e.type === 'DELETED') seen.delete(pod.metadata.name!);
      else seen.set(pod.metadata.name!, pod.spec.containers[0].image ?? '');
      if (new Set(seen.values()).size > 1) mixed.push([...seen.values()].join(','));
    });
    stops.push(stop);
    await setImage('web', 'nginx:1.26');
    await until(clock, () => complete('web'), 'v2');
    expect(mixed).toEqual([]);
    expect((await livePods()).map((p) => p.spec.containers[0].image)).toEqual(Array(3).fill('nginx:1.26'));
  });

  it('makes no rollout progress while paused, and resumes', async () => {
    const { client, clock } = await setup();
    await client.create(DEPLOYMENTS, deployment('web', 2));
    await until(clock, () => complete('web'), 'v1');
    await client.patch(DEPLOYMENTS, NS, 'web', 'merge', { spec: { paused: true } });
    await setImage('web', 'nginx:1.26');
    await until(clock, async () => (await get('web')).status?.conditions?.some((c) => c.reason === 'DeploymentPaused') ?? false, 'paused condition');
    await clock.advance(10_000);
    expect(await sets()).toHaveLength(1);
    const progressing = (await get('web')).status?.conditions?.find((c) => c.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'Unknown', reason: 'DeploymentPaused', message: 'Deployment is paused' });

    // Scaling still works while paused.
    await client.patch(DEPLOYMENTS, NS, 'web', 'merge', { spec: { replicas: 3 } });
    await until(clock, async () => (await livePods()).length === 3, 'scaled while paused');

    await client.patch(DEPLOYMENTS, NS, 'web', 'merge', { spec: { paused: false } });
    await until(clock, () => complete('web'), 'resumed rollout');
    expect(await sets()).toHaveLength(2);
  });

  it('reports ProgressDeadlineExceeded when new pods never become ready', async () => {
    const { client, clock } = await setup({ becomesReady: (p) => p.spec.containers[0].image !== 'nginx:broken' });
    await client.create(DEPLOYMENTS, deployment('web', 2, { progressDeadlineSeconds: 30 }));
    await until(clock, () => complete('web'), 'v1');
    await setImage('web', 'nginx:broken');
    await until(clock, async () => (await get('web')).status?.conditions?.some((c) => c.reason === 'ProgressDeadlineExceeded') ?? false, 'deadline', 120_000, 1000);
    const d = await get('web');
    const newRS = (await sets()).find((rs) => rs.spec?.template?.spec.containers[0].image === 'nginx:broken')!;
    const progressing = d.status?.conditions?.find((c) => c.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` });
    // maxUnavailable 25% of 2 rounds down to 0: the old pods all stay.
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 1 });
  });
});
