import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { exponentialDelay } from '../../src/client/exponential-backoff.js';
import { WorkQueue } from '../../src/client/work-queue.js';

const KEYS = ['a', 'b', 'c', 'd', 'e'];

interface Add {
  key: string;
  /** When the add is made (virtual ms from the start). */
  at: number;
  /** 0: add(); otherwise addAfter(key, delay). */
  delay: number;
}

const addArb: fc.Arbitrary<Add> = fc.record({
  key: fc.constantFrom(...KEYS),
  at: fc.nat(60),
  delay: fc.oneof(fc.constant(0), fc.nat(40)),
});

/** Advances the clock until the queue and its workers have nothing left. */
async function drain(clock: VirtualClock, idle: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !idle(); i++) await clock.advance(1_000);
  expect(idle()).toBe(true);
}

describe('WorkQueue properties', () => {
  it('never hands a key to two workers at once, and processes every add after it was made', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(addArb, { maxLength: 40 }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        fc.array(fc.nat(15), { minLength: 1, maxLength: 10 }),
        async (workers, adds, failures, durations) => {
          const clock = new VirtualClock();
          const start = clock.now();
          const q = new WorkQueue<string>(clock);
          const inFlight = new Set<string>();
          let overlaps = 0;
          let seq = 0;
          let runs = 0;
          const lastAddSeq = new Map<string, number>();
          const dueAt = new Map<string, number>();
          const lastStart = new Map<string, { seq: number; time: number }>();

          // As client-go's delaying queue: while a key waits, an earlier time replaces a later one
          // and a later one is dropped (the key is processed at the earlier time anyway).
          const pending = new Map<string, number>();
          const noteDelayed = (key: string, delay: number): void => {
            const due = clock.now() + delay;
            const earlier = pending.get(key);
            if (earlier !== undefined && earlier <= due) return;
            pending.set(key, due);
            dueAt.set(key, due);
            // Armed after the queue's own timer, so at equal times it fires after it.
            clock.after(delay, () => {
              if (pending.get(key) === due) pending.delete(key);
            });
          };
          const worker = async (): Promise<void> => {
            for (let key = await q.get(); key !== undefined; key = await q.get()) {
              if (inFlight.has(key)) overlaps++;
              inFlight.add(key);
              lastStart.set(key, { seq: ++seq, time: clock.now() });
              const run = runs++;
              await new Promise<void>((resolve) => clock.after(durations[run % durations.length], resolve));
              inFlight.delete(key);
              if (failures[run]) {
                q.addRateLimited(key);
                noteDelayed(key, exponentialDelay(5, 1_000_000, q.numRequeues(key) - 1));
              } else q.forget(key);
              q.done(key);
            }
          };
          const running = Array.from({ length: workers }, worker);
          for (const a of adds) {
            clock.after(a.at, () => {
              if (a.delay === 0) {
                lastAddSeq.set(a.key, ++seq);
                q.add(a.key);
              } else {
                noteDelayed(a.key, a.delay);
                q.addAfter(a.key, a.delay);
              }
            });
          }
          await drain(clock, () => q.idle && clock.now() - start > 100);
          q.shutdown();
          await Promise.all(running);

          expect(overlaps).toBe(0);
          for (const [key, addSeq] of lastAddSeq) expect(lastStart.get(key)!.seq).toBeGreaterThan(addSeq);
          for (const [key, due] of dueAt) expect(lastStart.get(key)!.time).toBeGreaterThanOrEqual(due);
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });

  it('backs a key off exponentially (5 ms doubling, capped at 1000 s) and starts again after forget', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 24 }), async (retries) => {
        const clock = new VirtualClock();
        const q = new WorkQueue<string>(clock);
        /** Rate-limits the key and returns how long it took to come back. */
        const retryDelay = async (): Promise<number> => {
          const key = await q.get();
          expect(key).toBe('k');
          q.addRateLimited('k');
          q.done('k');
          const expected = exponentialDelay(5, 1_000_000, q.numRequeues('k') - 1);
          if (expected > 1) {
            await clock.advance(expected - 1);
            expect(q.length).toBe(0);
          }
          await clock.advance(1);
          expect(q.length).toBe(1);
          return expected;
        };
        q.add('k');
        const delays: number[] = [];
        for (let i = 0; i < retries; i++) delays.push(await retryDelay());
        for (let i = 1; i < delays.length; i++) {
          expect(delays[i]).toBe(Math.min(1_000_000, delays[i - 1] * 2));
        }
        expect(delays[0]).toBe(5);
        q.forget('k');
        expect(q.numRequeues('k')).toBe(0);
        expect(await retryDelay()).toBe(5);
      }),
      { numRuns: 30, seed: 3 },
    );
    expect(exponentialDelay(5, 1_000_000, 17)).toBe(655_360);
    expect(exponentialDelay(5, 1_000_000, 18)).toBe(1_000_000);
    expect(exponentialDelay(5, 1_000_000, 5000)).toBe(1_000_000);
  });

  it('keeps the earliest of several addAfter calls for one key, and dedups plain adds', async () => {
    const clock = new VirtualClock();
    const q = new WorkQueue<string>(clock);
    q.addAfter('x', 100);
    q.addAfter('x', 30);
    q.addAfter('x', 500);
    await clock.advance(29);
    expect(q.length).toBe(0);
    await clock.advance(1);
    expect(q.length).toBe(1);
    q.add('x');
    q.add('y');
    q.add('x');
    expect(q.length).toBe(2);
    await clock.advance(1_000);
    expect(q.length).toBe(2); // the 100 and 500 ms timers were replaced, not kept
  });

  it('requeues a key added while it is processed only when it is done', async () => {
    const clock = new VirtualClock();
    const q = new WorkQueue<string>(clock);
    q.add('k');
    expect(await q.get()).toBe('k');
    q.add('k');
    expect(q.length).toBe(0);
    const next = q.get();
    q.done('k');
    expect(await next).toBe('k');
  });

  it('answers undefined to waiting and later gets once shut down, and ignores adds', async () => {
    const clock = new VirtualClock();
    const q = new WorkQueue<string>(clock);
    const waiting = q.get();
    q.addAfter('late', 10);
    q.shutdown();
    expect(await waiting).toBeUndefined();
    q.add('x');
    expect(await q.get()).toBeUndefined();
    await clock.advance(100);
    expect(q.length).toBe(0);
  });
});
