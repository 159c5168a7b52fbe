// Which printer serves which resource, keyed by qualified resource ("pods",
// "deployments.apps"). Kubernetes twin: the TableConvertor each registry store is built with
// (printerstorage.TableConvertor{TableGenerator: printers.NewTableGenerator().With(AddHandlers)}
// in pkg/registry/*/storage). One printer per kind: a resource served under several groups
// (events and events.events.k8s.io) appears once per group.
import { configMapPrinter } from './config-map.js';
import { defaultPrinter } from './default-printer.js';
import { deploymentPrinter } from './deployment.js';
import { endpointSlicePrinter } from './endpoint-slice.js';
import { endpointsPrinter } from './endpoints.js';
import { eventPrinter, eventsV1EventPrinter } from './event.js';
import { leasePrinter } from './lease.js';
import { namespacePrinter } from './namespace.js';
import { nodePrinter } from './node.js';
import { podPrinter } from './pod.js';
import { replicaSetPrinter } from './replica-set.js';
import { secretPrinter } from './secret.js';
import { serviceAccountPrinter } from './service-account.js';
import { servicePrinter } from './service.js';
import type { ResourcePrinter } from './table-column.js';

export const printersByResource: Readonly<Record<string, ResourcePrinter>> = {
  pods: podPrinter,
  nodes: nodePrinter,
  namespaces: namespacePrinter,
  services: servicePrinter,
  endpoints: endpointsPrinter,
  configmaps: configMapPrinter,
  secrets: secretPrinter,
  serviceaccounts: serviceAccountPrinter,
  events: eventPrinter,
  'events.events.k8s.io': eventsV1EventPrinter,
  'replicasets.apps': replicaSetPrinter,
  'deployments.apps': deploymentPrinter,
  'leases.coordination.k8s.io': leasePrinter,
  'endpointslices.discovery.k8s.io': endpointSlicePrinter,
};

/** The printer of a qualified resource, or the NAME / CREATED AT default. */
export function printerFor(qualifiedResource: string): ResourcePrinter {
  return Object.hasOwn(printersByResource, qualifiedResource) ? printersByResource[qualifiedResource] : defaultPrinter;
}
