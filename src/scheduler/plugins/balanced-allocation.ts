// Twin of pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go: prefers nodes
// whose resources would be used in equal proportions after placing the pod.
import { MAX_NODE_SCORE, StateKey, success, type Plugin } from '../framework.js';
import { podRequestList, requestedAndAllocatable, type ResourceSpec } from './resource-allocation.js';

export const NAME = 'NodeResourcesBalancedAllocation';

export interface NodeResourcesBalancedAllocationArgs {
  readonly resources?: readonly ResourceSpec[];
}

const preScoreKey = new StateKey<number[]>(`PreScore${NAME}`);

/**
 * 100 * (1 - standard deviation of the requested/allocatable fractions), each capped at 1. With
 * two resources the deviation is |f1 - f2| / 2. Truncated to an integer, as Go's int64().
 * Worked example: cpu 3000m/4000m = 0.75, memory 2Gi/8Gi = 0.25 -> std 0.25 -> 75.
 * Three fractions 0.2, 0.5, 0.8: mean 0.5, variance 0.06 -> std 0.2449 -> int(75.505) = 75.
 */
export function balancedScore(requested: readonly number[], allocatable: readonly number[]): number {
  const fractions: number[] = [];
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    fractions.push(Math.min(requested[i] / allocatable[i], 1));
  }
  let std = 0;
  if (fractions.length === 2) std = Math.abs((fractions[0] - fractions[1]) / 2);
  else if (fractions.length > 2) {
    const mean = fractions.reduce((a, b) => a + b, 0) / fractions.length;
    const sum = fractions.reduce((a, f) => a + (f - mean) * (f - mean), 0);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export function newBalancedAllocation(args: NodeResourcesBalancedAllocationArgs = {}): Plugin {
  const resources = args.resources ?? [
    { name: 'cpu', weight: 1 },
    { name: 'memory', weight: 1 },
  ];
  return {
    name: NAME,
    preScore(pod, _nodes, state) {
      state.write(preScoreKey, podRequestList(pod, resources, true));
      return success;
    },
    score(pod, node, state) {
      const reqs = state.read(preScoreKey) ?? podRequestList(pod, resources, true);
      const { requested, allocatable } = requestedAndAllocatable(node, resources, reqs, true);
      return balancedScore(requested, allocatable);
    },
  };
}

export const balancedAllocation: Plugin = newBalancedAllocation();
