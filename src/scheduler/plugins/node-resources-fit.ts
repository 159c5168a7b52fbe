// Twin of pkg/scheduler/framework/plugins/noderesources/fit.go: Filter checks the pod's requests
// (containers, init containers, sidecars, overhead, extended resources) against what the node
// has left and the pod count against its limit; Score applies the configured strategy.
import type { Pod } from '../../api/types/pod.js';
import { skip, StateKey, success, unschedulable, type Plugin } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import { podRequests, type Resource } from '../pod-requests.js';
import {
  fillRequestedAndAllocatable, leastAllocatedScorer, mostAllocatedScorer, podRequestList, requestedToCapacityRatioScorer,
  type ResourceSpec, type Scorer, type UtilizationShapePoint,
} from './resource-allocation.js';

export const NAME = 'NodeResourcesFit';
export const REASON_TOO_MANY_PODS = 'Too many pods';
/** "Insufficient cpu", "Insufficient memory", "Insufficient example.com/gpu", ... */
export const insufficientReason = (resource: string): string => `Insufficient ${resource}`;

export type ScoringStrategyType = 'LeastAllocated' | 'MostAllocated' | 'RequestedToCapacityRatio';

export interface NodeResourcesFitArgs {
  readonly ignoredResources?: readonly string[];
  readonly ignoredResourceGroups?: readonly string[];
  readonly scoringStrategy?: {
    readonly type?: ScoringStrategyType;
    readonly resources?: readonly ResourceSpec[];
    readonly requestedToCapacityRatio?: { readonly shape: readonly UtilizationShapePoint[] };
  };
}

export const DEFAULT_RESOURCES: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

export interface InsufficientResource {
  readonly resourceName: string;
  readonly reason: string;
  readonly requested: number;
  readonly used: number;
  readonly capacity: number;
}

/** The pod's requests, and whether any extended resource is among them (then only fitsRequest decides). */
interface PreFilterState {
  readonly requests: Resource;
  readonly hasScalars: boolean;
}
const preFilterKey = new StateKey<PreFilterState>(`PreFilter${NAME}`);
const preFilterState = (pod: Pod): PreFilterState => {
  const requests = podRequests(pod);
  return { requests, hasScalars: Object.keys(requests.scalar).length > 0 };
};
const preScoreKey = new StateKey<number[]>(`PreScore${NAME}`);

/** Extended resources (those with a domain) can be ignored by name or by domain ("example.com"). */
function ignored(name: string, args: NodeResourcesFitArgs): boolean {
  if (!name.includes('/') || name.includes('kubernetes.io/')) return false;
  return (args.ignoredResources ?? []).includes(name) || (args.ignoredResourceGroups ?? []).includes(name.split('/')[0]);
}

/**
 * fitsRequest: every shortfall, in the order pods, cpu, memory, ephemeral-storage, then extended
 * resources (sorted by name here; Go walks a map). Example: node cpu 4000m with 3500m requested,
 * pod asks 1000m -> 1000 > 4000 - 3500, so "Insufficient cpu".
 */
export function fitsRequest(req: Resource, node: NodeInfo, args: NodeResourcesFitArgs = {}): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  const alloc = node.allocatable;
  const used = node.requested;
  if (node.pods.length + 1 > alloc.allowedPodNumber) {
    out.push({ resourceName: 'pods', reason: REASON_TOO_MANY_PODS, requested: 1, used: node.pods.length, capacity: alloc.allowedPodNumber });
  }
  const scalars = Object.keys(req.scalar).sort();
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0 && scalars.length === 0) return out;
  const check = (name: string, want: number, has: number, inUse: number) => {
    if (want > 0 && want > has - inUse) out.push({ resourceName: name, reason: insufficientReason(name), requested: want, used: inUse, capacity: has });
  };
  check('cpu', req.milliCPU, alloc.milliCPU, used.milliCPU);
  check('memory', req.memory, alloc.memory, used.memory);
  check('ephemeral-storage', req.ephemeralStorage, alloc.ephemeralStorage, used.ephemeralStorage);
  for (const name of scalars) {
    if (req.scalar[name] === 0 || ignored(name, args)) continue;
    check(name, req.scalar[name], alloc.scalar[name] ?? 0, used.scalar[name] ?? 0);
  }
  return out;
}

/**
 * True when fitsRequest would find no shortfall, answered without building its list: Filter runs
 * on hundreds of nodes per cycle and nearly all of them fit. Pods with extended resources are
 * left to fitsRequest (false here), which also knows the ignored ones.
 */
function fitsPlainly(s: PreFilterState, node: NodeInfo): boolean {
  const alloc = node.allocatable;
  const req = s.requests;
  if (s.hasScalars || node.podCount + 1 > alloc.allowedPodNumber) return false;
  if (req.milliCPU > 0 && req.milliCPU > alloc.milliCPU - node.requestedMilliCPU) return false;
  if (req.memory > 0 && req.memory > alloc.memory - node.requestedMemory) return false;
  // Ephemeral storage is read through `requested` only for the pods that ask for it.
  return !(req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - node.requested.ephemeralStorage);
}

function scorerFor(args: NodeResourcesFitArgs, resources: readonly ResourceSpec[]): Scorer {
  switch (args.scoringStrategy?.type ?? 'LeastAllocated') {
    case 'MostAllocated':
      return mostAllocatedScorer(resources);
    case 'RequestedToCapacityRatio':
      return requestedToCapacityRatioScorer(resources, args.scoringStrategy?.requestedToCapacityRatio?.shape ?? []);
    default:
      return leastAllocatedScorer(resources);
  }
}

export function newNodeResourcesFit(args: NodeResourcesFitArgs = {}): Plugin {
  const resources = args.scoringStrategy?.resources ?? DEFAULT_RESOURCES;
  const scorer = scorerFor(args, resources);
  // Scratch for Score, which runs once per node per cycle; the scorer keeps nothing past the call.
  const requested: number[] = resources.map(() => 0);
  const allocatable: number[] = resources.map(() => 0);
  return {
    name: NAME,
    preFilter(pod, state) {
      state.write(preFilterKey, preFilterState(pod));
      return { status: success };
    },
    filter(pod, node, state) {
      const pre = state.read(preFilterKey) ?? preFilterState(pod);
      if (fitsPlainly(pre, node)) return success;
      const short = fitsRequest(pre.requests, node, args);
      return short.length === 0 ? success : unschedulable(...short.map((s) => s.reason));
    },
    preScore(pod, nodes, state) {
      if (nodes.length === 0) return skip;
      state.write(preScoreKey, podRequestList(pod, resources, false));
      return success;
    },
    score(pod, node, state) {
      const reqs = state.read(preScoreKey) ?? podRequestList(pod, resources, false);
      fillRequestedAndAllocatable(node, resources, reqs, false, requested, allocatable);
      return scorer(requested, allocatable);
    },
  };
}

export const nodeResourcesFit: Plugin = newNodeResourcesFit();
