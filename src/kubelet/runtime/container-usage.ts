// What a pod's running containers use at a moment, by the same script that drives them
// (kubesim.io/cpu-usage, memory-usage, memory-growth): what metrics.k8s.io serves and
// `kubectl top` prints. A container without annotations uses nothing.
// Kubernetes twin: the kubelet's summary API (cAdvisor stats) that metrics-server scrapes.
import type { Frozen } from '../../api/types.js';
import type { Pod } from '../../api/types/pod.js';
import { containerScript, quantityValue } from './annotations.js';

export interface ContainerUsage {
  name: string;
  cpuNanocores: number;
  memoryBytes: number;
}

/**
 * The usage of each running container of a running pod at `now` (clock ms), or undefined when
 * the pod has none running. Memory grows from its start value at the scripted rate up to the
 * container's memory limit (where the kubelet's model kills it); CPU is held at its limit, as
 * the CFS quota throttles it.
 */
export function podUsage(pod: Frozen<Pod>, now: number): ContainerUsage[] | undefined {
  if (pod.status?.phase !== 'Running') return undefined;
  const usage: ContainerUsage[] = [];
  for (const status of pod.status.containerStatuses ?? []) {
    const startedAt = status.state?.running?.startedAt;
    if (!startedAt) continue;
    const spec = pod.spec.containers.find((c) => c.name === status.name);
    const script = containerScript(pod.metadata.annotations, status.name);
    const runningSeconds = Math.max(0, (now - Date.parse(startedAt)) / 1000);
    let memory = script.memoryUsage + (script.memoryGrowth ?? 0) * runningSeconds;
    const memoryLimit = quantityValue(spec?.resources?.limits?.memory, false);
    if (memoryLimit !== undefined) memory = Math.min(memory, memoryLimit);
    let cpuMilli = script.cpuUsage;
    const cpuLimit = quantityValue(spec?.resources?.limits?.cpu, true);
    if (cpuLimit !== undefined) cpuMilli = Math.min(cpuMilli, cpuLimit);
    usage.push({ name: status.name, cpuNanocores: cpuMilli * 1e6, memoryBytes: memory });
  }
  return usage.length > 0 ? usage : undefined;
}
