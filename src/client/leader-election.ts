// Lease-based leader election: of several candidates sharing one Lease, one holds it and
// renews it; the others wait until it has gone unrenewed for a full lease duration, by their
// own clock, before taking it. Kubernetes twin: k8s.io/client-go/tools/leaderelection
// (leaderelection.go: acquire, renew, tryAcquireOrRenew, release; resourcelock/leaselock.go).
import { rfc3339Micro, type Cancel, type Clock } from '../clock/clock.js';
import type { Frozen } from '../api/types.js';
import type { Lease, LeaseSpec } from '../api/types/lease.js';
import type { Client } from './client.js';
import { LEASES } from './resources.js';
import { isAlreadyExists, isConflict, isNotFound } from './response-error.js';

export interface LeaderElectionConfig {
  client: Client;
  clock: Clock;
  /** The Lease: kube-system/kube-controller-manager for the controller manager. */
  namespace: string;
  name: string;
  /** Who we are: unique per candidate (kube-controller-manager uses hostname_uuid). */
  identity: string;
  /** Others wait this long after the last renewal they saw (client-go default 15 s). */
  leaseDurationMs?: number;
  /** The leader gives up if it could not renew for this long (10 s). */
  renewDeadlineMs?: number;
  /** Between attempts, to acquire or to renew (2 s). */
  retryPeriodMs?: number;
  /** On stop, clear the holder so that another takes over at once (ReleaseOnCancel). */
  releaseOnCancel?: boolean;
  onStartedLeading(): void | Promise<void>;
  onStoppedLeading(): void | Promise<void>;
  onNewLeader?(identity: string): void;
}

export const LEASE_DURATION_MS = 15_000;
export const RENEW_DEADLINE_MS = 10_000;
export const RETRY_PERIOD_MS = 2_000;

const seconds = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/** The holder-visible part of a lease record: a change in it is a sign of the holder's life. */
const recordOf = (spec: LeaseSpec | undefined): string =>
  JSON.stringify([spec?.holderIdentity ?? '', spec?.renewTime ?? '', spec?.acquireTime ?? '', spec?.leaseTransitions ?? 0, spec?.leaseDurationSeconds ?? 0]);

export class LeaderElector {
  readonly #c: Required<Omit<LeaderElectionConfig, 'onNewLeader'>> & Pick<LeaderElectionConfig, 'onNewLeader'>;
  #leading = false;
  #stopped = true;
  #inFlight = false;
  #timer: Cancel | undefined;
  #observedRecord = '';
  #observedAtMs = 0;
  #lastRenewMs = 0;
  #lease: Frozen<Lease> | undefined;
  #leader = '';
  /** Serialises the callbacks, so that a stop never overtakes a start. */
  #transitions: Promise<void> = Promise.resolve();

  constructor(config: LeaderElectionConfig) {
    this.#c = {
      leaseDurationMs: LEASE_DURATION_MS,
      renewDeadlineMs: RENEW_DEADLINE_MS,
      retryPeriodMs: RETRY_PERIOD_MS,
      releaseOnCancel: false,
      ...config,
    };
    if (this.#c.leaseDurationMs <= this.#c.renewDeadlineMs) throw new Error('leaseDuration must be greater than renewDeadline');
  }

  get isLeader(): boolean {
    return this.#leading;
  }

  /** The identity the lease last named (ours or another's). */
  get leader(): string {
    return this.#leader;
  }

  /** Starts campaigning; resolves after the first attempt (leading or not). */
  async start(): Promise<void> {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#timer = this.#c.clock.every(this.#c.retryPeriodMs, () => void this.#tick());
    await this.#tick();
    await this.#transitions;
  }

  /** Stops campaigning; a leader stops leading (and releases the lease if so configured). */
  async stop(): Promise<void> {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#timer?.();
    if (this.#leading && this.#c.releaseOnCancel) await this.#release();
    if (this.#leading) this.#setLeading(false);
    await this.#transitions;
  }

  async #tick(): Promise<void> {
    if (this.#stopped || this.#inFlight) return;
    this.#inFlight = true;
    try {
      const ok = await this.#tryAcquireOrRenew();
      const now = this.#c.clock.now();
      if (this.#stopped) return;
      if (ok) {
        this.#lastRenewMs = now;
        if (!this.#leading) this.#setLeading(true);
      } else if (this.#leading && now - this.#lastRenewMs >= this.#c.renewDeadlineMs) {
        this.#setLeading(false);
      }
    } finally {
      this.#inFlight = false;
    }
  }

  #setLeading(leading: boolean): void {
    this.#leading = leading;
    const callback = leading ? this.#c.onStartedLeading : this.#c.onStoppedLeading;
    this.#transitions = this.#transitions.then(() => callback()).catch((e) => console.error('kubesim: leader election callback failed:', e));
  }

  #observe(lease: Frozen<Lease>): void {
    const record = recordOf(lease.spec);
    if (record !== this.#observedRecord) {
      this.#observedRecord = record;
      this.#observedAtMs = this.#c.clock.now();
    }
    const holder = lease.spec?.holderIdentity ?? '';
    if (holder !== this.#leader) {
      this.#leader = holder;
      if (holder) this.#c.onNewLeader?.(holder);
    }
    this.#lease = lease;
  }

  /** One attempt: create the lease, renew ours, or take one that expired. True when we hold it. */
  async #tryAcquireOrRenew(): Promise<boolean> {
    const { client, clock, namespace, name, identity } = this.#c;
    const now = rfc3339Micro(clock.now());
    let current: Frozen<Lease>;
    try {
      current = await client.get(LEASES, namespace, name);
    } catch (e) {
      if (!isNotFound(e)) return false;
      const spec: LeaseSpec = { holderIdentity: identity, leaseDurationSeconds: seconds(this.#c.leaseDurationMs), acquireTime: now, renewTime: now, leaseTransitions: 0 };
      try {
        this.#observe(await client.create(LEASES, { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { namespace, name }, spec } as Frozen<Lease>));
        return true;
      } catch (err) {
        if (isAlreadyExists(err) || isConflict(err)) return false;
        throw err;
      }
    }
    this.#observe(current);
    const holder = current.spec?.holderIdentity ?? '';
    const ours = holder === identity;
    // Another holder's lease is good until its duration has passed since we last saw it change
    // (by our clock: the holder's may be skewed). A released lease says 1 s.
    const durationMs = (current.spec?.leaseDurationSeconds ?? seconds(this.#c.leaseDurationMs)) * 1000;
    if (holder && !ours && this.#observedAtMs + durationMs > clock.now()) return false;
    const spec: LeaseSpec = {
      ...current.spec,
      holderIdentity: identity,
      leaseDurationSeconds: seconds(this.#c.leaseDurationMs),
      renewTime: now,
      acquireTime: ours ? (current.spec?.acquireTime ?? now) : now,
      leaseTransitions: ours ? (current.spec?.leaseTransitions ?? 0) : (current.spec?.leaseTransitions ?? 0) + 1,
    };
    try {
      this.#observe(await client.update(LEASES, { ...current, spec } as Frozen<Lease>));
      return true;
    } catch {
      // A Conflict means another candidate wrote first; any failure is only a failed attempt.
      return false;
    }
  }

  /** Clears the holder so that the next candidate need not wait out the lease. */
  async #release(): Promise<void> {
    const lease = this.#lease;
    if (!lease || lease.spec?.holderIdentity !== this.#c.identity) return;
    const now = rfc3339Micro(this.#c.clock.now());
    try {
      await this.#c.client.update(LEASES, { ...lease, spec: { ...lease.spec, holderIdentity: '', leaseDurationSeconds: 1, renewTime: now, acquireTime: now } } as Frozen<Lease>);
    } catch {
      // Someone else already moved it on: nothing to release.
    }
  }
}
