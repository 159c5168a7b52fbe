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
}

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
  }

  append(namespace: string, pod: string, container: string, at: number, lines: readonly string[]): void {
    const logs = this.#container(namespace, pod, container, true)!;
    for (const text of lines) logs.current.push({ at, text });
    if (logs.current.length > MAX_LINES) logs.current.splice(0, logs.current.length - MAX_LINES);
  }

  /** The pod is gone: so are its logs. */
  remove(namespace: string, pod: string): void {
    this.#pods.delete(`${namespace}/${pod}`);
  }

  lines(namespace: string, pod: string, container: string, options: { previous: boolean }): readonly LogLine[] | undefined {
    const logs = this.#container(namespace, pod, container, false);
    if (!logs) return undefined;
    return options.previous ? logs.previous : logs.current;
  }

  /** The LogSource the API server's pods/log reads: text, one "\n"-ended line per entry. */
  read(namespace: string, pod: string, container: string, options: { previous: boolean; timestamps?: boolean }): string | undefined {
    const lines = this.lines(namespace, pod, container, options);
    if (!lines) return undefined;
    let out = '';
    for (const l of lines) out += options.timestamps ? `${rfc3339Micro(l.at).replace(/\.(\d{6})Z$/, '.$1000Z')} ${l.text}\n` : `${l.text}\n`;
    return out;
  }
}
