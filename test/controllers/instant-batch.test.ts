// InstantBatch: keys added during one clock instant reach the work queue once, together, when
// the instant ends; nothing is lost and no virtual time passes.
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { WorkQueue } from '../../src/client/work-queue.js';
import { InstantBatch } from '../../src/controllers/shared/instant-batch.js';

describe('InstantBatch', () => {
  it('hands each key over once at the end of the instant, in first-added order', async () => {
    const clock = new VirtualClock();
    const queue = new WorkQueue<string>(clock);
    const batch = new InstantBatch(clock, queue);
    for (const k of ['b', 'a', 'b', 'c', 'a']) batch.add(k);
    expect(queue.length).toBe(0);
    expect(batch.size).toBe(3);
    const t0 = clock.now();
    await clock.advance(0);
    expect(clock.now()).toBe(t0);
    expect(batch.size).toBe(0);
    const got = [await queue.get(), await queue.get(), await queue.get()];
    expect(got).toEqual(['b', 'a', 'c']);
    expect(queue.length).toBe(0);
  });

  it('drops pending keys on stop and refuses keys once the queue shuts down', async () => {
    const clock = new VirtualClock();
    const queue = new WorkQueue<string>(clock);
    const batch = new InstantBatch(clock, queue);
    batch.add('x');
    batch.stop();
    await clock.advance(10);
    expect(queue.length).toBe(0);
    queue.shutdown();
    batch.add('y');
    expect(batch.size).toBe(0);
  });
});
