// A pod's quality-of-service class, from its containers' requests and limits.
// Kubernetes twin: pkg/apis/core/helper/qos (GetPodQOS).
import { compareQuantities, isZero, parseQuantity, type Quantity } from './quantity.js';
import type { Container, PodSpec } from './types/pod.js';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const COMPUTE = ['cpu', 'memory'];

function quantities(list: Readonly<Record<string, string | number>> | undefined): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  for (const [k, v] of Object.entries(list ?? {})) {
    if (!COMPUTE.includes(k)) continue;
    const q = parseQuantity(v);
    if (!isZero(q)) out.set(k, q);
  }
  return out;
}

/**
 * BestEffort: no container asks for or caps cpu or memory. Guaranteed: every container caps both,
 * and asks for exactly what it caps. Anything else is Burstable. E.g. one container with
 * requests {cpu: 100m} and no limits is Burstable; limits {cpu: 1, memory: 1Gi} alone (requests
 * default to limits) is Guaranteed.
 */
export function qosClassOf(spec: Pick<PodSpec, 'containers' | 'initContainers'>): QOSClass {
  const containers: readonly Container[] = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  let anything = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = quantities(c.resources?.requests as Record<string, string> | undefined);
    const limits = quantities(c.resources?.limits as Record<string, string> | undefined);
    if (requests.size > 0 || limits.size > 0) anything = true;
    if (!COMPUTE.every((r) => limits.has(r))) guaranteed = false;
    for (const [name, req] of requests) {
      const limit = limits.get(name);
      if (!limit || compareQuantities(req, limit) !== 0) guaranteed = false;
    }
  }
  if (!anything) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
