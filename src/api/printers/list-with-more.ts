// The "a,b,c + 2 more..." shortening of the list-valued cells (ENDPOINTS, PORTS).
// Kubernetes twin: listWithMoreString and formatEndpoints in pkg/printers/internalversion/printers.go.

/** At most this many entries are spelled out in a cell. */
export const LIST_CELL_LIMIT = 3;

/**
 * Joins the first entries with ","; when `total` exceeds what is shown, appends " + N more...".
 * Worked example: shown ["a","b","c"], total 5 -> "a,b,c + 2 more...".
 */
export function listWithMore(shown: readonly string[], total: number, empty: string): string {
  const text = shown.join(',');
  if (total > shown.length) return `${text} + ${total - shown.length} more...`;
  return text === '' ? empty : text;
}

/** Go's net.JoinHostPort: IPv6 hosts go in brackets. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}
