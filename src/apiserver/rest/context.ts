// What every REST operation works with. Built once per server by sim/apiserver wiring.
import type { Clock } from '../../clock/clock.js';
import type { NameGenerator } from '../../clock/names.js';
import type { Registry } from '../../api/registry/registry.js';
import type { Storage } from '../storage/storage.js';

/** Where pods/log reads container output from: the kubelet model, once there is one. */
export interface LogSource {
  /** The log text of one container, or undefined when the container has none yet. */
  read(namespace: string, pod: string, container: string, options: { previous: boolean }): string | undefined;
}

export interface ServerContext {
  storage: Storage;
  clock: Clock;
  names: NameGenerator;
  registry: Registry;
  logs: LogSource;
  /** How often a watch that allows bookmarks gets one. */
  bookmarkIntervalMs: number;
  /** A watch without timeoutSeconds ends after this long, as kube-apiserver's --min-request-timeout. */
  defaultWatchTimeoutMs: number;
}
