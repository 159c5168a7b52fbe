// fast-check properties of the MVCC store: no acknowledged write is ever lost under concurrent
// read-modify-write, and a watch from any revision sees exactly the events after it, in order.
import fc from 'fast-check';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { StatusError } from '../../src/api/errors.js';
import type { KubeObject } from '../../src/api/types.js';
import { MemoryStorage } from '../../src/apiserver/storage/memory-storage.js';

const counter = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { applied: '' } });
const key = (name: string) => ({ namespace: 'default', name });
const applied = (o: unknown): string[] => (((o as { data: { applied: string } }).data.applied) || '').split(',').filter(Boolean);

describe('MemoryStorage properties', () => {
  it('never loses an acknowledged write when writers race with resourceVersion preconditions', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 1, max: 4 }), async (s, writers, writesEach) => {
        const store = new MemoryStorage();
        await store.create('configmaps', key('c'), counter('c'));
        const acknowledged: string[] = [];
        // Each writer: read, think (a scheduled pause), write with the version it read; retry on Conflict.
        const writer = async (w: number) => {
          for (let i = 0; i < writesEach; i++) {
            const id = `${w}.${i}`;
            for (;;) {
              const seen = (await store.get('configmaps', key('c')))!;
              await s.schedule(Promise.resolve(), `think ${id}`);
              try {
                await store.guaranteedUpdate('configmaps', key('c'), { resourceVersion: seen.object.metadata.resourceVersion }, (cur) =>
                  produce(cur, (d) => {
                    (d.data as { applied: string }).applied = [...applied(cur), id].join(',');
                  }) as KubeObject,
                );
                acknowledged.push(id);
                break;
              } catch (e) {
                if (!(e instanceof StatusError && e.code === 409)) throw e;
              }
            }
          }
        };
        const done = Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
        await s.waitFor(done);
        const final = applied((await store.get('configmaps', key('c')))!.object);
        expect(final.sort()).toEqual([...acknowledged].sort());
        expect(final).toHaveLength(writers * writesEach);
      }),
      { numRuns: 100 },
    );
  });

  it('never loses a write made through guaranteedUpdate while its update function awaits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.integer({ min: 2, max: 8 }), async (s, writers) => {
        const store = new MemoryStorage();
        await store.create('configmaps', key('c'), counter('c'));
        const writes = Array.from({ length: writers }, (_, w) =>
          store.guaranteedUpdate('configmaps', key('c'), undefined, async (cur) => {
            await s.schedule(Promise.resolve(), `pause ${w}`);
            return produce(cur, (d) => {
              (d.data as { applied: string }).applied = [...applied(cur), String(w)].join(',');
            }) as KubeObject;
          }),
        );
        await s.waitFor(Promise.all(writes));
        const final = applied((await store.get('configmaps', key('c')))!.object);
        expect(final.sort()).toEqual(Array.from({ length: writers }, (_, w) => String(w)).sort());
      }),
      { numRuns: 100 },
    );
  });

  type Op = { kind: 'create' | 'update' | 'delete'; name: string };
  const ops = fc.array(
    fc.record({ kind: fc.constantFrom<Op['kind']>('create', 'update', 'delete'), name: fc.constantFrom('a', 'b', 'c', 'd') }),
    { minLength: 1, maxLength: 40 },
  );

  async function apply(store: MemoryStorage, op: Op, n: number): Promise<void> {
    try {
      if (op.kind === 'create') await store.create('configmaps', key(op.name), counter(op.name));
      else if (op.kind === 'delete') await store.delete('configmaps', key(op.name), undefined);
      else
        await store.guaranteedUpdate('configmaps', key(op.name), undefined, (cur) =>
          produce(cur, (d) => {
            (d.data as { applied: string }).applied = String(n);
          }) as KubeObject,
        );
    } catch (e) {
      if (!(e instanceof StatusError)) throw e; // AlreadyExists / NotFound: the op did nothing
    }
  }

  it('hands a watch from any revision exactly the events after it, in order, once each', async () => {
    await fc.assert(
      fc.asyncProperty(ops, ops, fc.nat(), fc.integer({ min: 3, max: 100 }), async (before, after, startPick, capacity) => {
        const store = new MemoryStorage({ historyCapacity: capacity });
        const all: string[] = [];
        store.watch('configmaps', { fromRevision: 0 }, (e) => all.push(`${e.type} ${e.object.object.metadata.name} ${e.object.revision}`));
        let n = 0;
        for (const op of before) await apply(store, op, n++);
        const start = store.revision === 0 ? 0 : startPick % (store.revision + 1);
        const seen: string[] = [];
        let watchError: unknown;
        try {
          store.watch('configmaps', { fromRevision: start }, (e) => seen.push(`${e.type} ${e.object.object.metadata.name} ${e.object.revision}`));
        } catch (e) {
          watchError = e;
        }
        for (const op of after) await apply(store, op, n++);
        const expected = all.filter((line) => Number(line.split(' ')[2]) > start);
        if (watchError) {
          // Only a start older than the history kept may be refused, and then with 410.
          expect(watchError).toMatchObject({ code: 410 });
          expect(start).toBeLessThan(store.oldestRevision('configmaps'));
        } else {
          expect(seen).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('serves every page of a paginated list from one snapshot, whatever is written between pages', async () => {
    await fc.assert(
      fc.asyncProperty(ops, ops, fc.integer({ min: 1, max: 5 }), async (before, between, limit) => {
        const store = new MemoryStorage();
        let n = 0;
        for (const op of before) await apply(store, op, n++);
        const snapshot = (await store.list('configmaps', {})).items.map((i) => `${i.object.metadata.name}@${i.revision}`);
        const paged: string[] = [];
        let token: string | undefined;
        let page = 0;
        do {
          const r = await store.list('configmaps', { limit, continueToken: token });
          paged.push(...r.items.map((i) => `${i.object.metadata.name}@${i.revision}`));
          token = r.continueToken;
          if (page++ === 0) for (const op of between) await apply(store, op, n++);
        } while (token);
        expect(paged).toEqual(snapshot);
      }),
      { numRuns: 200 },
    );
  });
});
