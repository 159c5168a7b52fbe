// What controllers ask of a pod: is it active, ready, available, and since when.
// Kubernetes twins: FilterActivePods / IsPodActive (pkg/controller/controller_utils.go) and
// IsPodReady / IsPodAvailable (k8s.io/kubectl/pkg/util/podutils, pkg/api/v1/pod).
import type { Frozen } from '../../api/types.js';
import type { Pod, PodCondition } from '../../api/types/pod.js';

/** Counted by its controller: not terminal (Succeeded/Failed) and not being deleted. */
export function isPodActive(pod: Frozen<Pod>): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function podReadyCondition(pod: Frozen<Pod>): Frozen<PodCondition> | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

export function isPodReady(pod: Frozen<Pod>): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

/** When the pod last became ready (ms), or undefined when it is not ready or the time is unknown. */
export function podReadySince(pod: Frozen<Pod>): number | undefined {
  const c = podReadyCondition(pod);
  if (c?.status !== 'True' || !c.lastTransitionTime) return undefined;
  const t = Date.parse(c.lastTransitionTime);
  return Number.isNaN(t) ? undefined : t;
}

/**
 * Ready for at least minReadySeconds. As Go's `lastTransitionTime + minReadySeconds < now`
 * (strictly before): ready at 10:00:00 with minReadySeconds 5 is available from 10:00:05.001.
 */
export function isPodAvailable(pod: Frozen<Pod>, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(pod)) return false;
  if (!minReadySeconds) return true;
  const since = podReadySince(pod);
  return since !== undefined && since + minReadySeconds * 1000 < now;
}

/**
 * Milliseconds until the first ready-but-not-yet-available pod becomes available, or undefined
 * when none waits: a controller requeues itself then, since no event marks the moment.
 */
export function nextAvailableInMs(pods: readonly Frozen<Pod>[], minReadySeconds: number, now: number): number | undefined {
  if (!minReadySeconds) return undefined;
  let next: number | undefined;
  for (const pod of pods) {
    const since = podReadySince(pod);
    if (since === undefined || isPodAvailable(pod, minReadySeconds, now)) continue;
    const wait = since + minReadySeconds * 1000 + 1 - now;
    next = next === undefined ? wait : Math.min(next, wait);
  }
  return next === undefined ? undefined : Math.max(1, next);
}

export function parseTime(value: string | undefined | null): number | undefined {
  if (!value) return undefined;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : t;
}
