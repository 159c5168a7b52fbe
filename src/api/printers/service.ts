// `kubectl get services`: NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE | SELECTOR.
// Kubernetes twin: serviceColumnDefinitions, printService, getServiceExternalIP,
// loadBalancerStatusStringer and makePortString in pkg/printers/internalversion/printers.go.
import type { Frozen, KubeObject } from '../types.js';
import { formatLabels } from './label-format.js';
import { ageColumn, ageOf, column, nameColumn, nameOf, wideColumn, type ResourcePrinter, type TableCell } from './table-column.js';

interface ServicePort {
  port: number;
  nodePort?: number;
  protocol?: string;
}

interface ServiceView {
  spec?: {
    type?: string;
    clusterIP?: string;
    clusterIPs?: string[];
    externalIPs?: string[];
    externalName?: string;
    ports?: ServicePort[];
    selector?: Record<string, string>;
  };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
}

const columns = [
  nameColumn,
  column(
    'Type',
    'type determines how the Service is exposed. Defaults to ClusterIP. Valid options are ExternalName, ClusterIP, ' +
      'NodePort, and LoadBalancer. "ClusterIP" allocates a cluster-internal IP address for load-balancing to ' +
      'endpoints. Endpoints are determined by the selector or if that is not specified, by manual construction of ' +
      'an Endpoints object or EndpointSlice objects. If clusterIP is "None", no virtual IP is allocated and the ' +
      'endpoints are published as a set of endpoints rather than a virtual IP. "NodePort" builds on ClusterIP and ' +
      'allocates a port on every node which routes to the same endpoints as the clusterIP. "LoadBalancer" builds on ' +
      'NodePort and creates an external load-balancer (if supported in the current cloud) which routes to the same ' +
      'endpoints as the clusterIP. "ExternalName" aliases this service to the specified externalName. Several other ' +
      'fields do not apply to ExternalName services. More info: ' +
      'https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types',
  ),
  column(
    'Cluster-IP',
    'clusterIP is the IP address of the service and is usually assigned randomly. If an address is specified ' +
      'manually, is in-range (as per system configuration), and is not in use, it will be allocated to the service; ' +
      'otherwise creation of the service will fail. This field may not be changed through updates unless the type ' +
      'field is also being changed to ExternalName (which requires this field to be blank) or the type field is ' +
      'being changed from ExternalName (in which case this field may optionally be specified, as describe above).  ' +
      'Valid values are "None", empty string (""), or a valid IP address. Setting this to "None" makes a "headless ' +
      'service" (no virtual IP), which is useful when direct endpoint connections are preferred and proxying is not ' +
      'required.  Only applies to types ClusterIP, NodePort, and LoadBalancer. If this field is specified when ' +
      'creating a Service of type ExternalName, creation will fail. This field will be wiped when updating a Service ' +
      'to type ExternalName. More info: ' +
      'https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
  ),
  column(
    'External-IP',
    'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this ' +
      'service.  These IPs are not managed by Kubernetes.  The user is responsible for ensuring that traffic ' +
      'arrives at a node with this IP.  A common example is external load-balancers that are not part of the ' +
      'Kubernetes system.',
  ),
  column(
    'Port(s)',
    'The list of ports that are exposed by this service. More info: ' +
      'https://kubernetes.io/docs/concepts/services-networking/service/#virtual-ips-and-service-proxies',
  ),
  ageColumn,
  wideColumn(
    'Selector',
    'Route service traffic to pods with label keys and values matching this selector. If empty or not present, ' +
      'the service is assumed to have an external process managing its endpoints, which Kubernetes will not modify. ' +
      'Only applies to types ClusterIP, NodePort, and LoadBalancer. Ignored if type is ExternalName. More info: ' +
      'https://kubernetes.io/docs/concepts/services-networking/service/',
  ),
];

export const servicePrinter: ResourcePrinter = {
  columns,
  row(obj: KubeObject, now: number): TableCell[] {
    const service = obj as Frozen<ServiceView>;
    const spec = service.spec ?? {};
    // Older v1 objects may carry only clusterIP; the internal form always fills clusterIPs.
    const clusterIP = spec.clusterIPs?.[0] ?? (spec.clusterIP || '<none>');
    return [
      nameOf(obj),
      spec.type ?? '',
      clusterIP,
      externalIP(service),
      portsText(spec.ports) || '<none>',
      ageOf(obj, now),
      formatLabels(spec.selector),
    ];
  },
};

/** EXTERNAL-IP by type: external IPs, load-balancer ingress, "<pending>", or the external name. */
function externalIP(service: Frozen<ServiceView>): string {
  const spec = service.spec ?? {};
  const external = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length > 0 ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = loadBalancerAddresses(service);
      if (external.length > 0) return [...ingress, ...external].join(',');
      return ingress.length > 0 ? ingress.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/**
 * Ingress IPs (or hostnames when an entry has no IP), deduplicated and sorted. The server
 * prints wide, so the 16-character clipping kubectl's own printer applies never happens here.
 */
function loadBalancerAddresses(service: Frozen<ServiceView>): string[] {
  const addresses = new Set<string>();
  for (const ingress of service.status?.loadBalancer?.ingress ?? []) {
    if (ingress.ip) addresses.add(ingress.ip);
    else if (ingress.hostname) addresses.add(ingress.hostname);
  }
  return [...addresses].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** "80/TCP,443:30443/TCP": port, node port when allocated, protocol. */
function portsText(ports: readonly Frozen<ServicePort>[] | undefined): string {
  return (ports ?? [])
    .map((p) => {
      const protocol = p.protocol ?? 'TCP';
      return p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${protocol}` : `${p.port}/${protocol}`;
    })
    .join(',');
}
