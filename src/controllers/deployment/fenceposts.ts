// maxSurge and maxUnavailable as pod counts.
// Kubernetes twin: ResolveFenceposts, MaxSurge, MaxUnavailable (pkg/controller/deployment/util/deployment_util.go)
// and intstr.GetScaledValueFromIntOrPercent.
import type { Frozen } from '../../api/types.js';
import type { Deployment } from '../../api/types/deployment.js';
import type { IntOrString } from '../../api/types/service.js';

/**
 * An int as is; "N%" of total, rounded up or down.
 * Worked example: "25%" of 10 is 2.5: 3 rounded up (surge), 2 rounded down (unavailable).
 */
export function scaledValue(value: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const m = /^(-?\d+)%$/.exec(value);
  if (!m) {
    const n = Number(value);
    if (Number.isInteger(n)) return n;
    throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  }
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** [surge, unavailable]; both 0 would deadlock a rollout, so unavailable becomes 1. */
export function resolveFenceposts(maxSurge: IntOrString | undefined, maxUnavailable: IntOrString | undefined, desired: number): [number, number] {
  const surge = scaledValue(maxSurge, desired, true);
  let unavailable = scaledValue(maxUnavailable, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export const replicasOf = (d: Frozen<Deployment>): number => d.spec?.replicas ?? 1;
export const isRollingUpdate = (d: Frozen<Deployment>): boolean => (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

export function maxSurge(d: Frozen<Deployment>): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge ?? '25%', ru?.maxUnavailable ?? '25%', replicasOf(d))[0];
}

export function maxUnavailable(d: Frozen<Deployment>): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  const unavailable = resolveFenceposts(ru?.maxSurge ?? '25%', ru?.maxUnavailable ?? '25%', replicas)[1];
  return Math.min(unavailable, replicas);
}
