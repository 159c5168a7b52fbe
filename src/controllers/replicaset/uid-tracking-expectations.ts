// Expectations that also remember which pods a controller deleted, so that a pod seen first
// as terminating (an update) and then gone (a delete) counts as one observed deletion.
// Kubernetes twin: UIDTrackingControllerExpectations (pkg/controller/controller_utils.go).
import type { Clock } from '../../clock/clock.js';
import { ControllerExpectations } from '../../client/expectations.js';

export class UidTrackingExpectations {
  readonly counts: ControllerExpectations;
  readonly #deleting = new Map<string, Set<string>>();

  constructor(clock: Clock) {
    this.counts = new ControllerExpectations(clock);
  }

  satisfied(key: string): boolean {
    return this.counts.satisfied(key);
  }

  expectCreations(key: string, n: number): void {
    this.counts.expectCreations(key, n);
  }

  creationObserved(key: string): void {
    this.counts.creationObserved(key);
  }

  lowerCreations(key: string, n: number): void {
    this.counts.lower(key, n, 0);
  }

  /** Expects these pods (by "namespace/name") to go. */
  expectDeletions(key: string, podKeys: readonly string[]): void {
    this.#deleting.set(key, new Set(podKeys));
    this.counts.expectDeletions(key, podKeys.length);
  }

  /** Counts a pod's deletion once, however many times it is reported. */
  deletionObserved(key: string, podKey: string): void {
    const pending = this.#deleting.get(key);
    if (!pending?.delete(podKey)) return;
    this.counts.deletionObserved(key);
  }

  forget(key: string): void {
    this.#deleting.delete(key);
    this.counts.forget(key);
  }
}
