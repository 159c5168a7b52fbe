// How long things take on a simulated node, as data. Kubernetes twin: the kubelet's timing
// knobs (KubeletConfiguration: nodeStatusUpdateFrequency, nodeStatusReportFrequency,
// nodeLeaseDurationSeconds; the container GC and back-off constants in pkg/kubelet).
// Tests pass their own profile; the default is fast so `kubectl rollout status` on a real clock
// finishes in a second or two.

export interface ImagePullTiming {
  /** Fixed cost of any pull (resolving, manifest round trips). */
  baseMs: number;
  /** Node bandwidth: a 72 MB image at 1e9 B/s adds 72 ms. */
  bytesPerSecond: number;
  /** Seeded jitter as a fraction of the total: 0.2 means ±20 %. */
  jitter: number;
}

export interface KubeletProfile {
  imagePull: ImagePullTiming;
  /** Creating the pod sandbox (network namespace, pause container, IP). */
  sandboxMs: number;
  /** CreateContainer through the runtime. */
  createContainerMs: number;
  /** StartContainer through the runtime. */
  startContainerMs: number;
  /** A container that honours SIGTERM exits this long after it. */
  stopMs: number;
  /** How often node status is computed and written when it changed (nodeStatusUpdateFrequency). */
  nodeStatusUpdateMs: number;
  /** Node status is written at least this often even when nothing changed (nodeStatusReportFrequency). */
  nodeStatusReportMs: number;
  /** Lease duration; the kubelet renews every quarter of it (10 s for 40 s). */
  leaseDurationSeconds: number;
  /** CrashLoopBackOff and ImagePullBackOff: first delay, cap, and the run time that resets it. */
  backoffInitialMs: number;
  backoffMaxMs: number;
  backoffResetMs: number;
  /** How soon a pod worker retries after CreateContainerConfigError or FailedMount (backOffPeriod). */
  configRetryMs: number;
  /**
   * How often running pods' ConfigMap, Secret and downwardAPI volumes are brought up to date
   * (the periodic pod sync, syncFrequency: 1 minute).
   */
  volumeSyncMs: number;
}

export const DEFAULT_PROFILE: KubeletProfile = Object.freeze({
  imagePull: Object.freeze({ baseMs: 100, bytesPerSecond: 1e9, jitter: 0.2 }),
  sandboxMs: 40,
  createContainerMs: 15,
  startContainerMs: 15,
  stopMs: 100,
  nodeStatusUpdateMs: 10_000,
  nodeStatusReportMs: 5 * 60_000,
  leaseDurationSeconds: 40,
  backoffInitialMs: 10_000,
  backoffMaxMs: 5 * 60_000,
  backoffResetMs: 10 * 60_000,
  configRetryMs: 10_000,
  volumeSyncMs: 60_000,
});

/** A profile with some timings replaced: `withProfile({ sandboxMs: 0 })`. */
export function withProfile(overrides: Partial<KubeletProfile> = {}): KubeletProfile {
  return { ...DEFAULT_PROFILE, ...overrides, imagePull: { ...DEFAULT_PROFILE.imagePull, ...overrides.imagePull } };
}
