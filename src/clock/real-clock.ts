// Wall-clock time: the only file in kubesim that reads the system clock or arms system timers.
import type { Cancel, Clock } from './clock.js';

export class RealClock implements Clock {
  now(): number {
    return Date.now();
  }

  after(ms: number, fire: () => void): Cancel {
    const handle = setTimeout(fire, Math.max(0, ms));
    // A pending timer must never keep a stopping process alive.
    handle.unref();
    return () => clearTimeout(handle);
  }

  every(ms: number, fire: () => void): Cancel {
    const handle = setInterval(fire, Math.max(1, ms));
    handle.unref();
    return () => clearInterval(handle);
  }
}
