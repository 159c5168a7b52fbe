// Two controller managers on one cluster: only the lease holder acts; when it can no longer
// renew, it stops within the renew deadline and the other takes over once the lease expires.
import { afterEach, describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { Lease } from '../../src/api/types/lease.js';
import type { ReplicaSet } from '../../src/api/types/replicaset.js';
import { SeededRandom } from '../../src/clock/random.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Client, InProcessTransport, LEASES, PODS, REPLICASETS, type ApiRequest, type Transport } from '../../src/client/index.js';
import { LeaderElector } from '../../src/client/leader-election.js';
import { startControllers, type RunningControllers } from '../../src/controllers/manager.js';
import { createCluster, type Cluster } from '../../src/sim/cluster.js';
import { until } from './replicaset-harness.js';

/** A connection that can be cut (a network partition) and that reports each write. */
class Link implements Transport {
  cut = false;
  constructor(
    private readonly inner: Transport,
    private readonly onWrite: (req: ApiRequest) => void,
  ) {}
  async request(req: ApiRequest) {
    if (this.cut) throw new Error('connection refused');
    if (req.method !== 'GET') this.onWrite(req);
    return this.inner.request(req);
  }
}

const rs = (name: string, replicas: number): Frozen<ReplicaSet> =>
  ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } },
  }) as Frozen<ReplicaSet>;

describe('leader election', () => {
  let cluster: Cluster | undefined;
  const managers: RunningControllers[] = [];
  afterEach(async () => {
    for (const m of managers.splice(0)) await m.stop();
    await cluster?.stop();
  });

  it('lets one manager act at a time and hands over when the leader stops renewing', async () => {
    const clock = new VirtualClock();
    cluster = await createCluster({ clock });
    const admin = new Client(new InProcessTransport(cluster.apiServer));
    const violations: string[] = [];
    const byName: Record<string, RunningControllers> = {};
    const links: Record<string, Link> = {};
    const start = async (id: string, other: string) => {
      links[id] = new Link(new InProcessTransport(cluster!.apiServer), (req) => {
        if (req.path.includes('/leases/') || req.path.endsWith('/leases') || req.path.includes('/events')) return;
        // (While startControllers is still starting the first leader, it has no handle yet.)
        if ((byName[id] && !byName[id].leading) || byName[other]?.leading) violations.push(`${id}: ${req.method} ${req.path}`);
      });
      const m = await startControllers({ client: new Client(links[id]), clock, random: new SeededRandom(id.length), leaderElection: { identity: id } });
      byName[id] = m;
      managers.push(m);
      return m;
    };
    const a = await start('a', 'b');
    const b = await start('b', 'a');
    expect([a.leading, b.leading]).toEqual([true, false]);
    const lease = () => admin.get(LEASES, 'kube-system', 'kube-controller-manager') as Promise<Frozen<Lease>>;
    expect((await lease()).spec).toMatchObject({ holderIdentity: 'a', leaseDurationSeconds: 15, leaseTransitions: 0 });

    await admin.create(REPLICASETS, rs('web', 3));
    const pods = async () => (await admin.list(PODS, { namespace: 'default' })).items.length;
    await until(clock, async () => (await pods()) === 3, 'a creates three pods');
    await clock.advance(30_000);
    expect(b.leading).toBe(false);
    expect(await pods()).toBe(3);

    // The leader loses its connection: it gives up within the renew deadline (10 s), and the
    // other waits for the lease to expire (15 s after it last saw a renewal) before taking it.
    const cutAt = clock.now();
    links.a!.cut = true;
    await until(clock, () => !a.leading, 'a stops leading', 20_000, 500);
    expect(clock.now() - cutAt).toBeLessThanOrEqual(12_000);
    expect(b.leading).toBe(false);
    await until(clock, () => b.leading, 'b takes over', 30_000, 500);
    expect(clock.now() - cutAt).toBeGreaterThanOrEqual(15_000);
    expect((await lease()).spec).toMatchObject({ holderIdentity: 'b', leaseTransitions: 1 });

    await admin.patch(REPLICASETS, 'default', 'web', 'merge', { spec: { replicas: 5 } });
    await until(clock, async () => (await pods()) === 5, 'b scales to five');
    // The old leader comes back and finds the lease taken: it stays a follower.
    links.a!.cut = false;
    await clock.advance(30_000);
    expect([a.leading, b.leading]).toEqual([false, true]);
    expect(violations).toEqual([]);
  });

  it('stands down at once on losing the lease: a burst of creations in flight stops writing', async () => {
    const clock = new VirtualClock();
    cluster = await createCluster({ clock });
    const admin = new Client(new InProcessTransport(cluster.apiServer));
    let leader: RunningControllers | undefined;
    let leasesCut = false;
    const afterLoss: string[] = [];
    // Only the Lease is out of reach (the manager cannot renew), and every pod creation takes
    // 3 s: a 64-pod slow start (batches 1, 2, 4 ... 32, 18 s) is still going when the lease is lost.
    const link: Transport = {
      async request(req: ApiRequest) {
        if (req.path.includes('/leases')) {
          if (leasesCut) throw new Error('connection refused');
        } else if (req.method !== 'GET') {
          if (leader && !leader.leading) afterLoss.push(`${req.method} ${req.path}`);
          if (req.method === 'POST' && req.path.endsWith('/pods')) await new Promise<void>((resolve) => clock.after(3000, resolve));
        }
        return new InProcessTransport(cluster!.apiServer).request(req);
      },
    };
    leader = await startControllers({ client: new Client(link), clock, random: new SeededRandom(7), leaderElection: { identity: 'a' } });
    managers.push(leader);
    expect(leader.leading).toBe(true);

    await admin.create(REPLICASETS, rs('burst', 64));
    await clock.advance(2_500);
    leasesCut = true;
    const pods = async () => (await admin.list(PODS, { namespace: 'default' })).items.length;
    await until(clock, () => !leader!.leading, 'a stops leading', 20_000, 100);
    await clock.advance(30_000);
    // No write left the old term once the lease was lost (those already sent land, as on a
    // real connection), so the burst stopped part way.
    expect(afterLoss).toEqual([]);
    expect(await pods()).toBeGreaterThan(0);
    expect(await pods()).toBeLessThan(64);
  });

  it('releases the lease on stop when asked, so that the next candidate need not wait', async () => {
    const clock = new VirtualClock();
    cluster = await createCluster({ clock });
    const client = new Client(new InProcessTransport(cluster.apiServer));
    const log: string[] = [];
    const elector = (identity: string) =>
      new LeaderElector({
        client,
        clock,
        namespace: 'kube-system',
        name: 'demo',
        identity,
        releaseOnCancel: true,
        onStartedLeading: () => void log.push(`${identity} started`),
        onStoppedLeading: () => void log.push(`${identity} stopped`),
      });
    const x = elector('x');
    const y = elector('y');
    await x.start();
    await y.start();
    await x.stop();
    await clock.advance(4_000);
    expect(y.isLeader).toBe(true);
    expect(log).toEqual(['x started', 'x stopped', 'y started']);
    await y.stop();
  });
});
