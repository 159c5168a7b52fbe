// What a pod asks of a node: the sum of its containers' requests, the largest init-container
// step, sidecars (restartable init containers) that keep running, and the pod overhead.
// Kubernetes twin: k8s.io/component-helpers/resource/helpers.go (PodRequests) and
// pkg/scheduler/framework/types.go (calculateResource, Resource).
import { milliValue, parseQuantity, unitValue } from '../api/quantity.js';
import type { Container, Pod, ResourceList } from '../api/types/pod.js';

/** Requests as exact nano-unit amounts, so sums round only once, as Go's Quantity sums do. */
type Amounts = Map<string, bigint>;

/** Defaults the scoring plugins assume for a container that names no cpu / memory request. */
export const DEFAULT_MILLI_CPU_REQUEST = 100; // 0.1 core
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024; // 200 MiB

/** The scheduler's view of an amount of resources (framework.Resource). */
export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  allowedPodNumber: number;
  /** Extended resources, hugepages-*, attachable-volumes-*: whole units. */
  scalar: Record<string, number>;
}

export const emptyResource = (): Resource => ({ milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: {} });

/**
 * schedutil.IsScalarResourceName: extended resources (a domain-prefixed name), kubernetes.io/
 * prefixed ones, hugepages-* and attachable-volumes-*. Bare unknown names are ignored.
 */
export const isScalarResourceName = (name: string): boolean =>
  name.includes('/') || name.startsWith('hugepages-') || name.startsWith('attachable-volumes-');

const NANO = 1_000_000_000n;

function amountsOf(list: ResourceList | undefined, defaults?: Amounts): Amounts {
  const out: Amounts = new Map();
  for (const [k, v] of Object.entries(list ?? {})) out.set(k, parseQuantity(v).nanos);
  if (defaults) for (const [k, v] of defaults) if (!out.has(k)) out.set(k, v);
  return out;
}
const add = (into: Amounts, more: Amounts) => {
  for (const [k, v] of more) into.set(k, (into.get(k) ?? 0n) + v);
};
const maxInto = (into: Amounts, other: Amounts) => {
  for (const [k, v] of other) if (!into.has(k) || into.get(k)! < v) into.set(k, v);
};
const isSidecar = (c: Container) => c.restartPolicy === 'Always';

/** The defaults applied to containers that leave cpu/memory out (NonMissingContainerRequests). */
export const NON_ZERO_DEFAULTS: Amounts = new Map([
  ['cpu', BigInt(DEFAULT_MILLI_CPU_REQUEST) * 1_000_000n],
  ['memory', BigInt(DEFAULT_MEMORY_REQUEST) * NANO],
]);

/**
 * PodRequests. App containers and sidecars run together, so they add up; each classic init
 * container runs alone beside the sidecars started before it, so the pod needs the largest of
 * those steps; then the overhead is added.
 * Worked example: containers cpu 100m + 200m, init containers [classic 500m, sidecar 50m]:
 * sum = 300m + 50m (sidecar) = 350m; init steps: classic = 500m, sidecar step = 50m; max(350m,
 * 500m) = 500m; with overhead 10m the pod asks 510m.
 */
export function podRequestAmounts(pod: Pod, defaults?: Amounts): Amounts {
  const reqs: Amounts = new Map();
  for (const c of pod.spec.containers ?? []) add(reqs, amountsOf(c.resources?.requests, defaults));
  const sidecars: Amounts = new Map();
  const initMax: Amounts = new Map();
  for (const c of pod.spec.initContainers ?? []) {
    const own = amountsOf(c.resources?.requests, defaults);
    let step: Amounts;
    if (isSidecar(c)) {
      add(reqs, own);
      add(sidecars, own);
      step = new Map(sidecars);
    } else {
      step = new Map(own);
      add(step, sidecars);
    }
    maxInto(initMax, step);
  }
  maxInto(reqs, initMax);
  if (pod.spec.overhead) add(reqs, amountsOf(pod.spec.overhead));
  return reqs;
}

/** cpu in milli-units and everything else in whole units, rounded up as MilliValue/Value. */
export const amountValue = (name: string, nanos: bigint): number =>
  name === 'cpu' ? milliValue({ nanos, format: 'DecimalSI' }) : unitValue({ nanos, format: 'DecimalSI' });

/** A ResourceList-like map into a Resource (Resource.Add): pods counted, unknown names dropped. */
export function resourceFromAmounts(amounts: Amounts): Resource {
  const r = emptyResource();
  for (const [name, nanos] of amounts) {
    const v = amountValue(name, nanos);
    if (name === 'cpu') r.milliCPU += v;
    else if (name === 'memory') r.memory += v;
    else if (name === 'ephemeral-storage') r.ephemeralStorage += v;
    else if (name === 'pods') r.allowedPodNumber += v;
    else if (isScalarResourceName(name)) r.scalar[name] = (r.scalar[name] ?? 0) + v;
  }
  return r;
}

/** The pod's requests as the Fit filter counts them (no defaults for missing requests). */
export const podRequests = (pod: Pod): Resource => resourceFromAmounts(podRequestAmounts(pod));

/** cpu and memory with the 100m / 200Mi defaults for containers that name none (for scoring). */
export function nonZeroRequests(pod: Pod): { milliCPU: number; memory: number } {
  const a = podRequestAmounts(pod, NON_ZERO_DEFAULTS);
  return { milliCPU: amountValue('cpu', a.get('cpu') ?? 0n), memory: amountValue('memory', a.get('memory') ?? 0n) };
}

/** One named resource of a pod's requests, optionally with the non-zero defaults (scoring). */
export function podRequestOf(pod: Pod, name: string, withDefaults: boolean): number {
  const a = podRequestAmounts(pod, withDefaults ? NON_ZERO_DEFAULTS : undefined);
  return amountValue(name, a.get(name) ?? 0n);
}

/** A node's allocatable as a Resource. */
export function allocatableOf(list: Record<string, string> | undefined): Resource {
  return resourceFromAmounts(amountsOf(list));
}
