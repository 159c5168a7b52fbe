import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { ControllerExpectations, EXPECTATIONS_TIMEOUT_MS } from '../../src/client/expectations.js';

describe('ControllerExpectations', () => {
  it('is satisfied with no record, blocks until every creation and deletion is observed', () => {
    const e = new ControllerExpectations(new VirtualClock());
    expect(e.satisfied('ns/rs')).toBe(true);
    e.expectCreations('ns/rs', 2);
    expect(e.satisfied('ns/rs')).toBe(false);
    e.creationObserved('ns/rs');
    expect(e.satisfied('ns/rs')).toBe(false);
    e.creationObserved('ns/rs');
    expect(e.satisfied('ns/rs')).toBe(true);
    e.expectDeletions('ns/rs', 1);
    expect(e.get('ns/rs')).toMatchObject({ add: 0, del: 1 });
    expect(e.satisfied('ns/rs')).toBe(false);
    e.deletionObserved('ns/rs');
    expect(e.satisfied('ns/rs')).toBe(true);
  });

  it('lowers for writes that failed, and ignores observations of keys it does not track', () => {
    const e = new ControllerExpectations(new VirtualClock());
    e.expectCreations('k', 3);
    e.lower('k', 2, 0); // two creates failed: they will never be observed
    e.creationObserved('k');
    expect(e.satisfied('k')).toBe(true);
    e.creationObserved('other');
    expect(e.get('other')).toBeUndefined();
    e.raise('other', 1, 0);
    expect(e.satisfied('other')).toBe(true);
  });

  it('stops blocking once the expectations are more than five minutes old', async () => {
    const clock = new VirtualClock();
    const e = new ControllerExpectations(clock);
    e.expectCreations('k', 1);
    await clock.advance(EXPECTATIONS_TIMEOUT_MS);
    expect(e.satisfied('k')).toBe(false);
    await clock.advance(1);
    expect(e.satisfied('k')).toBe(true);
    e.expectCreations('k', 1); // a fresh expectation restarts the timer
    expect(e.satisfied('k')).toBe(false);
    e.forget('k');
    expect(e.satisfied('k')).toBe(true);
  });
});
