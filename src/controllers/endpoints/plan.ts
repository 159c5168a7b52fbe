// The Endpoints a Service should have: one address per selected pod with an IP, ready ones
// in addresses and the others in notReadyAddresses, grouped into subsets of pods that share
// the same resolved ports. Pure.
// Kubernetes twins: syncService in pkg/controller/endpoint/endpoints_controller.go,
// RepackSubsets in pkg/api/v1/endpoints/util.go.
import type { EndpointAddress, EndpointPort, EndpointSubset } from '../../api/types/endpoints.js';
import type { Pod } from '../../api/types/pod.js';
import type { Service } from '../../api/types/service.js';
import type { Frozen } from '../../api/types.js';
import { findPort, hostnameFor, isHeadless, isPodReady, podIPv4, shouldPodBeInEndpoints } from './pod-endpoints.js';

interface Entry {
  address: EndpointAddress;
  ready: boolean;
  /** undefined: headless with no ports (the address stands alone). */
  port: EndpointPort | undefined;
}

function addressOf(pod: Frozen<Pod>, service: Frozen<Service>, ip: string): EndpointAddress {
  const a: EndpointAddress = { ip };
  const hostname = hostnameFor(pod, service);
  if (hostname) a.hostname = hostname;
  if (pod.spec?.nodeName) a.nodeName = pod.spec.nodeName;
  a.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  return a;
}

function entriesFor(service: Frozen<Service>, pod: Frozen<Pod>): Entry[] {
  const tolerateUnready = service.spec?.publishNotReadyAddresses === true;
  if (!shouldPodBeInEndpoints(pod, tolerateUnready)) return [];
  const ip = podIPv4(pod);
  if (!ip) return [];
  const address = addressOf(pod, service, ip);
  const ready = tolerateUnready || isPodReady(pod);
  const ports = service.spec?.ports ?? [];
  if (ports.length === 0) return isHeadless(service) ? [{ address, ready, port: undefined }] : [];
  const out: Entry[] = [];
  for (const sp of ports) {
    const port = findPort(pod, sp);
    // A named port this pod does not have: the pod is left out for that port only.
    if (port === undefined) continue;
    const ep: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (!ep.name) delete ep.name;
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push({ address, ready, port: ep });
  }
  return out;
}

const addressKey = (a: EndpointAddress): string => `${a.ip}|${a.targetRef?.uid ?? ''}`;
const portKey = (p: EndpointPort | undefined): string => (p ? `${p.name ?? ''}|${p.port}|${p.protocol ?? ''}|${p.appProtocol ?? ''}` : '');
const byAddress = (a: EndpointAddress, b: EndpointAddress): number => compareIp(a.ip, b.ip) || (a.targetRef?.uid ?? '').localeCompare(b.targetRef?.uid ?? '');
const byPort = (a: EndpointPort, b: EndpointPort): number => (a.name ?? '').localeCompare(b.name ?? '') || a.port - b.port || (a.protocol ?? '').localeCompare(b.protocol ?? '');

function compareIp(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return a.localeCompare(b);
}

/** Groups addresses by the exact set of ports they serve (RepackSubsets), in a stable order. */
export function repack(entries: readonly Entry[]): EndpointSubset[] {
  const addresses = new Map<string, { address: EndpointAddress; ready: boolean }>();
  const portAddrs = new Map<string, { port: EndpointPort | undefined; addrs: Set<string> }>();
  for (const e of entries) {
    const ak = addressKey(e.address);
    const seen = addresses.get(ak);
    // A pod ready in one place is ready everywhere: its state is the pod's, not the port's.
    addresses.set(ak, { address: e.address, ready: seen ? seen.ready || e.ready : e.ready });
    const pk = portKey(e.port);
    let slot = portAddrs.get(pk);
    if (!slot) portAddrs.set(pk, (slot = { port: e.port, addrs: new Set() }));
    slot.addrs.add(ak);
  }
  const groups = new Map<string, { addrs: string[]; ports: EndpointPort[] }>();
  for (const { port, addrs } of portAddrs.values()) {
    const sorted = [...addrs].sort();
    const key = sorted.map((a) => `${a}:${addresses.get(a)!.ready}`).join(',');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { addrs: sorted, ports: [] }));
    if (port) g.ports.push(port);
  }
  const subsets = [...groups.values()].map(({ addrs, ports }) => {
    const all = addrs.map((a) => addresses.get(a)!);
    const ready = all.filter((a) => a.ready).map((a) => a.address).sort(byAddress);
    const notReady = all.filter((a) => !a.ready).map((a) => a.address).sort(byAddress);
    const s: EndpointSubset = {};
    if (ready.length > 0) s.addresses = ready;
    if (notReady.length > 0) s.notReadyAddresses = notReady;
    if (ports.length > 0) s.ports = ports.sort(byPort);
    return s;
  });
  const first = (s: EndpointSubset): string => (s.addresses ?? s.notReadyAddresses ?? [])[0]?.ip ?? '';
  return subsets.sort((a, b) => compareIp(first(a), first(b)) || JSON.stringify(a.ports ?? []).localeCompare(JSON.stringify(b.ports ?? [])));
}

/** The subsets the Service's Endpoints should hold, given the pods its selector matches. */
export function desiredSubsets(service: Frozen<Service>, pods: readonly Frozen<Pod>[]): EndpointSubset[] {
  return repack(pods.flatMap((pod) => entriesFor(service, pod)));
}

/** Whether the Service is one this controller keeps Endpoints for. */
export const managesEndpoints = (service: Frozen<Service>): boolean =>
  // ExternalName services get no endpoints; without a selector, the user manages them.
  service.spec?.type !== 'ExternalName' && Object.keys(service.spec?.selector ?? {}).length > 0;
