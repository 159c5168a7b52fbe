import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfigMap } from '../../src/api/types/configmap.js';
import type { CoreEvent } from '../../src/api/types/event.js';
import type { Frozen } from '../../src/api/types.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { AGGREGATE_MAX_EVENTS, EventCorrelator, SPAM_BURST } from '../../src/client/event-correlator.js';
import { EventRecorder } from '../../src/client/event-recorder.js';
import { LruMap } from '../../src/client/lru-map.js';
import { CONFIGMAPS, EVENTS } from '../../src/client/resources.js';
import { startHarness, type Harness } from './harness.js';

const facts = (message: string, name = 'web', reason = 'SuccessfulCreate') => ({
  component: 'replicaset-controller',
  host: '',
  kind: 'ReplicaSet',
  namespace: 'default',
  name,
  uid: `uid-${name}`,
  apiVersion: 'apps/v1',
  type: 'Normal',
  reason,
  message,
});

describe('EventCorrelator', () => {
  it('bumps the count of an exact repeat and keeps the first name', () => {
    const c = new EventCorrelator();
    let n = 0;
    const first = c.correlate(facts('Created pod: a'), 0, () => `e${n++}`);
    expect(first).toMatchObject({ write: 'create', name: 'e0', count: 1 });
    const again = c.correlate(facts('Created pod: a'), 1000, () => `e${n++}`);
    expect(again).toMatchObject({ write: 'patch', name: 'e0', count: 2, first: 0 });
  });

  it('combines similar events once ten distinct messages came within ten minutes', () => {
    const c = new EventCorrelator();
    let n = 0;
    const out = Array.from({ length: 14 }, (_, i) => c.correlate(facts(`Created pod: p${i}`), i, () => `e${n++}`));
    const plain = out.slice(0, AGGREGATE_MAX_EVENTS - 1);
    expect(plain.every((o) => o.write === 'create' && !o.message.startsWith('('))).toBe(true);
    const combined = out.slice(AGGREGATE_MAX_EVENTS - 1);
    expect(combined.map((o) => (o.write === 'none' ? '' : o.message))).toEqual(combined.map((_, i) => `(combined from similar events): Created pod: p${i + AGGREGATE_MAX_EVENTS - 1}`));
    // One combined event, written once and then patched.
    expect(combined.map((o) => o.write)).toEqual(['create', 'patch', 'patch', 'patch', 'patch']);
    expect(new Set(combined.map((o) => (o.write === 'none' ? '' : o.name))).size).toBe(1);
    // Ten minutes later a message stands alone again.
    expect(c.correlate(facts('Created pod: later'), 14 + 600_001, () => `e${n++}`)).toMatchObject({ write: 'create', message: 'Created pod: later' });
  });

  it('lets a source tell about one object 25 times in a burst, then once every five minutes', () => {
    const c = new EventCorrelator();
    const writes = Array.from({ length: 40 }, (_, i) => c.correlate(facts('Back-off restarting failed container', 'web', `R${i}`), 0, () => `e${i}`).write);
    expect(writes.filter((w) => w !== 'none')).toHaveLength(SPAM_BURST);
    expect(c.correlate(facts('x', 'web', 'Late'), 299_000, () => 'late').write).toBe('none');
    expect(c.correlate(facts('x', 'web', 'Later'), 300_000, () => 'later').write).toBe('create');
    // Another object has its own budget.
    expect(c.correlate(facts('x', 'other'), 0, () => 'o').write).toBe('create');
  });
});

describe('LruMap', () => {
  it('forgets the least recently used key beyond its capacity', () => {
    const m = new LruMap<string, number>(2);
    m.set('a', 1);
    m.set('b', 2);
    expect(m.get('a')).toBe(1);
    m.set('c', 3);
    expect(m.get('b')).toBeUndefined();
    expect(m.get('a')).toBe(1);
    expect(m.size).toBe(2);
  });
});

describe('EventRecorder', () => {
  let h: Harness;
  let clock: VirtualClock;
  beforeEach(async () => {
    clock = new VirtualClock();
    h = await startHarness('in-process', { clock });
  });
  afterEach(() => h.close());

  const events = async (): Promise<CoreEvent[]> => [...(await h.client.list(EVENTS, { namespace: 'default' })).items] as CoreEvent[];

  it('writes what kubectl describe shows: counts, combined messages, and no more than the spam budget', async () => {
    const cm = (await h.client.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } } as Frozen<ConfigMap>)) as Frozen<ConfigMap>;
    const recorder = new EventRecorder(h.client, clock, { component: 'test-controller' });
    await recorder.event(cm, 'Normal', 'Synced', 'synced once');
    await clock.advance(5000);
    await recorder.event(cm, 'Normal', 'Synced', 'synced once');
    let all = await events();
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ count: 2, message: 'synced once', reason: 'Synced' });
    expect(Date.parse(all[0].lastTimestamp!) - Date.parse(all[0].firstTimestamp!)).toBe(5000);

    for (let i = 0; i < 40; i++) await recorder.event(cm, 'Normal', 'Created', `item ${i}`);
    all = await events();
    const created = all.filter((e) => e.reason === 'Created');
    const combined = created.filter((e) => e.message!.startsWith('(combined from similar events): '));
    expect(created.length - combined.length).toBe(AGGREGATE_MAX_EVENTS - 1);
    expect(combined).toHaveLength(1);
    // 25 writes in the burst: 2 for Synced, 9 single Created, 14 to the combined one.
    expect(combined[0].count).toBe(SPAM_BURST - 2 - (AGGREGATE_MAX_EVENTS - 1));
  });

  it('writes a repeat anew when the event it would bump was deleted', async () => {
    const cm = (await h.client.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default' } } as Frozen<ConfigMap>)) as Frozen<ConfigMap>;
    const recorder = new EventRecorder(h.client, clock, { component: 'test-controller' });
    await recorder.event(cm, 'Warning', 'Failed', 'it broke');
    const [first] = await events();
    await h.client.delete(EVENTS, 'default', first.metadata.name!);
    await recorder.event(cm, 'Warning', 'Failed', 'it broke');
    const after = await events();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ count: 2, message: 'it broke' });
  });
});
