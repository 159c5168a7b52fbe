// Service validation. Kubernetes twin: pkg/apis/core/validation/validation.go (ValidateService,
// validateServicePort, validateServiceExternalTrafficPolicy, validateServiceInternalTrafficFieldsValue,
// validateLoadBalancerClassField, ValidateServiceUpdate, ValidateServiceStatusUpdate, ValidateLoadBalancerStatus).
// NodePort ranges and IP allocation are the allocators' business, not validation's.

import { duplicate, FieldPath, forbidden, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import type { Frozen } from '../types.js';
import type { Service, ServicePort } from '../types/service.js';
import { validateDNS1123Label, validateDNS1123Subdomain, validatePortNumOrName, validateProtocol, validateQualifiedName } from './common.js';
import { isValidCIDR, isValidIP, parseIP, validateNonSpecialIP } from './ip.js';
import { isDNS1123Subdomain, isValidPortNum, nameIsDNS1035Label } from './names.js';
import { validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import {
  isHeadlessService,
  validateServiceClusterIPsRelatedFields,
  validateUpgradeDowngradeClusterIPs,
  validateUpgradeDowngradeIPFamilies,
} from './service-ips.js';

type Svc = Frozen<Service>;
const spec = FieldPath.root('spec');
export const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'] as const;
const SESSION_AFFINITIES = ['ClientIP', 'None'] as const;
const TRAFFIC_POLICIES = ['Cluster', 'Local'] as const;
/** One day: the longest a client may stick to one backend. */
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
const ONLY_LOAD_BALANCER = "may only be used when `type` is 'LoadBalancer'";

/** NodePort, LoadBalancer, or ClusterIP with external IPs: reachable from outside the cluster. */
export const externallyAccessible = (svc: Svc): boolean =>
  svc.spec?.type === 'LoadBalancer' || svc.spec?.type === 'NodePort' || (svc.spec?.type === 'ClusterIP' && (svc.spec.externalIPs?.length ?? 0) > 0);
const needsHealthCheck = (svc: Svc): boolean => svc.spec?.type === 'LoadBalancer' && svc.spec.externalTrafficPolicy === 'Local';

function validateServicePort(sp: Frozen<ServicePort>, requireName: boolean, names: Set<string>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !sp.name) errs.push(required(path.child('name')));
  else if (sp.name) {
    errs.push(...validateDNS1123Label(sp.name, path.child('name')));
    if (names.has(sp.name)) errs.push(duplicate(path.child('name'), sp.name));
    names.add(sp.name);
  }
  for (const msg of isValidPortNum(sp.port ?? 0)) errs.push(invalid(path.child('port'), sp.port ?? 0, msg));
  errs.push(...validateProtocol(sp.protocol, path.child('protocol')));
  errs.push(...validatePortNumOrName(sp.targetPort ?? 0, path.child('targetPort')));
  if (sp.appProtocol !== undefined) errs.push(...validateQualifiedName(sp.appProtocol, path.child('appProtocol')));
  return errs;
}

function validateTypeSpecific(svc: Svc): FieldError[] {
  const s = svc.spec ?? {};
  const ips = s.clusterIPs ?? [];
  switch (s.type) {
    case 'LoadBalancer':
    case 'NodePort':
      return isHeadlessService(svc) ? [invalid(spec.child('clusterIPs').index(0), ips[0], `may not be set to 'None' for ${s.type} services`)] : [];
    case 'ExternalName': {
      const errs: FieldError[] = [];
      const notForExternalName = 'may not be set for ExternalName services';
      if (ips.length > 0) errs.push(forbidden(spec.child('clusterIPs'), notForExternalName));
      if (s.ipFamilies?.length) errs.push(forbidden(spec.child('ipFamilies'), notForExternalName));
      if (s.ipFamilyPolicy !== undefined) errs.push(forbidden(spec.child('ipFamilyPolicy'), notForExternalName));
      // A CNAME may end in "." to mark it fully qualified.
      const cname = (s.externalName ?? '').replace(/\.$/, '');
      errs.push(...(cname ? validateDNS1123Subdomain(cname, spec.child('externalName')) : [required(spec.child('externalName'))]));
      return errs;
    }
    default:
      return [];
  }
}

function validateSessionAffinity(svc: Svc): FieldError[] {
  const s = svc.spec ?? {};
  const path = spec.child('sessionAffinity');
  const cfgPath = spec.child('sessionAffinityConfig');
  if (!s.sessionAffinity) return [required(path)];
  if (!(SESSION_AFFINITIES as readonly string[]).includes(s.sessionAffinity)) return [notSupported(path, s.sessionAffinity, SESSION_AFFINITIES)];
  if (s.sessionAffinity === 'None') return s.sessionAffinityConfig ? [forbidden(cfgPath, 'must not be set when session affinity is None')] : [];
  const when = 'when session affinity type is ClientIP';
  if (!s.sessionAffinityConfig) return [required(cfgPath, when)];
  if (!s.sessionAffinityConfig.clientIP) return [required(cfgPath.child('clientIP'), when)];
  const timeout = s.sessionAffinityConfig.clientIP.timeoutSeconds;
  const tPath = cfgPath.child('clientIP').child('timeoutSeconds');
  if (timeout === undefined) return [required(tPath, when)];
  if (timeout <= 0 || timeout > MAX_CLIENT_IP_AFFINITY_SECONDS) {
    return [invalid(tPath, timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`)];
  }
  return [];
}

function validatePortsTogether(svc: Svc): FieldError[] {
  const errs: FieldError[] = [];
  const ports = svc.spec?.ports ?? [];
  const portsPath = spec.child('ports');
  if (svc.spec?.type === 'ClusterIP') {
    ports.forEach((p, i) => p.nodePort && errs.push(forbidden(portsPath.index(i).child('nodePort'), "may not be used when `type` is 'ClusterIP'")));
  }
  const nodePorts = new Set<string>();
  const pairs = new Set<string>();
  ports.forEach((p, i) => {
    const nodeKey = `${p.protocol}/${p.nodePort}`;
    if (p.nodePort && nodePorts.has(nodeKey)) errs.push(duplicate(portsPath.index(i).child('nodePort'), p.nodePort));
    if (p.nodePort) nodePorts.add(nodeKey);
    const key = `${p.protocol}/${p.port}`;
    if (pairs.has(key)) errs.push(duplicate(portsPath.index(i), { protocol: p.protocol, port: p.port }));
    pairs.add(key);
  });
  return errs;
}

function validateSourceRanges(svc: Svc): FieldError[] {
  const errs: FieldError[] = [];
  const ranges = svc.spec?.loadBalancerSourceRanges ?? [];
  const annotationKey = 'service.beta.kubernetes.io/load-balancer-source-ranges';
  const annotation = svc.metadata.annotations?.[annotationKey];
  if (ranges.length > 0) {
    // kube's path keeps the Go field name's capital here.
    const path = spec.child('LoadBalancerSourceRanges');
    if (svc.spec?.type !== 'LoadBalancer') errs.push(forbidden(path, ONLY_LOAD_BALANCER));
    ranges.forEach((r, i) => errs.push(...isValidCIDR(r.trim()).map((m) => invalid(path.index(i), r.trim(), m))));
  } else if (annotation !== undefined) {
    const path = FieldPath.root('metadata').child('annotations').key(annotationKey);
    if (svc.spec?.type !== 'LoadBalancer') errs.push(forbidden(path, ONLY_LOAD_BALANCER));
    const trimmed = annotation.trim();
    if (trimmed) for (const v of trimmed.split(',')) errs.push(...isValidCIDR(v.trim()).map((m) => invalid(path, v.trim(), m)));
  }
  return errs;
}

function validateTrafficPolicies(svc: Svc): FieldError[] {
  const s = svc.spec ?? {};
  const errs: FieldError[] = [];
  const etp = spec.child('externalTrafficPolicy');
  if (!externallyAccessible(svc)) {
    if (s.externalTrafficPolicy) errs.push(invalid(etp, s.externalTrafficPolicy, 'may only be set for externally-accessible services'));
  } else if (!s.externalTrafficPolicy) errs.push(required(etp));
  else if (!(TRAFFIC_POLICIES as readonly string[]).includes(s.externalTrafficPolicy)) errs.push(notSupported(etp, s.externalTrafficPolicy, TRAFFIC_POLICIES));
  const hc = spec.child('healthCheckNodePort');
  const hcValue = s.healthCheckNodePort ?? 0;
  if (!needsHealthCheck(svc)) {
    if (hcValue !== 0) errs.push(invalid(hc, hcValue, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (hcValue === 0) errs.push(required(hc));
  else errs.push(...isValidPortNum(hcValue).map((m) => invalid(hc, hcValue, m)));
  const itp = spec.child('internalTrafficPolicy');
  // Historical: only these types require it; others may carry any stored value.
  if (s.internalTrafficPolicy === undefined && (s.type === 'NodePort' || s.type === 'LoadBalancer' || s.type === 'ClusterIP')) errs.push(required(itp));
  if (s.internalTrafficPolicy !== undefined && !(TRAFFIC_POLICIES as readonly string[]).includes(s.internalTrafficPolicy)) {
    errs.push(notSupported(itp, s.internalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (s.trafficDistribution !== undefined && s.trafficDistribution !== 'PreferClose') {
    errs.push(notSupported(spec.child('trafficDistribution'), s.trafficDistribution, ['PreferClose']));
  }
  return errs;
}

function validateLoadBalancerFields(svc: Svc, prev?: Svc): FieldError[] {
  const s = svc.spec ?? {};
  const errs: FieldError[] = [];
  const isLB = s.type === 'LoadBalancer';
  if (s.allocateLoadBalancerNodePorts !== undefined && !isLB) errs.push(forbidden(spec.child('allocateLoadBalancerNodePorts'), ONLY_LOAD_BALANCER));
  // kube builds this path without "spec": the message really reads "allocateLoadBalancerNodePorts".
  if (isLB && s.allocateLoadBalancerNodePorts === undefined) errs.push(required(FieldPath.root('allocateLoadBalancerNodePorts')));
  const lbc = spec.child('loadBalancerClass');
  if (prev && prev.spec?.type === 'LoadBalancer' && isLB && (prev.spec.loadBalancerClass ?? null) !== (s.loadBalancerClass ?? null)) {
    errs.push(invalid(lbc, s.loadBalancerClass ?? null, 'may not change once set'));
  }
  if (s.loadBalancerClass !== undefined) errs.push(...(isLB ? validateQualifiedName(s.loadBalancerClass, lbc) : [forbidden(lbc, ONLY_LOAD_BALANCER)]));
  return errs;
}

function validateServiceWith(svc: Svc, prev?: Svc): FieldError[] {
  const s = svc.spec ?? {};
  const errs = validateObjectMeta(svc.metadata, { namespaced: true, validateName: nameIsDNS1035Label });
  if (!s.ports?.length && !isHeadlessService(svc) && s.type !== 'ExternalName') errs.push(required(spec.child('ports')));
  errs.push(...validateTypeSpecific(svc));
  const names = new Set<string>();
  const ports = s.ports ?? [];
  ports.forEach((p, i) => errs.push(...validateServicePort(p, ports.length > 1, names, spec.child('ports').index(i))));
  if (s.selector) errs.push(...validateLabels(s.selector, spec.child('selector')));
  errs.push(...validateSessionAffinity(svc));
  errs.push(...validateServiceClusterIPsRelatedFields(svc));
  (s.externalIPs ?? []).forEach((ip, i) => {
    const p = spec.child('externalIPs').index(i);
    const msgs = isValidIP(ip);
    errs.push(...(msgs.length ? msgs.map((m) => invalid(p, ip, m)) : validateNonSpecialIP(ip, p)));
  });
  if (!s.type) errs.push(required(spec.child('type')));
  else if (!(SERVICE_TYPES as readonly string[]).includes(s.type)) errs.push(notSupported(spec.child('type'), s.type, SERVICE_TYPES));
  errs.push(...validatePortsTogether(svc), ...validateSourceRanges(svc), ...validateLoadBalancerFields(svc, prev));
  return [...errs, ...validateTrafficPolicies(svc)];
}

export const validateService = (svc: Svc): FieldError[] => validateServiceWith(svc);

export function validateServiceUpdate(next: Svc, prev: Svc): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, prev.metadata);
  errs.push(...validateUpgradeDowngradeClusterIPs(prev, next), ...validateUpgradeDowngradeIPFamilies(prev, next));
  // The health check port was allocated for this service and stays with it.
  if (needsHealthCheck(prev) && needsHealthCheck(next) && next.spec?.healthCheckNodePort !== prev.spec?.healthCheckNodePort) {
    errs.push(forbidden(spec.child('healthCheckNodePort'), 'field is immutable'));
  }
  // The class check on update is part of validateServiceWith (kube reports it before the rest).
  return [...errs, ...validateServiceWith(next, prev)];
}

export function validateServiceStatusUpdate(next: Svc, prev: Svc): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, prev.metadata);
  const base = FieldPath.root('status').child('loadBalancer').child('ingress');
  (next.status?.loadBalancer?.ingress ?? []).forEach((ing, i) => {
    const p = base.index(i);
    if (ing.ip) errs.push(...isValidIP(ing.ip).map((m) => invalid(p.child('ip'), ing.ip, m)));
    // ipMode is defaulted to VIP whenever ip is set (LoadBalancerIPMode is on in 1.32).
    if (ing.ipMode === undefined) {
      if (ing.ip) errs.push(required(p.child('ipMode'), 'must be specified when `ip` is set'));
    } else if (!ing.ip) errs.push(forbidden(p.child('ipMode'), 'may not be specified when `ip` is not set'));
    else if (ing.ipMode !== 'VIP' && ing.ipMode !== 'Proxy') errs.push(notSupported(p.child('ipMode'), ing.ipMode, ['Proxy', 'VIP']));
    if (ing.hostname) {
      errs.push(...isDNS1123Subdomain(ing.hostname).map((m) => invalid(p.child('hostname'), ing.hostname, m)));
      if (parseIP(ing.hostname)) errs.push(invalid(p.child('hostname'), ing.hostname, 'must be a DNS name, not an IP address'));
    }
  });
  return errs;
}
