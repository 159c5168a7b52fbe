// How long ago, the way kubectl shows AGE. Kubernetes twin:
// k8s.io/apimachinery/pkg/util/duration/duration.go (HumanDuration, ShortHumanDuration) and the
// translateTimestampSince helper of pkg/printers/internalversion/printers.go.
// Durations here are milliseconds; Go works in nanoseconds, but every branch below truncates
// to whole seconds or coarser, so the unit changes nothing.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * ~2-3 significant figures: "45s", "119s", "5m2s", "12m", "3h", "7h59m", "2d3h", "400d", "3y20d", "9y".
 * Up to 2s in the future is tolerated as "0s" (clock skew between machines); beyond that "<invalid>".
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  // Seconds stay precise up to two minutes: "90s" reads better than "1m30s".
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) return withRemainder(minutes, 'm', seconds % 60, 's');
  if (minutes < 3 * 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) return withRemainder(hours, 'h', minutes % 60, 'm');
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) return withRemainder(days, 'd', hours % 24, 'h');
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) return withRemainder(years, 'y', days % 365, 'd');
  return `${years}y`;
}

/** One unit only: "45s", "5m", "3h", "400d", "2y". */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** "5m2s", but "5m" when the smaller unit is zero. */
function withRemainder(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big}${bigUnit}` : `${big}${bigUnit}${small}${smallUnit}`;
}

/** Milliseconds since the epoch, or undefined for a missing or unparsable timestamp (Go's zero Time). */
export function parseTimestamp(timestamp: string | null | undefined): number | undefined {
  if (!timestamp) return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The AGE cell: humanDuration(now - timestamp), "<unknown>" when there is no timestamp. */
export function timestampSince(timestamp: string | null | undefined, now: number): string {
  const at = parseTimestamp(timestamp);
  return at === undefined ? '<unknown>' : humanDuration(now - at);
}
