import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../../src/apiserver/storage/memory-storage.js';
import type { WatchDelivery } from '../../../src/apiserver/storage/storage.js';
import { StatusError } from '../../../src/api/errors.js';
import type { KubeObject } from '../../../src/api/types.js';

const cm = (name: string, data: Record<string, string> = {}, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace, labels: { app: name } },
  data,
});
const key = (name: string, namespace = 'default') => ({ namespace, name });

async function status(p: Promise<unknown>): Promise<{ code: number; reason?: string; message?: string }> {
  try {
    await p;
  } catch (e) {
    if (e instanceof StatusError) return { code: e.code, reason: e.reason, message: e.message };
    throw e;
  }
  throw new Error('expected a StatusError');
}

describe('MemoryStorage', () => {
  it('stamps every write with the next revision and freezes what it stores', async () => {
    const s = new MemoryStorage();
    const a = await s.create('configmaps', key('a'), cm('a'));
    const b = await s.create('configmaps', key('b'), cm('b'));
    expect(a.object.metadata.resourceVersion).toBe('1');
    expect(b.object.metadata.resourceVersion).toBe('2');
    expect(Object.isFrozen(a.object)).toBe(true);
    expect(Object.isFrozen(a.object.metadata.labels)).toBe(true);
    expect(s.revision).toBe(2);
    const read = await s.get('configmaps', key('a'));
    expect(read!.object).toBe(a.object); // shared, never copied
  });

  it('refuses a second create of the same key with AlreadyExists', async () => {
    const s = new MemoryStorage();
    await s.create('configmaps', key('a'), cm('a'));
    expect(await status(s.create('configmaps', key('a'), cm('a')))).toMatchObject({ code: 409, reason: 'AlreadyExists', message: 'configmaps "a" already exists' });
  });

  it('checks uid and resourceVersion preconditions on update and delete', async () => {
    const s = new MemoryStorage();
    const a = await s.create('configmaps', key('a'), cm('a'));
    const stale = { resourceVersion: '0' };
    expect(await status(s.guaranteedUpdate('configmaps', key('a'), stale, (cur) => cur as KubeObject))).toMatchObject({ code: 409, reason: 'Conflict' });
    expect(await status(s.delete('configmaps', key('a'), { uid: 'other' }))).toMatchObject({
      code: 409,
      message: `Operation cannot be fulfilled on configmaps "a": Precondition failed: UID in precondition: other, UID in object meta: `,
    });
    await s.delete('configmaps', key('a'), { resourceVersion: a.object.metadata.resourceVersion });
    expect(await s.get('configmaps', key('a'))).toBeUndefined();
  });

  it('writes nothing when an update changes nothing', async () => {
    const s = new MemoryStorage();
    const a = await s.create('configmaps', key('a'), cm('a', { x: '1' }));
    const same = await s.guaranteedUpdate('configmaps', key('a'), undefined, (cur) => produce(cur, () => {}) as KubeObject);
    expect(same.revision).toBe(a.revision);
    expect(s.revision).toBe(1);
  });

  it('retries the update function when another write lands while it runs', async () => {
    const s = new MemoryStorage();
    await s.create('configmaps', key('a'), cm('a', { n: '0' }));
    let calls = 0;
    const slow = s.guaranteedUpdate('configmaps', key('a'), undefined, async (cur) => {
      calls++;
      const n = Number((cur.data as Record<string, string>).n);
      if (calls === 1) await s.guaranteedUpdate('configmaps', key('a'), undefined, (c) => produce(c, (d) => void ((d.data as Record<string, string>).n = String(n + 10))) as KubeObject);
      return produce(cur, (d) => void ((d.data as Record<string, string>).n = String(Number((cur.data as Record<string, string>).n) + 1))) as KubeObject;
    });
    const result = await slow;
    expect(calls).toBe(2);
    expect((result.object.data as Record<string, string>).n).toBe('11');
  });

  it('lists in key order with limit, continue and remainingItemCount over a consistent snapshot', async () => {
    const s = new MemoryStorage();
    for (const n of ['c', 'a', 'e', 'b', 'd']) await s.create('configmaps', key(n), cm(n));
    await s.create('configmaps', key('z', 'other'), cm('z', {}, 'other'));
    const p1 = await s.list('configmaps', { namespace: 'default', limit: 2 });
    expect(p1.items.map((i) => i.object.metadata.name)).toEqual(['a', 'b']);
    expect(p1.remainingItemCount).toBe(3);
    // Changes after the first page do not show in later pages.
    await s.delete('configmaps', key('c'), undefined);
    await s.create('configmaps', key('bb'), cm('bb'));
    await s.guaranteedUpdate('configmaps', key('d'), undefined, (cur) => produce(cur, (d) => void ((d.data as Record<string, string>).v = '2')) as KubeObject);
    const p2 = await s.list('configmaps', { namespace: 'default', limit: 2, continueToken: p1.continueToken });
    expect(p2.items.map((i) => i.object.metadata.name)).toEqual(['c', 'd']);
    expect(p2.items[1].object.data).toEqual({});
    expect(p2.revision).toBe(p1.revision);
    const p3 = await s.list('configmaps', { namespace: 'default', limit: 2, continueToken: p2.continueToken });
    expect(p3.items.map((i) => i.object.metadata.name)).toEqual(['e']);
    expect(p3.continueToken).toBeUndefined();
    const all = await s.list('configmaps', {});
    expect(all.items.map((i) => `${i.object.metadata.namespace}/${i.object.metadata.name}`)).toEqual([
      'default/a', 'default/b', 'default/bb', 'default/d', 'default/e', 'other/z',
    ]);
  });

  it('answers 410 Expired for a continue token or watch older than the history window', async () => {
    const s = new MemoryStorage({ historyCapacity: 3 });
    for (const n of ['a', 'b', 'c']) await s.create('configmaps', key(n), cm(n));
    const page = await s.list('configmaps', { limit: 1 });
    for (const n of ['d', 'e', 'f', 'g']) await s.create('configmaps', key(n), cm(n));
    const err = await status(s.list('configmaps', { limit: 1, continueToken: page.continueToken }));
    expect(err).toMatchObject({ code: 410, reason: 'Expired' });
    expect(err.message).toMatch(/^The provided continue parameter is too old/);
    expect(() => s.watch('configmaps', { fromRevision: 1 }, () => {})).toThrow(/too old resource version: 1 \(4\)/);
  });

  it('replays from a revision, then streams live, turning selector exits into DELETED', async () => {
    const s = new MemoryStorage();
    await s.create('configmaps', key('a'), cm('a'));
    const from = s.revision;
    await s.create('configmaps', key('b'), cm('b'));
    const seen: WatchDelivery[] = [];
    const w = s.watch('configmaps', { fromRevision: from, predicate: (o) => o.metadata.labels?.app !== 'gone' }, (e) => seen.push(e));
    await s.guaranteedUpdate('configmaps', key('a'), undefined, (cur) => produce(cur, (d) => void (d.metadata.labels = { app: 'gone' })) as KubeObject);
    await s.guaranteedUpdate('configmaps', key('a'), undefined, (cur) => produce(cur, (d) => void (d.metadata.labels = { app: 'back' })) as KubeObject);
    await s.delete('configmaps', key('b'), undefined);
    w.stop();
    await s.create('configmaps', key('c'), cm('c'));
    expect(seen.map((e) => `${e.type} ${e.object.object.metadata.name} ${e.object.object.metadata.resourceVersion}`)).toEqual([
      'ADDED b 2',
      'DELETED a 3',
      'ADDED a 4',
      'DELETED b 5',
    ]);
  });

  it('starts a watch without a revision with the current state as ADDED events', async () => {
    const s = new MemoryStorage();
    await s.create('configmaps', key('a'), cm('a'));
    await s.create('configmaps', key('b', 'x'), cm('b', {}, 'x'));
    const seen: string[] = [];
    s.watch('configmaps', { namespace: 'default' }, (e) => seen.push(`${e.type} ${e.object.object.metadata.name}`));
    await s.create('configmaps', key('c'), cm('c'));
    await s.create('configmaps', key('d', 'x'), cm('d', {}, 'x'));
    expect(seen).toEqual(['ADDED a', 'ADDED c']);
  });

  it('keeps event order for every watcher when a watcher writes while being notified', async () => {
    const s = new MemoryStorage();
    const first: number[] = [];
    const second: number[] = [];
    s.watch('configmaps', { fromRevision: 0 }, (e) => {
      first.push(e.object.revision);
      if (e.object.object.metadata.name === 'a') void s.create('configmaps', key('echo'), cm('echo'));
    });
    s.watch('configmaps', { fromRevision: 0 }, (e) => second.push(e.object.revision));
    await s.create('configmaps', key('a'), cm('a'));
    expect(first).toEqual([1, 2]);
    expect(second).toEqual([1, 2]);
  });
});
