// What the simulated cloud provider does for one Service. Pure.
// Kubernetes twin: k8s.io/cloud-provider/controllers/service (wantsLoadBalancer,
// needsCleanup, the load-balancer-cleanup finalizer).
import type { LoadBalancerIngress, Service } from '../../api/types/service.js';
import type { Frozen } from '../../api/types.js';

export const LB_CLEANUP_FINALIZER = 'service.kubernetes.io/load-balancer-cleanup';

/** A LoadBalancer Service, not being deleted, not claimed by another implementation (loadBalancerClass). */
export const wantsLoadBalancer = (s: Frozen<Service>): boolean =>
  s.spec?.type === 'LoadBalancer' && !s.metadata.deletionTimestamp && !s.spec?.loadBalancerClass;

export const hasCleanupFinalizer = (s: Frozen<Service>): boolean => (s.metadata.finalizers ?? []).includes(LB_CLEANUP_FINALIZER);

export const ingressOf = (s: Frozen<Service>): readonly Frozen<LoadBalancerIngress>[] => s.status?.loadBalancer?.ingress ?? [];

/** Had a load balancer (finalizer or ingress) and no longer wants one. */
export const needsCleanup = (s: Frozen<Service>): boolean => !wantsLoadBalancer(s) && (hasCleanupFinalizer(s) || ingressOf(s).length > 0);

export const desiredIngress = (ip: string): LoadBalancerIngress[] => [{ ip, ipMode: 'VIP' }];

export const sameIngress = (a: readonly Frozen<LoadBalancerIngress>[], ip: string): boolean => a.length === 1 && a[0].ip === ip && a[0].ipMode === 'VIP' && !a[0].hostname;
