// Defaults inside a container: pull policy, termination message, port protocol, probes,
// hooks, downward API selectors, and quantities written back in canonical form.
// Kubernetes twin: pkg/apis/core/v1/defaults.go (SetDefaults_Container, SetDefaults_Probe,
// SetDefaults_HTTPGetAction, SetDefaults_ObjectFieldSelector, SetDefaults_ResourceList)
// and the generated zz_generated.defaults.go that walks a Pod calling them.
import { parseQuantity, quantityError, quantityToString, roundUpQuantity } from '../quantity.js';
import type { Container, HTTPGetAction, LifecycleHandler, Probe, QuantityValue, ResourceList } from '../types/pod.js';

/** kubectl shows this path on every container; the kubelet reads the file after exit. */
export const TERMINATION_MESSAGE_PATH_DEFAULT = '/dev/termination-log';

/**
 * The tag ParseImageName finds: after the last ':' of the last path segment. No tag and
 * no digest means "latest". A reference Docker cannot parse (upper case in the name)
 * yields no tag at all, so it is not treated as latest.
 */
export function imageTag(image: string): string {
  const [name, digest] = image.split('@', 2);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > slash ? name.slice(colon + 1) : '';
  const repo = colon > slash ? name.slice(0, colon) : name;
  if (/[A-Z]/.test(repo.slice(repo.indexOf('/') + 1)) || repo === '') return '';
  if (!tag && !digest) return 'latest';
  return tag;
}

/** Always pull a moving tag, reuse a fixed one. */
export const defaultPullPolicy = (image: string | undefined): 'Always' | 'IfNotPresent' =>
  imageTag(image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';

/**
 * A quantity as the API server writes it back: rounded up to milli-units (resource lists
 * only) and in canonical form. Unparsable values are left for validation to report.
 */
export function canonicalQuantityValue(value: QuantityValue, roundToMilli: boolean): QuantityValue {
  if (quantityError(value)) return value;
  const q = parseQuantity(value);
  return quantityToString(roundToMilli ? roundUpQuantity(q, -3) : q);
}

export function defaultResourceList(list: ResourceList | undefined): void {
  // A frozen list is a stored version's, carried into an update unchanged: canonical already
  // (every status write of a pod would otherwise parse and print its quantities again).
  if (!list || Object.isFrozen(list)) return;
  // Written only when it changes: a list sent by the client may hold stored values.
  for (const key of Object.keys(list)) {
    const canonical = canonicalQuantityValue(list[key], true);
    if (canonical !== list[key]) list[key] = canonical;
  }
}

export function defaultHTTPGet(action: HTTPGetAction | undefined): void {
  if (!action) return;
  if (!action.path) action.path = '/';
  if (!action.scheme) action.scheme = 'HTTP';
}

export function defaultProbe(probe: Probe | undefined): void {
  if (!probe) return;
  if (!probe.timeoutSeconds) probe.timeoutSeconds = 1;
  if (!probe.periodSeconds) probe.periodSeconds = 10;
  if (!probe.successThreshold) probe.successThreshold = 1;
  if (!probe.failureThreshold) probe.failureThreshold = 3;
  defaultHTTPGet(probe.httpGet);
  if (probe.grpc && (probe.grpc.service === undefined || probe.grpc.service === null)) probe.grpc.service = '';
}

const defaultHook = (hook: LifecycleHandler | undefined): void => defaultHTTPGet(hook?.httpGet);

export function defaultContainer(ctr: Container): void {
  if (!ctr.imagePullPolicy) ctr.imagePullPolicy = defaultPullPolicy(ctr.image);
  if (!ctr.terminationMessagePath) ctr.terminationMessagePath = TERMINATION_MESSAGE_PATH_DEFAULT;
  if (!ctr.terminationMessagePolicy) ctr.terminationMessagePolicy = 'File';
  for (const port of ctr.ports ?? []) if (!port.protocol) port.protocol = 'TCP';
  for (const env of ctr.env ?? []) {
    const ref = env.valueFrom?.fieldRef;
    if (ref && !ref.apiVersion) ref.apiVersion = 'v1';
    const res = env.valueFrom?.resourceFieldRef;
    if (res?.divisor !== undefined) {
      const divisor = canonicalQuantityValue(res.divisor, false);
      if (divisor !== res.divisor) res.divisor = divisor;
    }
  }
  // Every container shows `resources: {}` once it has been through the API server.
  if (!ctr.resources) ctr.resources = {};
  defaultResourceList(ctr.resources.limits);
  defaultResourceList(ctr.resources.requests);
  defaultProbe(ctr.livenessProbe);
  defaultProbe(ctr.readinessProbe);
  defaultProbe(ctr.startupProbe);
  defaultHook(ctr.lifecycle?.postStart);
  defaultHook(ctr.lifecycle?.preStop);
}
