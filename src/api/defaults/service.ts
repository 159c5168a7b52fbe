// Service defaults. Kubernetes twins: pkg/apis/core/v1/defaults.go (SetDefaults_Service) for the
// scheme defaults; pkg/registry/core/service/storage/alloc.go (initIPFamilyFields) and the
// service strategy for the dual-stack fields, which kube fills in at create, not in defaults.

import type { Service } from '../types/service.js';
import { ipFamilyOf } from '../validation/ip.js';

/** Three hours: how long ClientIP affinity sticks unless told otherwise. */
export const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

const externallyAccessible = (s: Service): boolean =>
  s.spec?.type === 'LoadBalancer' || s.spec?.type === 'NodePort' || (s.spec?.type === 'ClusterIP' && (s.spec.externalIPs?.length ?? 0) > 0);

export function defaultService(svc: Service): void {
  const spec = (svc.spec ??= {});
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
  }
  spec.type ||= 'ClusterIP';
  for (const port of spec.ports ?? []) {
    port.protocol ||= 'TCP';
    // An unset targetPort (0 or "") means "the same number as port".
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
  }
  if (externallyAccessible(svc) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy === undefined && (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP')) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer') {
    spec.allocateLoadBalancerNodePorts ??= true;
    // LoadBalancerIPMode (beta, on in 1.32): an ingress IP without a mode is a VIP.
    for (const ing of svc.status?.loadBalancer?.ingress ?? []) if (ing.ip && !ing.ipMode) ing.ipMode = 'VIP';
  }
}

/**
 * Create-time dual-stack fields, as kube's allocator sets them before it picks addresses:
 * clusterIPs mirrors clusterIP; ipFamilyPolicy defaults to SingleStack (RequireDualStack for a
 * headless service without selector, whose families follow the cluster's); ipFamilies defaults
 * to the family of the given clusterIP, else the cluster's primary family. ExternalName
 * services get none of these.
 */
export function prepareServiceIPFamilies(svc: Service, clusterFamilies: readonly ('IPv4' | 'IPv6')[] = ['IPv4']): void {
  const spec = (svc.spec ??= {});
  if (spec.type === 'ExternalName') return;
  if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
  const headless = spec.clusterIPs?.length === 1 && spec.clusterIPs[0] === 'None';
  if (headless && Object.keys(spec.selector ?? {}).length === 0) {
    spec.ipFamilyPolicy ??= 'RequireDualStack';
    if (!spec.ipFamilies?.length) spec.ipFamilies = [...clusterFamilies];
    return;
  }
  spec.ipFamilyPolicy ??= 'SingleStack';
  if (!spec.ipFamilies?.length) {
    const first = spec.clusterIPs?.[0];
    const family = (first && first !== 'None' && ipFamilyOf(first)) || clusterFamilies[0];
    spec.ipFamilies = [family];
  }
}
