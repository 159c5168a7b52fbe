// What a Service's endpoint controllers ask of a pod: is it in, is it ready, which port does
// a service port reach on it. Pure; shared by the Endpoints and EndpointSlice controllers.
// Kubernetes twins: endpointslice util ShouldPodBeInEndpoints, podutil.IsPodReady and
// podutil.FindPort, and the controllers' trigger-time tracker (getPodTriggerTime).
import type { Pod } from '../../api/types/pod.js';
import type { Service, ServicePort } from '../../api/types/service.js';
import type { Frozen } from '../../api/types.js';

export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

/** Has an IP, has not finished for good, and (unless terminating pods are wanted) is not being deleted. */
export function shouldPodBeInEndpoints(pod: Frozen<Pod>, includeTerminating: boolean): boolean {
  if (!pod.status?.podIP && (pod.status?.podIPs ?? []).length === 0) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  const phase = pod.status?.phase;
  const restart = pod.spec?.restartPolicy;
  if (restart === 'Never') return phase !== 'Failed' && phase !== 'Succeeded';
  if (restart === 'OnFailure') return phase !== 'Succeeded';
  return true;
}

/** podutil.IsPodReady (its first Ready condition is True), remembered per pod object. */
export { isPodReady } from '../shared/pod-state.js';

/** The pod's IPv4 address (kubesim pods are single-stack). */
export function podIPv4(pod: Frozen<Pod>): string | undefined {
  const all = [pod.status?.podIP, ...(pod.status?.podIPs ?? []).map((p) => p.ip)].filter((ip): ip is string => !!ip);
  return all.find((ip) => !ip.includes(':'));
}

/**
 * The container port a service port reaches on this pod: a number is taken as is; a name is
 * looked up among the containers' ports of the same protocol (undefined when none has it).
 */
export function findPort(pod: Frozen<Pod>, servicePort: Frozen<ServicePort>): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  if (/^[0-9]+$/.test(target)) return Number(target);
  const protocol = servicePort.protocol ?? 'TCP';
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always')];
  for (const c of containers) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
  }
  return undefined;
}

export const isHeadless = (service: Frozen<Service>): boolean => service.spec?.clusterIP === 'None';

/** The pod's own hostname in this service's DNS (spec.hostname with a matching subdomain). */
export function hostnameFor(pod: Frozen<Pod>, service: Frozen<Service>): string | undefined {
  const h = pod.spec?.hostname;
  return h && pod.spec?.subdomain === service.metadata.name && pod.metadata.namespace === service.metadata.namespace ? h : undefined;
}

/**
 * The time of the newest change the endpoints reflect: the service's creation or a pod's
 * last Ready transition (kube tracks the oldest unreflected change; a pure function of the
 * state gives the same value on every pass, so a pass that changes nothing writes nothing).
 */
export function lastChangeTriggerTime(service: Frozen<Service>, pods: readonly Frozen<Pod>[]): string | undefined {
  let best = service.metadata.creationTimestamp ?? undefined;
  for (const pod of pods) {
    const ready = (pod.status?.conditions ?? []).find((c) => c.type === 'Ready');
    const t = ready?.lastTransitionTime ?? pod.metadata.creationTimestamp;
    if (t && (!best || Date.parse(t) > Date.parse(best))) best = t;
  }
  return best;
}

/** Labels endpoints objects carry: the service's, plus the headless marker. */
export function endpointsLabels(service: Frozen<Service>): Record<string, string> {
  const labels: Record<string, string> = { ...(service.metadata.labels ?? {}) };
  if (isHeadless(service)) labels[HEADLESS_LABEL] = '';
  else delete labels[HEADLESS_LABEL];
  return labels;
}
