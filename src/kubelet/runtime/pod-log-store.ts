// What containers printed, per pod and container, with the current and the previous
// instance kept (`kubectl logs --previous`). Kubernetes twin: the CRI log files under
// /var/log/pods/<ns>_<pod>_<uid>/<container>/<restart>.log that the kubelet serves.
// The API server reads it through its LogSource interface.
import { rfc3339Micro } from '../../clock/clock.js';

export interface LogLine {
  /** Milliseconds since the epoch, from the injected clock. */
  at: number;
  text: string;
}

interface ContainerLogs {
  current: LogLine[];
  previous?: LogLine[];
  /** The current instance has exited: a follower gets what is there and the end. */
  ended?: boolean;
  followers?: Set<LogFollower>;
}

/** A `kubectl logs -f` reader: new lines as they are printed, then the end. */
export interface LogFollower {
  line(l: LogLine): void;
  end(): void;
}

export interface LogReadOptions {
  previous: boolean;
  timestamps?: boolean;
  /** Only lines printed at or after this time (sinceSeconds, sinceTime), ms since the epoch. */
  sinceMs?: number;
}

/** A line as kubectl logs --timestamps shows it: RFC 3339 with nanoseconds, then the text. */
export const formatLine = (l: LogLine, timestamps: boolean | undefined): string =>
  timestamps ? `${rfc3339Micro(l.at).replace(/\.(\d{6})Z$/, '.$1000Z')} ${l.text}\n` : `${l.text}\n`;

/** Lines kept per container instance; older ones are dropped as log rotation would. */
const MAX_LINES = 10_000;

export class PodLogStore {
  readonly #pods = new Map<string, Map<string, ContainerLogs>>();

  #container(namespace: string, pod: string, container: string, create: boolean): ContainerLogs | undefined {
    const key = `${namespace}/${pod}`;
    let byName = this.#pods.get(key);
    if (!byName && create) this.#pods.set(key, (byName = new Map()));
    let logs = byName?.get(container);
    if (!logs && create && byName) byName.set(container, (logs = { current: [] }));
    return logs;
  }

  /** A new instance of the container starts: its predecessor's lines become `previous`. */
  begin(namespace: string, pod: string, container: string, restarted: boolean): void {
    const logs = this.#container(namespace, pod, container, true)!;
    if (restarted) logs.previous = logs.current;
    logs.current = [];
    logs.ended = false;
  }

  /** The container's current instance exited: followers reach the end of the stream. */
  end(namespace: string, pod: string, container: string): void {
    const logs = this.#container(namespace, pod, container, false);
    if (!logs) return;
    logs.ended = true;
    const followers = logs.followers;
    logs.followers = undefined;
    for (const f of followers ?? []) f.end();
  }

  /**
   * Follows the current instance: every line printed from now on, then end() when it exits or
   * the pod goes. Returns the cancel. A container that has ended (or never started) ends at once.
   */
  follow(namespace: string, pod: string, container: string, follower: LogFollower): () => void {
    const logs = this.#container(namespace, pod, container, false);
    if (!logs || logs.ended) {
      follower.end();
      return () => {};
    }
    (logs.followers ??= new Set()).add(follower);
    return () => logs.followers?.delete(follower);
  }

  append(namespace: string, pod: string, container: string, at: number, lines: readonly string[]): void {
    const logs = this.#container(namespace, pod, container, true)!;
    for (const text of lines) {
      const line = { at, text };
      logs.current.push(line);
      if (logs.followers) for (const f of logs.followers) f.line(line);
    }
    if (logs.current.length > MAX_LINES) logs.current.splice(0, logs.current.length - MAX_LINES);
  }

  /** The pod is gone: so are its logs. */
  remove(namespace: string, pod: string): void {
    const key = `${namespace}/${pod}`;
    for (const name of this.#pods.get(key)?.keys() ?? []) this.end(namespace, pod, name);
    this.#pods.delete(key);
  }

  lines(namespace: string, pod: string, container: string, options: { previous: boolean }): readonly LogLine[] | undefined {
    const logs = this.#container(namespace, pod, container, false);
    if (!logs) return undefined;
    return options.previous ? logs.previous : logs.current;
  }

  /** A followed line, formatted as read() formats it. */
  format(line: LogLine, timestamps: boolean): string {
    return formatLine(line, timestamps);
  }

  /** The LogSource the API server's pods/log reads: text, one "\n"-ended line per entry. */
  read(namespace: string, pod: string, container: string, options: LogReadOptions): string | undefined {
    const lines = this.lines(namespace, pod, container, options);
    if (!lines) return undefined;
    let out = '';
    for (const l of lines) if (options.sinceMs === undefined || l.at >= options.sinceMs) out += formatLine(l, options.timestamps);
    return out;
  }
}
