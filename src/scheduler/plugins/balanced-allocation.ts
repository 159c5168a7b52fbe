// Twin of pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go: prefers nodes
// whose resources would be used in equal proportions after placing the pod.
import { MAX_NODE_SCORE, StateKey, success, type Plugin } from '../framework.js';
import { fillRequestedAndAllocatable, podRequestList, type ResourceSpec } from './resource-allocation.js';

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
  // Two passes over the fractions instead of collecting them: this runs once per node per cycle.
  let count = 0;
  let first = 0;
  let second = 0;
  let total = 0;
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    const f = fraction(requested[i], allocatable[i]);
    if (count === 0) first = f;
    else if (count === 1) second = f;
    total += f;
    count++;
  }
  let std = 0;
  if (count === 2) std = Math.abs((first - second) / 2);
  else if (count > 2) {
    const mean = total / count;
    let sum = 0;
    for (let i = 0; i < requested.length; i++) {
      if (allocatable[i] === 0) continue;
      const f = fraction(requested[i], allocatable[i]);
      sum += (f - mean) * (f - mean);
    }
    std = Math.sqrt(sum / count);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

const fraction = (requested: number, allocatable: number): number => Math.min(requested / allocatable, 1);

export function newBalancedAllocation(args: NodeResourcesBalancedAllocationArgs = {}): Plugin {
  const resources = args.resources ?? [
    { name: 'cpu', weight: 1 },
    { name: 'memory', weight: 1 },
  ];
  // Scratch for Score, which runs once per node per cycle; nothing keeps them past the call.
  const requested: number[] = resources.map(() => 0);
  const allocatable: number[] = resources.map(() => 0);
  return {
    name: NAME,
    preScore(pod, _nodes, state) {
      state.write(preScoreKey, podRequestList(pod, resources, true));
      return success;
    },
    score(pod, node, state) {
      const reqs = state.read(preScoreKey) ?? podRequestList(pod, resources, true);
      fillRequestedAndAllocatable(node, resources, reqs, true, requested, allocatable);
      return balancedScore(requested, allocatable);
    },
  };
}

export const balancedAllocation: Plugin = newBalancedAllocation();
