// Definition name prefixes, as Kubernetes' OpenAPI documents spell them (Go package paths with
// dots). Kubernetes twin: the "definitions" keys of api/openapi-spec/swagger.json.
import { ref, type GroupVersionKind, type Shape } from './dsl.js';

export const CORE = 'io.k8s.api.core.v1.';
export const APPS = 'io.k8s.api.apps.v1.';
export const AUTHENTICATION = 'io.k8s.api.authentication.v1.';
export const AUTHORIZATION = 'io.k8s.api.authorization.v1.';
export const AUTOSCALING = 'io.k8s.api.autoscaling.v1.';
export const COORDINATION = 'io.k8s.api.coordination.v1.';
export const DISCOVERY = 'io.k8s.api.discovery.v1.';
export const EVENTS = 'io.k8s.api.events.v1.';
export const META = 'io.k8s.apimachinery.pkg.apis.meta.v1.';

export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';
export const RAW_EXTENSION = 'io.k8s.apimachinery.pkg.runtime.RawExtension';

export const quantity: Shape = ref(QUANTITY);
export const intOrString: Shape = ref(INT_OR_STRING);
export const time: Shape = ref(META + 'Time');
export const microTime: Shape = ref(META + 'MicroTime');
export const objectMeta: Shape = ref(META + 'ObjectMeta');
export const listMeta: Shape = ref(META + 'ListMeta');

/** The group/versions whose kinds this schema declares, in the order documents list them. */
export const DECLARED_GROUP_VERSIONS: readonly (readonly [group: string, version: string])[] = [
  ['', 'v1'],
  ['apps', 'v1'],
  ['authentication.k8s.io', 'v1'],
  ['authorization.k8s.io', 'v1'],
  ['autoscaling', 'v1'],
  ['coordination.k8s.io', 'v1'],
  ['discovery.k8s.io', 'v1'],
  ['events.k8s.io', 'v1'],
  ['metrics.k8s.io', 'v1beta1'],
];

/**
 * Kinds every group serves under its own version (DeleteOptions, WatchEvent): Kubernetes
 * lists one GVK per group/version on the shared meta/v1 definition.
 */
export function acrossGroups(kindName: string): GroupVersionKind[] {
  return DECLARED_GROUP_VERSIONS.map(([group, version]) => ({ group, version, kind: kindName }));
}
