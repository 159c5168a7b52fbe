// Strategies of apps/v1, coordination.k8s.io/v1, discovery.k8s.io/v1 and events.k8s.io/v1.
// Kubernetes twin: pkg/registry/{apps/deployment,apps/replicaset,coordination/lease,
// discovery/endpointslice,core/event}/strategy.go.
import { defaultDeployment } from '../../defaults/deployment.js';
import { defaultEndpointSlice } from '../../defaults/endpointslice.js';
import { defaultReplicaSet } from '../../defaults/replicaset.js';
import type { Deployment } from '../../types/deployment.js';
import type { EndpointSlice } from '../../types/endpointslice.js';
import type { Lease } from '../../types/lease.js';
import type { ReplicaSet } from '../../types/replicaset.js';
import { validateDeployment, validateDeploymentStatusUpdate, validateDeploymentUpdate } from '../../validation/deployment.js';
import { validateEndpointSlice, validateEndpointSliceUpdate } from '../../validation/endpointslice.js';
import { validateEventsV1Event, validateEventsV1EventUpdate } from '../../validation/event.js';
import { validateLease, validateLeaseUpdate } from '../../validation/lease.js';
import { validateReplicaSet, validateReplicaSetStatusUpdate, validateReplicaSetUpdate } from '../../validation/replicaset.js';
import type { Strategy } from '../definition.js';
import { typed } from './cast.js';

// A new workload has an empty status (Go encodes the zero struct as {}): its controller fills it.
const clearStatus = (obj: { status?: unknown }): void => {
  obj.status = {};
};

/**
 * A pod template's metadata shows `creationTimestamp: null`, as Go encodes the zero value of an
 * embedded ObjectMeta; clients diffing what they sent against what is stored expect it. A
 * template with metadata gets the null from omit-empty's zero-time rule; one without gets the
 * whole zero struct here.
 */
export function markTemplateTime(obj: { spec?: { template?: { metadata?: Record<string, unknown> } } }): void {
  const template = obj.spec?.template;
  if (template) template.metadata ??= { creationTimestamp: null };
}

export const deploymentStrategy: Strategy = {
  ...typed<Deployment>({
    defaults: (d) => {
      defaultDeployment(d);
      markTemplateTime(d as never);
    },
    prepareForCreate: clearStatus,
    validate: validateDeployment,
    validateUpdate: validateDeploymentUpdate,
    validateStatusUpdate: validateDeploymentStatusUpdate,
  }),
  // Annotations are copied to the ReplicaSets, so changing them is a new generation too.
  generationFollowsAnnotations: true,
  statusKeepsMetadata: ['labels'],
};

export const replicaSetStrategy: Strategy = {
  ...typed<ReplicaSet>({
  defaults: (rs) => {
    defaultReplicaSet(rs);
    markTemplateTime(rs as never);
  },
  // status.replicas has no omitempty: a new ReplicaSet shows replicas: 0.
  prepareForCreate: (rs) => {
    rs.status = { replicas: 0 };
  },
  validate: validateReplicaSet,
  validateUpdate: validateReplicaSetUpdate,
  validateStatusUpdate: validateReplicaSetStatusUpdate,
  }),
  statusKeepsMetadata: ['labels'],
};

export const leaseStrategy = typed<Lease>({ validate: validateLease, validateUpdate: validateLeaseUpdate });

export const endpointSliceStrategy = typed<EndpointSlice>({ defaults: defaultEndpointSlice, validate: validateEndpointSlice, validateUpdate: validateEndpointSliceUpdate });

type EventsV1 = Parameters<typeof validateEventsV1Event>[0];
export const eventsV1Strategy = typed<EventsV1>({ validate: validateEventsV1Event, validateUpdate: validateEventsV1EventUpdate });
