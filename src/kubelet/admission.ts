// Node admission: does the pod fit what the node has left? Kubernetes twin:
// pkg/kubelet/lifecycle/predicate.go (canAdmitPod with the scheduler's fit check,
// InsufficientResourceError: "Node didn't have enough resource: cpu, requested: ...").
import { milliValue, parseQuantity, unitValue } from '../api/quantity.js';
import type { Frozen } from '../api/types.js';
import type { PodSpec, ResourceList } from '../api/types/pod.js';

export interface PodRequests {
  /** millicores */
  cpu: number;
  /** bytes */
  memory: number;
}

const value = (list: Frozen<ResourceList> | undefined, name: string, milli: boolean): number => {
  const v = list?.[name];
  if (v === undefined) return 0;
  const q = parseQuantity(v);
  return milli ? milliValue(q) : unitValue(q);
};

// Every admission on a node sums the requests of all the pods already there (as the kubelet's
// admit handler does): each spec's sum is worked out once. Specs are the store's frozen
// objects, so a spec that asks for something else is another object.
const requestsBySpec = new WeakMap<Frozen<PodSpec>, PodRequests>();

/** What a pod asks for: its containers' sum, or its largest init container if that is more, plus overhead. */
export function podRequests(spec: Frozen<PodSpec>): PodRequests {
  let requests = requestsBySpec.get(spec);
  if (!requests) requestsBySpec.set(spec, (requests = sumRequests(spec)));
  return requests;
}

function sumRequests(spec: Frozen<PodSpec>): PodRequests {
  const sum = { cpu: 0, memory: 0 };
  for (const c of spec.containers) {
    sum.cpu += value(c.resources?.requests, 'cpu', true);
    sum.memory += value(c.resources?.requests, 'memory', false);
  }
  for (const c of spec.initContainers ?? []) {
    sum.cpu = Math.max(sum.cpu, value(c.resources?.requests, 'cpu', true));
    sum.memory = Math.max(sum.memory, value(c.resources?.requests, 'memory', false));
  }
  sum.cpu += value(spec.overhead, 'cpu', true);
  sum.memory += value(spec.overhead, 'memory', false);
  return sum;
}

export interface NodeAllocatable {
  cpuMilli: number;
  memoryBytes: number;
  pods: number;
}

export type Admission = { admit: true } | { admit: false; reason: string; message: string };

/** Checks `pod` against the node's allocatable minus what `admitted` pods already take. */
export function admitPod(spec: Frozen<PodSpec>, admitted: readonly PodRequests[], allocatable: NodeAllocatable): Admission {
  const want = podRequests(spec);
  const used = admitted.reduce((a, r) => ({ cpu: a.cpu + r.cpu, memory: a.memory + r.memory }), { cpu: 0, memory: 0 });
  const refuse = (resource: string, requested: number, inUse: number, capacity: number): Admission => ({
    admit: false,
    reason: `OutOf${resource}`,
    message: `Node didn't have enough resource: ${resource}, requested: ${requested}, used: ${inUse}, capacity: ${capacity}`,
  });
  if (admitted.length + 1 > allocatable.pods) return refuse('pods', 1, admitted.length, allocatable.pods);
  if (want.cpu > 0 && used.cpu + want.cpu > allocatable.cpuMilli) return refuse('cpu', want.cpu, used.cpu, allocatable.cpuMilli);
  if (want.memory > 0 && used.memory + want.memory > allocatable.memoryBytes) return refuse('memory', want.memory, used.memory, allocatable.memoryBytes);
  return { admit: true };
}
