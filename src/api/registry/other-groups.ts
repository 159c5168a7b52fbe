// Resources of the smaller groups: coordination.k8s.io, discovery.k8s.io, events.k8s.io.
// Kubernetes twin: pkg/registry/{coordination/lease,discovery/endpointslice,core/event}.
import { defineResource } from './definition.js';
import { eventsV1Conversion } from './event-conversion.js';
import { endpointSliceStrategy, eventsV1Strategy, leaseStrategy } from './strategies/groups.js';

export const leases = defineResource({
  group: 'coordination.k8s.io',
  version: 'v1',
  resource: 'leases',
  kind: 'Lease',
  namespaced: true,
  allowCreateOnUpdate: true,
  strategy: leaseStrategy,
});

export const endpointslices = defineResource({
  group: 'discovery.k8s.io',
  version: 'v1',
  resource: 'endpointslices',
  kind: 'EndpointSlice',
  namespaced: true,
  strategy: endpointSliceStrategy,
});

/** events.k8s.io/v1 Event: the same objects as core/v1 events, seen through another version. */
export const eventsV1 = defineResource({
  group: 'events.k8s.io',
  version: 'v1',
  resource: 'events',
  kind: 'Event',
  namespaced: true,
  shortNames: ['ev'],
  storedAs: eventsV1Conversion,
  strategy: eventsV1Strategy,
});

export const otherGroupResources = [leases, endpointslices, eventsV1];
