import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigMap } from '../../src/api/types/configmap.js';
import type { Pod } from '../../src/api/types/pod.js';
import type { ReplicaSet } from '../../src/api/types/replicaset.js';
import type { Frozen, OwnerReference } from '../../src/api/types.js';
import { CONFIGMAPS, EVENTS, NAMESPACES, PODS, REPLICASETS, SECRETS } from '../../src/client/resources.js';
import { isNotFound } from '../../src/client/response-error.js';
import { startGarbageCollectorController, type GarbageCollectorController } from '../../src/controllers/garbagecollector/index.js';
import { settle, startEnv, until, type Env } from './garbagecollector-harness.js';

const ref = (o: Frozen<{ apiVersion?: string; kind?: string; metadata: { name?: string; uid?: string } }>, extra: Partial<OwnerReference> = {}): OwnerReference => ({
  apiVersion: o.apiVersion ?? 'v1',
  kind: o.kind ?? 'ConfigMap',
  name: o.metadata.name!,
  uid: o.metadata.uid!,
  ...extra,
});

describe('garbage collector', () => {
  let env: Env;
  let gc: GarbageCollectorController | undefined;
  afterEach(async () => {
    await gc?.stop();
    gc = undefined;
    await env?.cluster.stop();
  });

  async function setup(...namespaces: string[]) {
    env = await startEnv();
    for (const name of namespaces) await env.client.create(NAMESPACES, { metadata: { name } });
    return env;
  }
  const exists = async (r: typeof SECRETS | typeof CONFIGMAPS | typeof PODS | typeof REPLICASETS, ns: string, name: string) => {
    try {
      await env.client.get(r as typeof SECRETS, ns, name);
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  };
  const secret = (ns: string, name: string, owners: OwnerReference[]) => env.client.create(SECRETS, { metadata: { namespace: ns, name, ownerReferences: owners } });
  const start = async () => {
    gc = startGarbageCollectorController({ client: env.client, clock: env.clock });
    await gc.started;
  };

  it('deletes dependents of a deleted owner in the background, keeping one that has another owner', async () => {
    const { client, clock } = await setup('gc');
    const owner = await client.create(CONFIGMAPS, { metadata: { namespace: 'gc', name: 'owner' } } as ConfigMap);
    const other = await client.create(CONFIGMAPS, { metadata: { namespace: 'gc', name: 'other' } } as ConfigMap);
    await secret('gc', 'only', [ref(owner)]);
    await secret('gc', 'shared', [ref(owner), ref(other)]);
    await start();
    await settle(clock);
    expect(await exists(SECRETS, 'gc', 'only')).toBe(true);
    await client.delete(CONFIGMAPS, 'gc', 'owner');
    await until(clock, async () => !(await exists(SECRETS, 'gc', 'only')), 'only deleted');
    await until(clock, async () => (await client.get(SECRETS, 'gc', 'shared')).metadata.ownerReferences?.length === 1, 'dangling ref removed');
    const shared = await client.get(SECRETS, 'gc', 'shared');
    expect(shared.metadata.ownerReferences?.[0].uid).toBe(other.metadata.uid);
    // Idempotent: another pass over everything writes nothing.
    const before = env.counter.writes.length;
    for (const uid of [shared.metadata.uid!, other.metadata.uid!]) await gc!.reconcile(uid);
    expect(env.counter.writes.slice(before)).toEqual([]);
  });

  it('treats an owner whose uid does not match, or that never existed, as missing', async () => {
    const { client, clock } = await setup('gc');
    const owner = await client.create(CONFIGMAPS, { metadata: { namespace: 'gc', name: 'owner' } } as ConfigMap);
    await secret('gc', 'stale', [{ ...ref(owner), uid: '00000000-0000-4000-8000-000000000000' }]);
    await secret('gc', 'never', [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'ghost', uid: '11111111-0000-4000-8000-000000000000' }]);
    await secret('gc', 'good', [ref(owner)]);
    await start();
    await until(clock, async () => !(await exists(SECRETS, 'gc', 'stale')) && !(await exists(SECRETS, 'gc', 'never')), 'orphans collected');
    expect(await exists(SECRETS, 'gc', 'good')).toBe(true);
  });

  it('Foreground: the owner waits, with its finalizer, until blocking dependents are gone', async () => {
    const { client, clock } = await setup('gc');
    const rs = await client.create(REPLICASETS, {
      metadata: { namespace: 'gc', name: 'web' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
    } as ReplicaSet);
    const owners = [ref(rs, { controller: true, blockOwnerDeletion: true })];
    const pod = (name: string, finalizers?: string[]) =>
      client.create(PODS, { metadata: { namespace: 'gc', name, labels: { app: 'web' }, ownerReferences: owners, finalizers }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as Pod);
    await pod('web-a');
    await pod('web-held', ['example.com/hold']);
    await start();
    await client.delete(REPLICASETS, 'gc', 'web', { propagationPolicy: 'Foreground' });
    await until(clock, async () => !(await exists(PODS, 'gc', 'web-a')), 'web-a deleted');
    await settle(clock);
    const waiting = await client.get(REPLICASETS, 'gc', 'web');
    expect(waiting.metadata.deletionTimestamp).toBeDefined();
    expect(waiting.metadata.finalizers).toContain('foregroundDeletion');
    const held = await client.get(PODS, 'gc', 'web-held');
    expect(held.metadata.deletionTimestamp).toBeDefined();
    await client.update(PODS, { ...held, metadata: { ...held.metadata, finalizers: undefined } });
    await until(clock, async () => !(await exists(REPLICASETS, 'gc', 'web')), 'replicaset deleted after its pods');
    expect(await exists(PODS, 'gc', 'web-held')).toBe(false);
  });

  it('Orphan: dependents lose the reference and stay; the owner goes', async () => {
    const { client, clock } = await setup('gc');
    const owner = await client.create(CONFIGMAPS, { metadata: { namespace: 'gc', name: 'owner' } } as ConfigMap);
    await secret('gc', 's1', [ref(owner, { blockOwnerDeletion: true })]);
    await secret('gc', 's2', [ref(owner)]);
    await start();
    await client.delete(CONFIGMAPS, 'gc', 'owner', { propagationPolicy: 'Orphan' });
    await until(clock, async () => !(await exists(CONFIGMAPS, 'gc', 'owner')), 'owner deleted');
    for (const name of ['s1', 's2']) expect((await client.get(SECRETS, 'gc', name)).metadata.ownerReferences).toBeUndefined();
  });

  it('refuses an owner in another namespace: Warning OwnerRefInvalidNamespace, dependent collected', async () => {
    const { client, clock } = await setup('a', 'b');
    const owner = await client.create(CONFIGMAPS, { metadata: { namespace: 'a', name: 'owner' } } as ConfigMap);
    await secret('b', 'cross', [ref(owner)]);
    await start();
    await until(clock, async () => !(await exists(SECRETS, 'b', 'cross')), 'cross-namespace dependent deleted');
    await until(clock, async () => (await client.list(EVENTS, { namespace: 'b' })).items.some((e) => e.reason === 'OwnerRefInvalidNamespace'), 'event');
    const event = (await client.list(EVENTS, { namespace: 'b' })).items.find((e) => e.reason === 'OwnerRefInvalidNamespace')!;
    expect(event.type).toBe('Warning');
    expect(event.involvedObject.name).toBe('cross');
    expect(event.message).toBe(`ownerRef [v1/ConfigMap, namespace: b, name: owner, uid: ${owner.metadata.uid}] does not exist in namespace "b"`);
    expect(await exists(CONFIGMAPS, 'a', 'owner')).toBe(true);
  });

  it('keeps namespaced dependents of a cluster-scoped owner while it lives', async () => {
    const { client, clock } = await setup('gc');
    const ns = await client.get(NAMESPACES, '', 'gc');
    await secret('gc', 'by-namespace', [{ apiVersion: 'v1', kind: 'Namespace', name: 'gc', uid: ns.metadata.uid! }]);
    await start();
    await settle(clock, 50);
    expect(await exists(SECRETS, 'gc', 'by-namespace')).toBe(true);
  });

  it('Foreground propagates down a chain: each level waits for the one below', async () => {
    const { client, clock } = await setup('gc');
    const top = await client.create(CONFIGMAPS, { metadata: { namespace: 'gc', name: 'top' } } as ConfigMap);
    const mid = await client.create(CONFIGMAPS, { metadata: { namespace: 'gc', name: 'mid', ownerReferences: [ref(top, { blockOwnerDeletion: true })] } } as ConfigMap);
    await secret('gc', 'leaf', [ref(mid, { blockOwnerDeletion: true })]);
    await client.create(SECRETS, { metadata: { namespace: 'gc', name: 'held', finalizers: ['example.com/hold'], ownerReferences: [ref(mid, { blockOwnerDeletion: true })] } });
    await start();
    await client.delete(CONFIGMAPS, 'gc', 'top', { propagationPolicy: 'Foreground' });
    await until(clock, async () => !(await exists(SECRETS, 'gc', 'leaf')), 'leaf deleted');
    await settle(clock);
    const midNow = await client.get(CONFIGMAPS, 'gc', 'mid');
    expect(midNow.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect((await client.get(CONFIGMAPS, 'gc', 'top')).metadata.finalizers).toEqual(['foregroundDeletion']);
    const held = await client.get(SECRETS, 'gc', 'held');
    await client.update(SECRETS, { ...held, metadata: { ...held.metadata, finalizers: undefined } });
    await until(clock, async () => !(await exists(CONFIGMAPS, 'gc', 'top')), 'top deleted last');
    expect(await exists(CONFIGMAPS, 'gc', 'mid')).toBe(false);
  });

  it('never collects a cluster-scoped dependent naming a namespaced owner', async () => {
    const { client, clock } = await setup('gc');
    const owner = await client.create(CONFIGMAPS, { metadata: { namespace: 'gc', name: 'owner' } } as ConfigMap);
    await client.create(NAMESPACES, { metadata: { name: 'odd', ownerReferences: [ref(owner)] } });
    await start();
    await until(clock, async () => (await client.list(EVENTS, { namespace: 'default' })).items.some((e) => e.reason === 'OwnerRefInvalidNamespace'), 'event');
    await settle(clock, 50);
    expect((await client.get(NAMESPACES, '', 'odd')).metadata.deletionTimestamp).toBeUndefined();
  });
});
