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

/** Rewrites an object's keys in `order`, unknown keys last; works on plain objects and immer drafts. */
export function orderKeys(obj: Record<string, unknown>, order: readonly string[]): void {
  const entries = Object.entries(obj);
  const rank = (k: string): number => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  const sorted = [...entries].sort((a, b) => rank(a[0]) - rank(b[0]));
  if (sorted.every(([k], i) => k === entries[i][0])) return;
  for (const [k] of entries) delete obj[k];
  for (const [k, v] of sorted) obj[k] = v;
}

export const orderPodSpecFields = (spec: PodSpec): void => orderKeys(spec, POD_SPEC_FIELD_ORDER);
export const orderContainerFields = (ctr: Container): void => orderKeys(ctr, CONTAINER_FIELD_ORDER);
