// The shared arithmetic of NodeResourcesFit's scoring strategies and of BalancedAllocation:
// for each configured resource, what the node can give and what it would have given after
// this pod. Kubernetes twins: pkg/scheduler/framework/plugins/noderesources/
// resource_allocation.go, least_allocated.go, most_allocated.go, requested_to_capacity_ratio.go
// and pkg/scheduler/framework/plugins/helper/shape_score.go.
import type { Pod } from '../../api/types/pod.js';
import { goDiv, MAX_NODE_SCORE } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import { isScalarResourceName, podRequestOf } from '../pod-requests.js';

export interface ResourceSpec {
  readonly name: string;
  readonly weight: number;
}
export interface UtilizationShapePoint {
  readonly utilization: number;
  readonly score: number;
}

/** Pod requests per configured resource; `useRequested` false adds the 100m / 200Mi defaults. */
export function podRequestList(pod: Pod, resources: readonly ResourceSpec[], useRequested: boolean): number[] {
  return resources.map((r) => podRequestOf(pod, r.name, !useRequested));
}

/**
 * (allocatable, requested-after-this-pod) for one resource. cpu and memory count the node's
 * non-zero requests unless `useRequested`; an extended resource the pod does not ask for, or the
 * node does not have, gives (0, 0) so it is left out of the score.
 */
export function allocatableAndRequested(node: NodeInfo, name: string, podRequest: number, useRequested: boolean): [number, number] {
  if (podRequest === 0 && isScalarResourceName(name)) return [0, 0];
  const req = useRequested ? node.requested : node.nonZeroRequested;
  switch (name) {
    case 'cpu':
      return [node.allocatable.milliCPU, req.milliCPU + podRequest];
    case 'memory':
      return [node.allocatable.memory, req.memory + podRequest];
    case 'ephemeral-storage':
      return [node.allocatable.ephemeralStorage, node.requested.ephemeralStorage + podRequest];
    default:
      if (name in node.allocatable.scalar) return [node.allocatable.scalar[name], (node.requested.scalar[name] ?? 0) + podRequest];
      return [0, 0];
  }
}

/** Fills per-resource (requested, allocatable) pairs; a zero allocatable means "skip this resource". */
export function requestedAndAllocatable(
  node: NodeInfo, resources: readonly ResourceSpec[], podRequests: readonly number[], useRequested: boolean,
): { requested: number[]; allocatable: number[] } {
  const requested = new Array<number>(resources.length).fill(0);
  const allocatable = new Array<number>(resources.length).fill(0);
  fillRequestedAndAllocatable(node, resources, podRequests, useRequested, requested, allocatable);
  return { requested, allocatable };
}

/**
 * requestedAndAllocatable into the caller's arrays: Score runs once per node per cycle, and
 * allocating two arrays and a pair per resource each time was a large part of scoring's cost.
 * cpu and memory, the common case, are read from the NodeInfo's hot facts; other names go through
 * allocatableAndRequested.
 */
export function fillRequestedAndAllocatable(
  node: NodeInfo, resources: readonly ResourceSpec[], podRequests: readonly number[], useRequested: boolean,
  requested: number[], allocatable: number[],
): void {
  for (let i = 0; i < resources.length; i++) {
    const name = resources[i].name;
    let alloc: number;
    let used: number;
    if (name === 'cpu') (alloc = node.allocatable.milliCPU), (used = (useRequested ? node.requestedMilliCPU : node.nonZeroMilliCPU) + podRequests[i]);
    else if (name === 'memory') (alloc = node.allocatable.memory), (used = (useRequested ? node.requestedMemory : node.nonZeroMemory) + podRequests[i]);
    else [alloc, used] = allocatableAndRequested(node, name, podRequests[i], useRequested);
    allocatable[i] = alloc === 0 ? 0 : alloc;
    requested[i] = alloc === 0 ? 0 : used;
  }
}

export type Scorer = (requested: readonly number[], allocatable: readonly number[]) => number;

/** Weighted integer mean of per-resource scores over the resources the node has. */
function weightedMean(resources: readonly ResourceSpec[], perResource: (req: number, cap: number) => number): Scorer {
  return (requested, allocatable) => {
    let sum = 0;
    let weights = 0;
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue;
      sum += perResource(requested[i], allocatable[i]) * resources[i].weight;
      weights += resources[i].weight;
    }
    return weights === 0 ? 0 : goDiv(sum, weights);
  };
}

/**
 * LeastAllocated: (capacity - requested) * 100 / capacity per resource, 0 when over capacity.
 * Worked example: cpu 4000m with 3000m requested after the pod -> 1000*100/4000 = 25; memory
 * 8Gi with 2Gi -> 75; weights 1 and 1 -> (25 + 75) / 2 = 50.
 */
export const leastAllocatedScorer = (resources: readonly ResourceSpec[]): Scorer =>
  weightedMean(resources, (req, cap) => (req > cap ? 0 : goDiv((cap - req) * MAX_NODE_SCORE, cap)));

/**
 * MostAllocated: requested * 100 / capacity, requested capped at capacity.
 * Worked example: cpu 3000m of 4000m -> 75; memory 2Gi of 8Gi -> 25; mean (75 + 25) / 2 = 50.
 */
export const mostAllocatedScorer = (resources: readonly ResourceSpec[]): Scorer =>
  weightedMean(resources, (req, cap) => goDiv(Math.min(req, cap) * MAX_NODE_SCORE, cap));

/**
 * helper.BuildBrokenLinearFunction: piecewise-linear through the shape points, flat outside.
 * Example: points (0, 0), (100, 100) at utilisation 37 -> 0 + (100-0)*(37-0)/(100-0) = 37.
 */
export function brokenLinear(shape: readonly UtilizationShapePoint[]): (p: number) => number {
  return (p) => {
    for (let i = 0; i < shape.length; i++) {
      if (p <= shape[i].utilization) {
        if (i === 0) return shape[0].score;
        const a = shape[i - 1];
        const b = shape[i];
        return a.score + goDiv((b.score - a.score) * (p - a.utilization), b.utilization - a.utilization);
      }
    }
    return shape[shape.length - 1].score;
  };
}

/** Shapes are written on a 0..10 score scale (MaxCustomPriorityScore); the scheduler uses 0..100. */
export const MAX_CUSTOM_PRIORITY_SCORE = 10;
const MAX_UTILIZATION = 100;

/**
 * RequestedToCapacityRatio: utilisation = requested * 100 / capacity (100 when over capacity),
 * mapped through the shape; resources scoring 0 are left out of the mean; the mean is rounded.
 * Worked example: shape [(0, 0), (100, 10)] (bin packing) scaled to [(0, 0), (100, 100)]; cpu
 * 3000m of 4000m -> utilisation 75 -> 75; memory 1Gi of 8Gi -> 12 -> 12; round(87 / 2) = 44.
 */
export function requestedToCapacityRatioScorer(resources: readonly ResourceSpec[], shape: readonly UtilizationShapePoint[]): Scorer {
  const scaled = shape.map((p) => ({ utilization: p.utilization, score: p.score * goDiv(MAX_NODE_SCORE, MAX_CUSTOM_PRIORITY_SCORE) }));
  const f = brokenLinear(scaled);
  const perResource = (req: number, cap: number) => (cap === 0 || req > cap ? f(MAX_UTILIZATION) : f(goDiv(req * MAX_UTILIZATION, cap)));
  return (requested, allocatable) => {
    let sum = 0;
    let weights = 0;
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue;
      const s = perResource(requested[i], allocatable[i]);
      if (s > 0) {
        sum += s * resources[i].weight;
        weights += resources[i].weight;
      }
    }
    return weights === 0 ? 0 : Math.round(sum / weights);
  };
}
