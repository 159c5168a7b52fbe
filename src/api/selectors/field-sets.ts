// Which fields `?fieldSelector=` may name for each resource, and how each is read from the object.
// Kubernetes twins: the AddFieldLabelConversionFunc calls in pkg/apis/core/v1/conversion.go and
// pkg/apis/events/v1/conversion.go (what is accepted, and the error for the rest), the registries'
// field sets (pkg/registry/core/pod/strategy.go ToSelectableFields, core/event, core/node, ...) for
// how each value is computed, and runtime.DefaultMetaV1FieldSelectorConversion for every kind
// with no conversion func of its own.
//
// Objects are read as JSON in the version the client asked for (v1 field names). Values follow the
// Go code: booleans "true"/"false", integers in decimal (a missing int is "0", as Go's zero value),
// missing strings "".

import type { KubeObject } from '../types.js';

export type FieldGetter = (obj: Readonly<KubeObject>) => string;
export type FieldGetters = Readonly<Record<string, FieldGetter>>;

/**
 * How an unsupported field is refused. 'fieldLabel': the kind registers its own conversion func,
 * which answers "field label not supported: <f>". 'metadataOnly': the default conversion, which
 * answers `"<f>" is not a known field selector: only "metadata.name", "metadata.namespace"`.
 */
export type FieldRefusal = 'fieldLabel' | 'metadataOnly';

export interface FieldSelectorSupport {
  readonly fields: FieldGetters;
  readonly refusal: FieldRefusal;
  /** Old spellings the conversion func rewrites before matching (pods: spec.host). */
  readonly aliases: Readonly<Record<string, string>>;
}

/** The value at a JSON path, or undefined when any step is missing or not an object. */
function at(obj: unknown, ...path: (string | number)[]): unknown {
  let cur = obj;
  for (const step of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[step];
  }
  return cur;
}

const text =
  (...path: (string | number)[]): FieldGetter =>
  (obj) => {
    const v = at(obj, ...path);
    return typeof v === 'string' ? v : '';
  };

/** strconv.FormatBool of a bool field that defaults to false. */
const bool =
  (...path: string[]): FieldGetter =>
  (obj) =>
    at(obj, ...path) === true ? 'true' : 'false';

/** strconv.Itoa of an int32 field that defaults to 0. */
const int =
  (...path: string[]): FieldGetter =>
  (obj) => {
    const v = at(obj, ...path);
    return typeof v === 'number' ? String(Math.trunc(v)) : '0';
  };

const firstText =
  (...getters: FieldGetter[]): FieldGetter =>
  (obj) =>
    getters.map((g) => g(obj)).find((v) => v !== '') ?? '';

const metaName = text('metadata', 'name');
const metaNamespace = text('metadata', 'namespace');
const objectMeta: FieldGetters = { 'metadata.name': metaName, 'metadata.namespace': metaNamespace };

/** The primary pod IP. Converting v1 to internal lets status.podIP win over podIPs[0] when they differ. */
const podIP = firstText(text('status', 'podIP'), text('status', 'podIPs', 0, 'ip'));

const podFields: FieldGetters = {
  ...objectMeta,
  'spec.nodeName': text('spec', 'nodeName'),
  'spec.restartPolicy': text('spec', 'restartPolicy'),
  'spec.schedulerName': text('spec', 'schedulerName'),
  'spec.serviceAccountName': text('spec', 'serviceAccountName'),
  'spec.hostNetwork': bool('spec', 'hostNetwork'),
  'status.phase': text('status', 'phase'),
  'status.podIP': podIP,
  // Accepted by the conversion func but absent from the pod's field set, so it reads as "".
  'status.podIPs': () => '',
  'status.nominatedNodeName': text('status', 'nominatedNodeName'),
};

const coreEventFields: FieldGetters = {
  ...objectMeta,
  'involvedObject.kind': text('involvedObject', 'kind'),
  'involvedObject.namespace': text('involvedObject', 'namespace'),
  'involvedObject.name': text('involvedObject', 'name'),
  'involvedObject.uid': text('involvedObject', 'uid'),
  'involvedObject.apiVersion': text('involvedObject', 'apiVersion'),
  'involvedObject.resourceVersion': text('involvedObject', 'resourceVersion'),
  'involvedObject.fieldPath': text('involvedObject', 'fieldPath'),
  reason: text('reason'),
  reportingComponent: text('reportingComponent'),
  // Events written through events.k8s.io carry no source; the reporting controller stands in.
  source: firstText(text('source', 'component'), text('reportingComponent')),
  type: text('type'),
};

/** events.k8s.io/v1 names: regarding.* for involvedObject.*, reportingController, deprecatedSource. */
const eventsV1Fields: FieldGetters = {
  ...objectMeta,
  'regarding.kind': text('regarding', 'kind'),
  'regarding.namespace': text('regarding', 'namespace'),
  'regarding.name': text('regarding', 'name'),
  'regarding.uid': text('regarding', 'uid'),
  'regarding.apiVersion': text('regarding', 'apiVersion'),
  'regarding.resourceVersion': text('regarding', 'resourceVersion'),
  'regarding.fieldPath': text('regarding', 'fieldPath'),
  reason: text('reason'),
  reportingController: text('reportingController'),
  source: firstText(text('deprecatedSource', 'component'), text('reportingController')),
  type: text('type'),
};

const own = (fields: FieldGetters, aliases: Record<string, string> = {}): FieldSelectorSupport => ({
  fields,
  refusal: 'fieldLabel',
  aliases,
});
const metadataOnly: FieldSelectorSupport = { fields: objectMeta, refusal: 'metadataOnly', aliases: {} };

/**
 * Keyed by qualified resource ("pods", "replicasets.apps"). Kinds not listed get the default:
 * metadata.name and metadata.namespace only.
 *
 * replicasets.apps: the registry still computes status.replicas, but apps/v1 registers no
 * conversion func, so kube-apiserver refuses it with the default message; we do the same.
 */
export const fieldSelectorSupport: Readonly<Record<string, FieldSelectorSupport>> = {
  pods: own(podFields, { 'spec.host': 'spec.nodeName' }),
  // Cluster-scoped kinds with a func of their own do not accept metadata.namespace.
  nodes: own({ 'metadata.name': metaName, 'spec.unschedulable': bool('spec', 'unschedulable') }),
  namespaces: own({ 'metadata.name': metaName, 'status.phase': text('status', 'phase') }),
  events: own(coreEventFields),
  'events.events.k8s.io': own(eventsV1Fields),
  secrets: own({ ...objectMeta, type: text('type') }),
  services: own({ ...objectMeta, 'spec.clusterIP': text('spec', 'clusterIP'), 'spec.type': text('spec', 'type') }),
  replicationcontrollers: own({ ...objectMeta, 'status.replicas': int('status', 'replicas') }),
  'replicasets.apps': metadataOnly,
  'deployments.apps': metadataOnly,
  configmaps: metadataOnly,
  endpoints: metadataOnly,
  serviceaccounts: metadataOnly,
  'leases.coordination.k8s.io': metadataOnly,
  'endpointslices.discovery.k8s.io': metadataOnly,
};

/** The support entry for a qualified resource, the metadata-only default when it has none. */
export function fieldSelectorSupportFor(resource: string): FieldSelectorSupport {
  return Object.hasOwn(fieldSelectorSupport, resource) ? fieldSelectorSupport[resource] : metadataOnly;
}

/** Field name to getter for each listed resource, as the brief's map: `selectableFields.pods["spec.nodeName"](pod)`. */
export const selectableFields: Readonly<Record<string, FieldGetters>> = Object.fromEntries(
  Object.entries(fieldSelectorSupport).map(([resource, support]) => [resource, support.fields]),
);
