// Taint-based eviction zone by zone: zone states from the nodes' Ready statuses, the rate at
// which each zone's not-ready nodes get their NoExecute taint (--node-eviction-rate 0.1/s,
// --secondary-node-eviction-rate 0.01/s above --large-cluster-size-threshold 50 nodes, none in
// a small partly disrupted zone), and no eviction at all while every zone is down.
import { afterEach, describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { Node } from '../../src/api/types/node.js';
import { rfc3339 } from '../../src/clock/clock.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Client, InProcessTransport, Informer, Lister, NODES } from '../../src/client/index.js';
import { RateLimitedQueue } from '../../src/controllers/nodelifecycle/rate-limited-queue.js';
import { TokenBucket } from '../../src/client/token-bucket.js';
import { ZoneTainting } from '../../src/controllers/nodelifecycle/zone-tainting.js';
import { computeZoneState, DEFAULT_EVICTION_RATES, planDisruption, zoneEvictionQps, zoneKeyOf, type ZoneState } from '../../src/controllers/nodelifecycle/zone-state.js';
import { createCluster, type Cluster } from '../../src/sim/cluster.js';

const rates = DEFAULT_EVICTION_RATES;
const times = (n: number, s: string | undefined) => Array.from({ length: n }, () => s);

describe('zone states and rates', () => {
  it('keys zones by region and zone, the deprecated labels first', () => {
    const node = (labels: Record<string, string>) => ({ metadata: { name: 'n', labels } }) as Frozen<Node>;
    expect(zoneKeyOf(node({}))).toBe('');
    expect(zoneKeyOf(node({ 'topology.kubernetes.io/zone': 'a', 'topology.kubernetes.io/region': 'r' }))).toBe('r:\u0000:a');
    expect(zoneKeyOf(node({ 'topology.kubernetes.io/zone': 'a', 'failure-domain.beta.kubernetes.io/zone': 'b' }))).toBe(':\u0000:b');
  });

  it('computes Normal, PartialDisruption and FullDisruption as ComputeZoneState', () => {
    expect(computeZoneState([...times(4, 'True'), ...times(6, 'Unknown')], 0.55)).toBe('PartialDisruption');
    expect(computeZoneState([...times(5, 'True'), ...times(5, 'False')], 0.55)).toBe('Normal');
    expect(computeZoneState([...times(1, 'True'), ...times(2, 'Unknown')], 0.55)).toBe('Normal');
    expect(computeZoneState([undefined, 'Unknown'], 0.55)).toBe('FullDisruption');
    expect(computeZoneState([], 0.55)).toBe('Normal');
  });

  it('gives a partly disrupted zone the secondary rate when large and none when small', () => {
    expect(zoneEvictionQps('Normal', 10, rates)).toBe(0.1);
    expect(zoneEvictionQps('PartialDisruption', 50, rates)).toBe(0);
    expect(zoneEvictionQps('PartialDisruption', 51, rates)).toBe(0.01);
    expect(zoneEvictionQps('FullDisruption', 3, rates)).toBe(0.1);
  });

  it('enters master disruption when every zone is down and leaves it when one recovers', () => {
    const zones = (a: (string | undefined)[], b: (string | undefined)[]) =>
      new Map([
        ['a', a],
        ['b', b],
      ]);
    const normal = new Map<string, ZoneState>([
      ['a', 'Normal'],
      ['b', 'Normal'],
    ]);
    const down = planDisruption(normal, zones(['Unknown'], ['Unknown', 'False']), rates);
    expect(down).toMatchObject({ enterMasterDisruption: true, exitMasterDisruption: false, limiters: [['a', 0], ['b', 0]] });
    const still = planDisruption(down.states, zones(['Unknown'], ['Unknown', 'False']), rates);
    expect(still).toMatchObject({ enterMasterDisruption: false, exitMasterDisruption: false, limiters: [] });
    const back = planDisruption(down.states, zones(['Unknown'], ['True', 'False']), rates);
    expect(back).toMatchObject({ enterMasterDisruption: false, exitMasterDisruption: true, limiters: [['a', 0.1], ['b', 0.1]] });
    // One zone down while another is fine: that zone alone failed, so its rate stays normal.
    const one = planDisruption(normal, zones(['Unknown'], ['True']), rates);
    expect(one.states.get('a')).toBe('FullDisruption');
    expect(one.limiters).toEqual([['a', 0.1]]);
  });

  it('refills a token bucket at qps, never beyond its burst, and never at rate 0', () => {
    const b = new TokenBucket(0.1, 1, 0);
    expect(b.tryAccept(0)).toBe(true);
    expect(b.tryAccept(9_999)).toBe(false);
    expect(b.waitMs(9_999)).toBe(1);
    expect(b.tryAccept(10_000)).toBe(true);
    expect(b.tryAccept(100_000)).toBe(true);
    expect(b.tryAccept(100_000)).toBe(false);
    expect(new TokenBucket(0, 1, 0).tryAccept(1e9)).toBe(false);
  });

  it('queues a node once until it is removed, and a rate change grants no extra token', async () => {
    const q = new RateLimitedQueue(0.1, 0);
    const tried: string[] = [];
    const fn = async (name: string) => (tried.push(name), { done: true as const });
    expect(q.add('n1', 0)).toBe(true);
    expect(q.add('n2', 0)).toBe(true);
    await q.try(0, fn);
    expect(tried).toEqual(['n1']);
    expect(q.add('n1', 0)).toBe(false);
    q.swapQps(1, 5_000);
    await q.try(5_000, fn);
    expect(tried).toEqual(['n1']);
    await q.try(6_000, fn);
    expect(tried).toEqual(['n1', 'n2']);
    q.remove('n1');
    expect(q.add('n1', 6_000)).toBe(true);
  });
});

describe('zone tainting', () => {
  let cluster: Cluster | undefined;
  let tainting: ZoneTainting | undefined;
  let informer: Informer<Node> | undefined;
  afterEach(async () => {
    tainting?.stop();
    informer?.stop();
    await cluster?.stop();
  });

  /** Nodes (no kubelets) in the given zones with the given Ready statuses, and a tainter over them. */
  async function setup(zones: Record<string, (string | undefined)[]>) {
    const clock = new VirtualClock();
    cluster = await createCluster({ clock });
    const client = new Client(new InProcessTransport(cluster.apiServer));
    for (const [zone, statuses] of Object.entries(zones)) {
      for (const [i, status] of statuses.entries()) {
        const name = `${zone}-${i}`;
        await client.create(NODES, { metadata: { name, labels: { 'topology.kubernetes.io/zone': zone } } } as Frozen<Node>);
        if (!status) continue;
        const node = await client.get(NODES, '', name);
        const now = rfc3339(clock.now());
        await client.updateStatus(NODES, { ...node, status: { conditions: [{ type: 'Ready', status, lastHeartbeatTime: now, lastTransitionTime: now }] } } as Frozen<Node>);
      }
    }
    informer = new Informer(client, NODES, { clock });
    informer.start();
    await informer.waitForSync();
    const nodes = new Lister(informer);
    const t = new ZoneTainting({ client, clock, nodes, health: new Map() });
    tainting = t;
    for (const node of nodes.list()) if (node.status?.conditions?.[0]?.status !== 'True') t.markForTainting(node);
    /** When each node got its NoExecute taint (seconds from the start), by name. */
    const tainted = async () => {
      const out: Record<string, number> = {};
      for (const n of (await client.list(NODES)).items) {
        const t = n.spec?.taints?.find((x) => x.effect === 'NoExecute');
        if (t) out[n.metadata.name!] = (Date.parse(t.timeAdded!) - Date.UTC(2024, 0, 1)) / 1000;
      }
      return out;
    };
    return { clock, client, t, tainted };
  }

  it('taints a healthy zone’s not-ready nodes one every 10 s', async () => {
    const { clock, t, tainted } = await setup({ a: [...times(8, 'True'), 'Unknown', 'False'] });
    await clock.advance(25_000);
    expect(t.states.get(':\u0000:a')).toBe('Normal');
    expect(await tainted()).toEqual({ 'a-8': 0, 'a-9': 10 });
  });

  it('taints nothing in a small, partly disrupted zone, and one every 100 s in a large one', async () => {
    const small = await setup({ a: [...times(4, 'True'), ...times(6, 'Unknown')] });
    await small.clock.advance(300_000);
    expect(small.t.states.get(':\u0000:a')).toBe('PartialDisruption');
    expect(await small.tainted()).toEqual({});
    tainting!.stop();
    informer!.stop();
    await cluster!.stop();

    const large = await setup({ a: [...times(20, 'True'), ...times(40, 'Unknown')] });
    await large.clock.advance(150_000);
    expect(large.t.states.get(':\u0000:a')).toBe('PartialDisruption');
    // The zone was Normal until the first pass saw it: its one saved token goes at once.
    expect(Object.values(await large.tainted()).sort((x, y) => x - y)).toEqual([0, 100]);
  });

  it('evicts from a zone that is down while another is up, and from none when all are down', async () => {
    const one = await setup({ a: times(3, 'Unknown'), b: times(2, 'True') });
    await one.clock.advance(25_000);
    expect(one.t.states.get(':\u0000:a')).toBe('FullDisruption');
    expect(Object.values(await one.tainted()).sort((x, y) => x - y)).toEqual([0, 10, 20]);
    tainting!.stop();
    informer!.stop();
    await cluster!.stop();

    const all = await setup({ a: times(3, 'Unknown'), b: ['False', undefined] });
    await all.clock.advance(60_000);
    expect([...all.t.states.values()]).toEqual(['FullDisruption', 'FullDisruption']);
    expect(await all.tainted()).toEqual({});
  });

  it('untaints every node on entering master disruption', async () => {
    const { clock, client, t, tainted } = await setup({ a: ['True', 'True', 'Unknown'] });
    await clock.advance(1_000);
    expect(await tainted()).toEqual({ 'a-2': 0 });
    for (const name of ['a-0', 'a-1']) {
      const node = await client.get(NODES, '', name);
      await client.updateStatus(NODES, { ...node, status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } } as Frozen<Node>);
    }
    await clock.advance(100);
    t.schedule(0);
    await clock.advance(1_000);
    expect(t.states.get(':\u0000:a')).toBe('FullDisruption');
    expect(await tainted()).toEqual({});
  });
});
