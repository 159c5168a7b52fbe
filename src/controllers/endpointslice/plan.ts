// The EndpointSlices a Service should have, and the writes that get there from the slices it
// has. Pure. Endpoints are grouped by the ports they serve (a pod whose named target port is
// missing lands in another group); each group fills slices of at most 100 endpoints; with no
// endpoints at all one empty placeholder slice stays.
// Kubernetes twins: pkg/controller/endpointslice/reconciler.go (reconcileByAddressType,
// placeholder slices), utils.go (podToEndpoint, getEndpointPorts, newEndpointSlice).
import type { Endpoint, EndpointSlice, EndpointSlicePort } from '../../api/types/endpointslice.js';
import type { Pod } from '../../api/types/pod.js';
import type { Service } from '../../api/types/service.js';
import type { Frozen, OwnerReference } from '../../api/types.js';
import { HEADLESS_LABEL, findPort, hostnameFor, isHeadless, isPodReady, podIPv4, shouldPodBeInEndpoints } from '../endpoints/pod-endpoints.js';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface EndpointGroup {
  /** undefined: the placeholder (no endpoints, no ports). */
  ports: EndpointSlicePort[] | undefined;
  endpoints: Endpoint[];
}

/** JSON with object keys sorted: equal content compares equal whatever order the server kept. */
export function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

const portsKey = (ports: readonly Frozen<EndpointSlicePort>[] | undefined): string => (ports === undefined ? 'placeholder' : canonical(ports));

function endpointFor(pod: Frozen<Pod>, service: Frozen<Service>): Endpoint | undefined {
  const ip = podIPv4(pod);
  if (!ip) return undefined;
  const serving = isPodReady(pod);
  const terminating = !!pod.metadata.deletionTimestamp;
  // Never "ready" while terminating, unless the Service publishes not-ready addresses.
  const ready = service.spec?.publishNotReadyAddresses === true || (serving && !terminating);
  const ep: Endpoint = { addresses: [ip], conditions: { ready, serving, terminating } };
  const hostname = hostnameFor(pod, service);
  if (hostname) ep.hostname = hostname;
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  if (pod.spec?.nodeName) ep.nodeName = pod.spec.nodeName;
  return ep;
}

function portsFor(pod: Frozen<Pod>, service: Frozen<Service>): EndpointSlicePort[] {
  const out: EndpointSlicePort[] = [];
  for (const sp of service.spec?.ports ?? []) {
    const port = findPort(pod, sp);
    if (port === undefined) continue;
    const p: EndpointSlicePort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) p.appProtocol = sp.appProtocol;
    out.push(p);
  }
  return out;
}

/** Endpoints by the port set they serve; terminating pods are kept (with their conditions). */
export function desiredGroups(service: Frozen<Service>, pods: readonly Frozen<Pod>[]): EndpointGroup[] {
  const groups = new Map<string, EndpointGroup>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ep = endpointFor(pod, service);
    if (!ep) continue;
    const ports = portsFor(pod, service);
    const key = portsKey(ports);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, endpoints: [] }));
    g.endpoints.push(ep);
  }
  for (const g of groups.values()) g.endpoints.sort((a, b) => (a.targetRef?.name ?? '').localeCompare(b.targetRef?.name ?? ''));
  const out = [...groups.values()].sort((a, b) => portsKey(a.ports).localeCompare(portsKey(b.ports)));
  return out.length > 0 ? out : [{ ports: undefined, endpoints: [] }];
}

/** Labels of a managed slice: the Service's, plus service-name, managed-by and the headless marker. */
export function sliceLabels(service: Frozen<Service>): Record<string, string> {
  const labels: Record<string, string> = { ...(service.metadata.labels ?? {}) };
  delete labels[HEADLESS_LABEL];
  labels[SERVICE_NAME_LABEL] = service.metadata.name!;
  labels[MANAGED_BY_LABEL] = CONTROLLER_NAME;
  if (isHeadless(service)) labels[HEADLESS_LABEL] = '';
  return labels;
}

export function controllerRef(service: Frozen<Service>): OwnerReference {
  return { apiVersion: 'v1', kind: 'Service', name: service.metadata.name!, uid: service.metadata.uid!, controller: true, blockOwnerDeletion: true };
}

/** "web-" for generateName; a name too long falls back to "slice-" as kube does. */
export function slicePrefix(serviceName: string): string {
  const prefix = `${serviceName}-`;
  return prefix.length <= 253 && /^[a-z0-9]([-a-z0-9.]*)?$/.test(prefix) ? prefix : 'slice-';
}

export type SliceWrite =
  | { type: 'create'; ports: EndpointSlicePort[] | undefined; endpoints: Endpoint[] }
  | { type: 'update'; slice: Frozen<EndpointSlice>; endpoints: Endpoint[] }
  | { type: 'delete'; slice: Frozen<EndpointSlice> };

const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

function sameLabels(a: Readonly<Record<string, string>> | undefined, b: Record<string, string>): boolean {
  const ka = Object.keys(a ?? {});
  return ka.length === Object.keys(b).length && ka.every((k) => a![k] === b[k]);
}

/**
 * The writes from `existing` (this Service's slices) to `groups`: slices with the same port
 * set are reused in order, chunks beyond them created, leftovers deleted. An unchanged slice
 * costs nothing.
 */
export function planSlices(groups: readonly EndpointGroup[], existing: readonly Frozen<EndpointSlice>[], labels: Record<string, string>): SliceWrite[] {
  const byPorts = new Map<string, Frozen<EndpointSlice>[]>();
  for (const s of [...existing].sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''))) {
    const key = s.endpoints.length === 0 && (s.ports === undefined || s.ports === null) ? 'placeholder' : portsKey(s.ports ?? []);
    const list = byPorts.get(key) ?? [];
    list.push(s);
    byPorts.set(key, list);
  }
  const writes: SliceWrite[] = [];
  for (const g of groups) {
    const have = byPorts.get(portsKey(g.ports)) ?? [];
    byPorts.delete(portsKey(g.ports));
    const chunks: Endpoint[][] = [];
    for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) chunks.push(g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE));
    if (chunks.length === 0) chunks.push([]);
    chunks.forEach((endpoints, i) => {
      const slice = have[i];
      if (!slice) writes.push({ type: 'create', ports: g.ports, endpoints });
      else if (!same(slice.endpoints, endpoints) || !sameLabels(slice.metadata.labels, labels)) writes.push({ type: 'update', slice, endpoints });
    });
    for (const extra of have.slice(chunks.length)) writes.push({ type: 'delete', slice: extra });
  }
  for (const rest of byPorts.values()) for (const s of rest) writes.push({ type: 'delete', slice: s });
  return writes;
}
