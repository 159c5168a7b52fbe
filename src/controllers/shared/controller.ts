// What every controller takes and gives back, so that the manager starts them all alike.
import type { Clock } from '../../clock/clock.js';
import type { Client } from '../../client/index.js';
import type { SharedInformers } from './shared-informers.js';

export interface ControllerOptions {
  client: Client;
  clock: Clock;
  /** Workers reconciling keys in parallel (a key is never processed by two at once). */
  workers?: number;
  /** The manager's shared informers; a controller started alone makes its own. */
  informers?: SharedInformers;
}

export interface ControllerHandle<Result = unknown> {
  /** Resolves once the controller's informers have synced. */
  readonly started: Promise<boolean>;
  /** Reconciles one key now: level-triggered, so tests can run it twice and see nothing written. */
  reconcile(key: string): Promise<Result>;
  stop(): Promise<void>;
}
