import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigMap } from '../../src/api/types/configmap.js';
import type { Frozen } from '../../src/api/types.js';
import { RealClock } from '../../src/clock/real-clock.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Client } from '../../src/client/client.js';
import { Informer } from '../../src/client/informer.js';
import { Lister } from '../../src/client/lister.js';
import { objectKeyOf } from '../../src/client/object-key.js';
import { CONFIGMAPS, NAMESPACES } from '../../src/client/resources.js';
import type { ApiRequest, Transport } from '../../src/client/transport.js';
import { createCluster } from '../../src/sim/cluster.js';
import { InProcessTransport } from '../../src/client/in-process-transport.js';
import { eventually, startHarness, TRANSPORTS, type Harness } from './harness.js';

const cm = (namespace: string, name: string, data: Record<string, string> = {}, labels?: Record<string, string>): ConfigMap => ({
  metadata: { namespace, name, ...(labels ? { labels } : {}) },
  data,
});

/** What handlers saw, replayed into a map: it must equal the cache at every quiet point. */
function mirror<T extends ConfigMap>(informer: Informer<T>) {
  const seen = new Map<string, Frozen<T>>();
  const log: string[] = [];
  informer.addEventHandler({
    onAdd: (o) => {
      expect(seen.has(objectKeyOf(o))).toBe(false);
      seen.set(objectKeyOf(o), o);
      log.push(`add ${o.metadata.name}`);
    },
    onUpdate: (old, o) => {
      expect(seen.get(objectKeyOf(o))).toBe(old);
      seen.set(objectKeyOf(o), o);
      log.push(`update ${o.metadata.name}`);
    },
    onDelete: (o) => {
      expect(seen.has(objectKeyOf(o))).toBe(true);
      seen.delete(objectKeyOf(o));
      log.push(`delete ${o.metadata.name}`);
    },
  });
  return { seen, log };
}

const snapshot = (items: readonly Frozen<ConfigMap>[]): Record<string, string | undefined> =>
  Object.fromEntries(items.map((o) => [objectKeyOf(o), o.metadata.resourceVersion] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

async function serverState(client: Client, namespace: string): Promise<Record<string, string | undefined>> {
  return snapshot((await client.list(CONFIGMAPS, { namespace })).items);
}

/** A transport that counts plain lists (not watches), to tell a relist from a rewatch. */
class CountingTransport implements Transport {
  lists = 0;
  watches = 0;
  constructor(private readonly inner: Transport) {}
  request(req: ApiRequest) {
    if (req.query.get('watch') === 'true') this.watches++;
    if (req.method === 'GET' && req.query.get('watch') !== 'true' && !req.path.match(/\/configmaps\/[^/]+$/)) this.lists++;
    return this.inner.request(req);
  }
}

type Op = { kind: 'create' | 'update' | 'delete'; name: string; value: string };
const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('create', 'update', 'delete'),
  name: fc.constantFrom('a', 'b', 'c', 'd'),
  value: fc.string({ maxLength: 3 }),
});

async function apply(client: Client, namespace: string, op: Op): Promise<void> {
  try {
    if (op.kind === 'create') await client.create(CONFIGMAPS, cm(namespace, op.name, { v: op.value }));
    else if (op.kind === 'delete') await client.delete(CONFIGMAPS, namespace, op.name);
    else await client.patch(CONFIGMAPS, namespace, op.name, 'merge', { data: { v: op.value } });
  } catch (e) {
    if (!(e as { code?: number }).code) throw e; // 404 / 409 are part of the random walk
  }
}

describe.each(TRANSPORTS)('Informer over %s', (kind) => {
  let h: Harness;
  let run = 0;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  it('stays equal to the server through any sequence of creates, updates and deletes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 25 }), fc.array(opArb, { maxLength: 10 }), async (before, after) => {
        const namespace = `prop-${kind}-${run++}`;
        await h.client.create(NAMESPACES, { metadata: { name: namespace } });
        for (const op of before) await apply(h.client, namespace, op);
        const informer = new Informer(h.client, CONFIGMAPS, { clock: new RealClock(), namespace });
        const { seen } = mirror(informer);
        informer.start();
        expect(await informer.waitForSync()).toBe(true);
        expect(snapshot(informer.list())).toEqual(await serverState(h.client, namespace));
        for (const op of after) await apply(h.client, namespace, op);
        const want = await serverState(h.client, namespace);
        await eventually(() => JSON.stringify(snapshot(informer.list())) === JSON.stringify(want), 'the informer to catch up');
        expect(snapshot([...seen.values()])).toEqual(want);
        expect(informer.list().every((o) => Object.isFrozen(o) && Object.isFrozen(o.metadata))).toBe(true);
        informer.stop();
      }),
      { numRuns: 12, seed: 7 },
    );
  });

  it('replays the cache as adds to a handler added late, and lists through a Lister', async () => {
    await h.client.create(NAMESPACES, { metadata: { name: `lister-${kind}` } });
    await h.client.create(CONFIGMAPS, cm(`lister-${kind}`, 'web', {}, { app: 'web', tier: 'front' }));
    await h.client.create(CONFIGMAPS, cm(`lister-${kind}`, 'db', {}, { app: 'db' }));
    const informer = new Informer(h.client, CONFIGMAPS, { clock: new RealClock() });
    informer.start();
    await informer.waitForSync();
    const late: string[] = [];
    informer.addEventHandler({ onAdd: (o) => late.push(objectKeyOf(o)) });
    expect(late).toContain(`lister-${kind}/web`);
    const lister = new Lister(informer);
    expect(lister.get(`lister-${kind}`, 'web')?.metadata.labels).toEqual({ app: 'web', tier: 'front' });
    expect(lister.get(`lister-${kind}`, 'nope')).toBeUndefined();
    expect(lister.list(`lister-${kind}`).map((o) => o.metadata.name).sort()).toEqual(['db', 'web']);
    expect(lister.list(`lister-${kind}`, 'app in (web),tier').map((o) => o.metadata.name)).toEqual(['web']);
    expect(lister.list(undefined, 'app=db').map((o) => o.metadata.name)).toEqual(['db']);
    informer.stop();
  });
});

describe.each(TRANSPORTS)('Informer recovery over %s', (kind) => {
  it('after a dropped stream, watches again from its resourceVersion without relisting', async () => {
    const h = await startHarness(kind);
    const clock = new VirtualClock();
    const transport = new CountingTransport(h.client.transport);
    const informer = new Informer(new Client(transport), CONFIGMAPS, { clock, namespace: 'default' });
    const { log } = mirror(informer);
    try {
      informer.start();
      await informer.waitForSync();
      expect(transport.lists).toBe(1);
      informer.dropWatch();
      await h.client.create(CONFIGMAPS, cm('default', 'during-outage'));
      await new Promise<void>((resolve) => setImmediate(resolve));
      expect(informer.get('default/during-outage')).toBeUndefined();
      await clock.advance(1_000); // the retry backoff (800 ms) passes
      await eventually(() => informer.get('default/during-outage') !== undefined, 'the rewatch to deliver');
      expect(transport.lists).toBe(1);
      expect(log.at(-1)).toBe('add during-outage');
    } finally {
      informer.stop();
      await h.close();
    }
  });

  it('relists after a 410 and emits exactly the differences', async () => {
    const h = await startHarness(kind, { historyCapacity: 4 });
    const clock = new VirtualClock();
    const transport = new CountingTransport(h.client.transport);
    const informer = new Informer(new Client(transport), CONFIGMAPS, { clock, namespace: 'default' });
    const { seen, log } = mirror(informer);
    try {
      for (const name of ['keep', 'change', 'remove']) await h.client.create(CONFIGMAPS, cm('default', name, { v: '0' }));
      informer.start();
      await informer.waitForSync();
      expect(transport.lists).toBe(1);
      informer.dropWatch();
      // Many writes while no stream is open: more than the history the server keeps.
      for (let i = 1; i <= 10; i++) await h.client.patch(CONFIGMAPS, 'default', 'change', 'merge', { data: { v: String(i) } });
      await h.client.delete(CONFIGMAPS, 'default', 'remove');
      await h.client.create(CONFIGMAPS, cm('default', 'new'));
      for (let i = 0; i < 6; i++) await h.client.create(CONFIGMAPS, cm('default', `filler-${i}`));
      for (let i = 0; i < 6; i++) await h.client.delete(CONFIGMAPS, 'default', `filler-${i}`);
      log.length = 0;
      await clock.advance(1_000);
      const want = await serverState(h.client, 'default');
      await eventually(() => JSON.stringify(snapshot(informer.list())) === JSON.stringify(want), 'the relist');
      expect(transport.lists).toBe(2);
      expect(log.sort()).toEqual(['add new', 'delete remove', 'update change']);
      expect(snapshot([...seen.values()])).toEqual(want);
      expect(informer.get('default/change')?.data).toEqual({ v: '10' });
      // And it keeps following afterwards.
      await h.client.create(CONFIGMAPS, cm('default', 'later'));
      await eventually(() => informer.get('default/later') !== undefined, 'the watch after the relist');
    } finally {
      informer.stop();
      await h.close();
    }
  });
});

describe('Informer on a virtual clock', () => {
  it('follows bookmarks, and watches again without relisting when the server ends the stream', async () => {
    const clock = new VirtualClock();
    const cluster = await createCluster({ clock, bookmarkIntervalMs: 60_000 });
    const transport = new CountingTransport(new InProcessTransport(cluster.apiServer));
    const client = new Client(transport);
    const informer = new Informer(client, CONFIGMAPS, { clock, namespace: 'default' });
    try {
      informer.start();
      await informer.waitForSync();
      const listed = Number(informer.lastSyncResourceVersion);
      const ns = await client.create(NAMESPACES, { metadata: { name: 'elsewhere' } });
      expect(Number(ns.metadata.resourceVersion)).toBeGreaterThan(listed);
      await clock.advance(60_000);
      expect(informer.lastSyncResourceVersion).toBe(ns.metadata.resourceVersion);
      await clock.advance(31 * 60_000); // past the server's 30-minute watch timeout
      await client.create(CONFIGMAPS, cm('default', 'after-timeout'));
      await clock.advance(1);
      expect(informer.get('default/after-timeout')).toBeDefined();
      expect(transport.lists).toBe(1);
      expect(transport.watches).toBe(2);
    } finally {
      informer.stop();
      await cluster.stop();
    }
  });
});
