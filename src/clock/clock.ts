// The one source of time for every component. Kubernetes twin: k8s.io/utils/clock.
// Real time lives only in real-clock.ts; tests and replays use virtual-clock.ts.

/** Cancels a timer; calling it after the timer fired, or twice, does nothing. */
export type Cancel = () => void;

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Runs `fire` once, `ms` milliseconds from now. */
  after(ms: number, fire: () => void): Cancel;
  /** Runs `fire` every `ms` milliseconds until cancelled. */
  every(ms: number, fire: () => void): Cancel;
}

/** RFC 3339 with second precision, as metav1.Time serialises ("2026-11-25T10:30:02Z"). */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  // Every write stamps times, and a burst of writes falls within one second: format it once.
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}
let lastSecond = NaN;
let lastText = '';

/** RFC 3339 with microseconds, as metav1.MicroTime serialises (events.k8s.io eventTime, lease renewTime). */
export function rfc3339Micro(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}
