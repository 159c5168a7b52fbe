// The order Go writes a PodSpec's and a Container's JSON fields in (struct order in
// k8s.io/api/core/v1/types.go), so `kubectl get pod -o json` on kubesim reads like a real
// cluster's. Cosmetic: `-o yaml` sorts keys anyway, and clients never depend on order.
import type { Container, PodSpec } from '../types/pod.js';

const POD_SPEC_FIELD_ORDER = [
  'volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds',
  'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken',
  'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'hostname',
  'subdomain', 'affinity', 'schedulerName', 'tolerations', 'hostAliases', 'priorityClassName', 'priority', 'dnsConfig',
  'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints',
  'setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources',
];

const CONTAINER_FIELD_ORDER = [
  'name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'resizePolicy',
  'restartPolicy', 'volumeMounts', 'volumeDevices', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle',
  'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty',
  'targetContainerName',
];

/** A copy of `obj` with its keys in `order`, unknown keys last in their own order. */
export function inOrder<T extends object>(obj: T, order: readonly string[]): T {
  const src = obj as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of order) if (k in src) out[k] = src[k];
  for (const k in src) if (!(k in out)) out[k] = src[k];
  return out as T;
}

/** Puts a pod's spec and containers in Go's field order (once, at the end of admission). */
export function orderPodFields(pod: { spec?: PodSpec }): void {
  if (!pod.spec) return;
  const spec = inOrder(pod.spec, POD_SPEC_FIELD_ORDER);
  for (const list of ['containers', 'initContainers'] as const) {
    const containers = spec[list];
    if (containers) spec[list] = containers.map((c: Container) => inOrder(c, CONTAINER_FIELD_ORDER));
  }
  pod.spec = spec;
}
