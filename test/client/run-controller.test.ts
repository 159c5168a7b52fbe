import { afterEach, describe, expect, it } from 'vitest';
import { conflict } from '../../src/api/errors.js';
import type { ConfigMap } from '../../src/api/types/configmap.js';
import type { Frozen } from '../../src/api/types.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Client } from '../../src/client/client.js';
import { InProcessTransport } from '../../src/client/in-process-transport.js';
import { Informer } from '../../src/client/informer.js';
import { Lister } from '../../src/client/lister.js';
import { objectKeyOf, splitKey } from '../../src/client/object-key.js';
import { CONFIGMAPS, NAMESPACES } from '../../src/client/resources.js';
import { isNotFound } from '../../src/client/response-error.js';
import { runController, type RunningController } from '../../src/client/run-controller.js';
import type { ApiRequest, Transport } from '../../src/client/transport.js';
import { WorkQueue } from '../../src/client/work-queue.js';
import { createCluster, type Cluster } from '../../src/sim/cluster.js';

/** Counts the writes that go through it. */
class WriteCounter implements Transport {
  writes: string[] = [];
  constructor(private readonly inner: Transport) {}
  request(req: ApiRequest) {
    if (req.method !== 'GET') this.writes.push(`${req.method} ${req.path}`);
    return this.inner.request(req);
  }
}

const sameData = (a: Frozen<ConfigMap>['data'], b: Frozen<ConfigMap>['data']): boolean => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/** The toy controller: every ConfigMap in "source" has a copy with the same data in "mirror". */
function mirrorController(client: Client, clock: VirtualClock) {
  const source = new Informer(client, CONFIGMAPS, { clock, namespace: 'source' });
  const mirror = new Informer(client, CONFIGMAPS, { clock, namespace: 'mirror' });
  const sources = new Lister(source);
  const copies = new Lister(mirror);
  const queue = new WorkQueue<string>(clock);
  const enqueue = (o: Frozen<ConfigMap>): void => queue.add(`source/${o.metadata.name}`);
  for (const informer of [source, mirror]) {
    informer.addEventHandler({ onAdd: enqueue, onUpdate: (_, o) => enqueue(o), onDelete: enqueue });
  }
  const reconcile = async (key: string): Promise<void> => {
    const { name } = splitKey(key);
    const want = sources.get('source', name);
    const have = copies.get('mirror', name);
    if (!want) {
      if (have) await client.delete(CONFIGMAPS, 'mirror', name).catch((e) => (isNotFound(e) ? undefined : Promise.reject(e)));
      return;
    }
    if (!have) await client.create(CONFIGMAPS, { metadata: { namespace: 'mirror', name }, data: want.data });
    else if (!sameData(have.data, want.data)) await client.update(CONFIGMAPS, { ...have, data: want.data });
  };
  return { source, mirror, queue, reconcile };
}

async function until(clock: VirtualClock, check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await clock.advance(10);
  }
  throw new Error(`never converged: ${what}`);
}

describe('runController', () => {
  let cluster: Cluster | undefined;
  let running: RunningController | undefined;
  const stops: (() => void)[] = [];
  afterEach(async () => {
    await running?.stop();
    for (const s of stops.splice(0)) s();
    await cluster?.stop();
  });

  async function setup() {
    const clock = new VirtualClock();
    cluster = await createCluster({ clock });
    const counter = new WriteCounter(new InProcessTransport(cluster.apiServer));
    const client = new Client(counter);
    for (const name of ['source', 'mirror']) await client.create(NAMESPACES, { metadata: { name } });
    return { clock, client, counter };
  }

  it('mirrors ConfigMaps, converges through changes, and a second reconcile writes nothing', async () => {
    const { clock, client, counter } = await setup();
    for (let i = 0; i < 5; i++) await client.create(CONFIGMAPS, { metadata: { namespace: 'source', name: `c${i}` }, data: { i: String(i) } });
    const c = mirrorController(client, clock);
    c.source.start();
    c.mirror.start();
    stops.push(() => c.source.stop(), () => c.mirror.stop());
    running = runController({ name: 'mirror', informers: [c.source, c.mirror], queue: c.queue, workers: 3, reconcile: c.reconcile });
    expect(await running.started).toBe(true);

    const converged = (): boolean => {
      const want = c.source.list().map((o) => `${o.metadata.name}=${JSON.stringify(o.data ?? {})}`).sort();
      const have = c.mirror.list().map((o) => `${o.metadata.name}=${JSON.stringify(o.data ?? {})}`).sort();
      return JSON.stringify(want) === JSON.stringify(have) && c.queue.idle;
    };
    await until(clock, converged, 'initial copy');
    expect(c.mirror.list()).toHaveLength(5);

    await client.patch(CONFIGMAPS, 'source', 'c1', 'merge', { data: { i: 'changed' } });
    await client.delete(CONFIGMAPS, 'source', 'c2');
    await client.create(CONFIGMAPS, { metadata: { namespace: 'source', name: 'c9' }, data: { new: 'yes' } });
    await client.delete(CONFIGMAPS, 'mirror', 'c3'); // drift in the copy is repaired too
    await until(clock, converged, 'after changes');
    expect(c.mirror.list().map((o) => o.metadata.name).sort()).toEqual(['c0', 'c1', 'c3', 'c4', 'c9']);

    counter.writes = [];
    for (const o of c.source.list()) await c.reconcile(objectKeyOf(o));
    await c.reconcile('source/c2');
    expect(counter.writes).toEqual([]);
  });

  it('retries a failed key with growing backoff, quietly for Conflicts, and forgets it on success', async () => {
    const { clock } = await setup();
    const queue = new WorkQueue<string>(clock);
    const calls: number[] = [];
    const errors: string[] = [];
    const start = clock.now();
    running = runController({
      name: 'flaky',
      informers: [],
      queue,
      reconcile: async () => {
        calls.push(clock.now() - start);
        if (calls.length === 1) throw conflict({ group: '', resource: 'configmaps' }, 'x', 'the object has been modified');
        if (calls.length <= 3) throw new Error('boom');
      },
      onError: (key, e) => errors.push(`${key}: ${(e as Error).message.slice(0, 24)}`),
    });
    await running.started;
    queue.add('k');
    await clock.advance(34);
    expect(calls).toEqual([0, 5, 15]);
    await clock.advance(100);
    expect(calls).toEqual([0, 5, 15, 35]);
    expect(errors).toHaveLength(3);
    expect(queue.numRequeues('k')).toBe(0);
    queue.add('k');
    await clock.advance(1);
    expect(calls).toHaveLength(5);
  });

  it('honours requeueAfterMs on the clock', async () => {
    const { clock } = await setup();
    const queue = new WorkQueue<string>(clock);
    const calls: number[] = [];
    const start = clock.now();
    running = runController({
      name: 'timed',
      informers: [],
      queue,
      reconcile: async () => {
        calls.push(clock.now() - start);
        return calls.length < 3 ? { requeueAfterMs: 1_000 } : undefined;
      },
    });
    await running.started;
    queue.add('k');
    await clock.advance(5_000);
    expect(calls).toEqual([0, 1_000, 2_000]);
  });

  it('stop resolves after reconciles in flight, and started answers false when stopped before sync', async () => {
    const { clock, client } = await setup();
    const never = new Informer(client, CONFIGMAPS, { clock }); // never started: never syncs
    const queue = new WorkQueue<string>(clock);
    const r = runController({ name: 'unsynced', informers: [never], queue, reconcile: async () => {} });
    await r.stop();
    expect(await r.started).toBe(false);
  });
});
