// Which pod updates can change a Service's endpoints, so that the endpoint controllers skip the
// status churn that cannot (a container restarting count, a probe time). Pure.
// Kubernetes twin: podEndpointsChanged and GetServicesToUpdateOnPodChange
// (pkg/controller/util/endpoint/controller_utils.go).
import type { Pod } from '../../api/types/pod.js';
import type { Frozen } from '../../api/types.js';
import { isPodReady } from './pod-endpoints.js';
import { sameLabels } from '../shared/selector.js';

export interface PodEndpointChange {
  /** The pod's entry in its Services' endpoints may differ (readiness, addresses, terminating). */
  podChanged: boolean;
  /** Which Services select it may differ (labels, or hostname/subdomain). */
  membershipChanged: boolean;
}

function sameIPs(old: Frozen<Pod>, cur: Frozen<Pod>): boolean {
  const a = old.status?.podIPs ?? [];
  const b = cur.status?.podIPs ?? [];
  return old.status?.podIP === cur.status?.podIP && a.length === b.length && a.every((ip, i) => ip.ip === b[i].ip);
}

/**
 * Name, namespace and uid are immutable and nodeName is set before the pod has an IP, so, as
 * real, they are not compared. The phase is, beyond Go: a pod that finished leaves endpoints.
 */
export function podEndpointChange(old: Frozen<Pod>, cur: Frozen<Pod>): PodEndpointChange {
  const membershipChanged =
    !sameLabels(old.metadata.labels, cur.metadata.labels) || old.spec?.hostname !== cur.spec?.hostname || old.spec?.subdomain !== cur.spec?.subdomain;
  const podChanged =
    old.metadata.deletionTimestamp !== cur.metadata.deletionTimestamp ||
    isPodReady(old) !== isPodReady(cur) ||
    !sameIPs(old, cur) ||
    old.status?.phase !== cur.status?.phase;
  return { podChanged, membershipChanged };
}
