// What every REST operation works with. Built once per server by sim/apiserver wiring.
import type { Clock } from '../../clock/clock.js';
import type { NameGenerator } from '../../clock/names.js';
import type { Registry } from '../../api/registry/registry.js';
import type { MutableObj, Obj } from '../../api/registry/definition.js';
import type { Storage } from '../storage/storage.js';

/** Where pods/log reads container output from: the kubelet model, once there is one. */
export interface LogSource {
  /** The log text of one container, or undefined when the container has none yet. */
  read(namespace: string, pod: string, container: string, options: { previous: boolean }): string | undefined;
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
  /** Write hooks by storage resource ("services"). */
  writeHooks: ReadonlyMap<string, WriteHooks>;
  /** How often a watch that allows bookmarks gets one. */
  bookmarkIntervalMs: number;
  /** A watch without timeoutSeconds ends after this long, as kube-apiserver's --min-request-timeout. */
  defaultWatchTimeoutMs: number;
}
