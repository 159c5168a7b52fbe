// Pure arithmetic of namespace deletion: how long to wait before looking again.
// Kubernetes twin: estimateGracefulTerminationForPods and the controller's requeue in
// pkg/controller/namespace (namespace_controller.go: estimate/2 + 1 seconds).
import type { Pod } from '../../api/types/pod.js';
import type { Frozen } from '../../api/types.js';

/** Objects with finalizers get this long before the next look (finalizerEstimateSeconds). */
export const FINALIZER_ESTIMATE_SECONDS = 5;

/** The longest grace period among pods that still have to stop (terminal pods excluded). */
export function podsGracefulEstimate(pods: readonly Frozen<Pod>[]): number {
  let estimate = 0;
  for (const pod of pods) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    const grace = pod.spec?.terminationGracePeriodSeconds;
    if (grace !== undefined && grace !== null && grace > estimate) estimate = grace;
  }
  return estimate;
}

/** Seconds until the next pass: an estimate of 30 s waits 16 s (30/2 + 1, integer halves). */
export function requeueSeconds(estimate: number): number {
  return Math.floor(estimate / 2) + 1;
}

/** "pods." for the core group, "deployments.apps": how the conditions name a resource. */
export const groupResourceName = (resource: string, group: string): string => `${resource}.${group}`;
