// What every REST operation works with. Built once per server by sim/apiserver wiring.
import type { Clock } from '../../clock/clock.js';
import type { NameGenerator } from '../../clock/names.js';
import type { Registry } from '../../api/registry/registry.js';
import type { MutableObj, Obj } from '../../api/registry/definition.js';
import type { Storage } from '../storage/storage.js';
import type { UsageSource } from './metrics.js';
import type { ExecSource } from './pod-exec.js';

/** One line a container printed, at a time from the clock (ms since the epoch). */
export interface LogLine {
  at: number;
  text: string;
}

/** Where pods/log reads container output from: the kubelet model, once there is one. */
export interface LogSource {
  /**
   * The log text of one container, or undefined when the container has none yet; with
   * `timestamps` each line starts with its RFC 3339 time, with `sinceMs` older lines are left out.
   */
  read(namespace: string, pod: string, container: string, options: { previous: boolean; timestamps?: boolean; sinceMs?: number }): string | undefined;
  /** `follow=true`: the lines printed from now on, then end() when the container stops. Returns the cancel. */
  follow?(namespace: string, pod: string, container: string, follower: { line(l: LogLine): void; end(): void }): () => void;
  /** Formats a followed line as read() would. */
  format?(line: LogLine, timestamps: boolean): string;
}

/** Server-owned values given out on write (a Service's cluster IP and node ports). */
export interface WriteHooks {
  /** Fills in and claims what the object needs; throws a Status when a named value is taken. */
  assign(owner: string, draft: MutableObj, name: string, prev?: Obj): void;
  /** Keeps the claims in step with what is stored now (undefined: nothing is). */
  settle(owner: string, stored: Obj | undefined): void;
}

export interface ServerContext {
  storage: Storage;
  clock: Clock;
  names: NameGenerator;
  registry: Registry;
  logs: LogSource;
  /** What running containers use, for metrics.k8s.io. */
  usage: UsageSource;
  /** Runs commands in running containers, for pods/exec. */
  exec: ExecSource;
  /** Write hooks by storage resource ("services"). */
  writeHooks: ReadonlyMap<string, WriteHooks>;
  /** How often a watch that allows bookmarks gets one. */
  bookmarkIntervalMs: number;
  /** A watch without timeoutSeconds ends after this long, as kube-apiserver's --min-request-timeout. */
  defaultWatchTimeoutMs: number;
}
