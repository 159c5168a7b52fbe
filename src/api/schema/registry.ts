// Every declared type by definition name, and the top-level kinds by group/version/kind.
// Kubernetes twin: the OpenAPI definitions kube-apiserver builds from its generated
// GetOpenAPIDefinitions (pkg/generated/openapi), indexed the way clients index them.
import type { GroupVersionKind, ObjectDecl, TypeDecl } from './dsl.js';
import { scalarTypes } from './defs/scalars.js';
import { metaV1Types } from './defs/meta-v1.js';
import { metaV1StatusTypes } from './defs/meta-v1-status.js';
import { metaV1DiscoveryTypes } from './defs/meta-v1-discovery.js';
import { coreV1PodTypes } from './defs/core-v1-pod.js';
import { coreV1ContainerTypes } from './defs/core-v1-container.js';
import { coreV1ProbeTypes } from './defs/core-v1-probe.js';
import { coreV1SecurityTypes } from './defs/core-v1-security.js';
import { coreV1SchedulingTypes } from './defs/core-v1-scheduling.js';
import { coreV1VolumeTypes } from './defs/core-v1-volume.js';
import { coreV1VolumeLegacyTypes } from './defs/core-v1-volume-legacy.js';
import { coreV1PodStatusTypes } from './defs/core-v1-pod-status.js';
import { coreV1NamespaceTypes } from './defs/core-v1-namespace.js';
import { coreV1NodeTypes } from './defs/core-v1-node.js';
import { coreV1ServiceTypes } from './defs/core-v1-service.js';
import { coreV1EndpointsTypes } from './defs/core-v1-endpoints.js';
import { coreV1ConfigTypes } from './defs/core-v1-config.js';
import { coreV1EventTypes } from './defs/core-v1-event.js';
import { accessReviewTypes } from './defs/access-review.js';
import { tokenRequestTypes } from './defs/token-request.js';
import { appsV1Types } from './defs/apps-v1.js';
import { autoscalingV1Types } from './defs/autoscaling-v1.js';
import { coordinationV1Types } from './defs/coordination-v1.js';
import { discoveryV1Types } from './defs/discovery-v1.js';
import { eventsV1Types } from './defs/events-v1.js';
import { metricsV1beta1Types } from './defs/metrics-v1beta1.js';

export const ALL_TYPES: readonly TypeDecl[] = [
  ...scalarTypes,
  ...metaV1Types,
  ...metaV1StatusTypes,
  ...metaV1DiscoveryTypes,
  ...coreV1PodTypes,
  ...coreV1ContainerTypes,
  ...coreV1ProbeTypes,
  ...coreV1SecurityTypes,
  ...coreV1SchedulingTypes,
  ...coreV1VolumeTypes,
  ...coreV1VolumeLegacyTypes,
  ...coreV1PodStatusTypes,
  ...coreV1NamespaceTypes,
  ...coreV1NodeTypes,
  ...coreV1ServiceTypes,
  ...coreV1EndpointsTypes,
  ...coreV1ConfigTypes,
  ...coreV1EventTypes,
  ...appsV1Types,
  ...accessReviewTypes,
  ...tokenRequestTypes,
  ...autoscalingV1Types,
  ...coordinationV1Types,
  ...discoveryV1Types,
  ...eventsV1Types,
  ...metricsV1beta1Types,
];

const byName = new Map<string, TypeDecl>(ALL_TYPES.map((decl) => [decl.name, decl]));

const gvkKey = (group: string, version: string, kind: string): string => `${group}/${version}/${kind}`;

// A kind's own definition wins over shared meta definitions that list many GVKs.
const byKind = new Map<string, ObjectDecl>();
for (const decl of ALL_TYPES) {
  if (decl.kind !== 'object') continue;
  for (const { group, version, kind } of decl.gvk) {
    const key = gvkKey(group, version, kind);
    if (!byKind.has(key)) byKind.set(key, decl);
  }
}

/** The declaration with this definition name, e.g. "io.k8s.api.core.v1.Pod". */
export function typeNamed(name: string): TypeDecl | undefined {
  return byName.get(name);
}

/** The top-level declaration of a kind, e.g. ("apps", "v1", "Deployment"). */
export function typeOfKind(group: string, version: string, kind: string): ObjectDecl | undefined {
  return byKind.get(gvkKey(group, version, kind));
}

export function sameGvk(a: GroupVersionKind, b: GroupVersionKind): boolean {
  return a.group === b.group && a.version === b.version && a.kind === b.kind;
}
