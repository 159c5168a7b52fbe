// Defaulting of Pods, PodSpecs and pod templates, as kube-apiserver applies it on decode.
// Kubernetes twin: pkg/apis/core/v1/defaults.go (SetDefaults_Pod, SetDefaults_PodSpec,
// SetDefaults_Volume and the *VolumeSource defaults) and zz_generated.defaults.go
// (SetObjectDefaults_Pod / _PodTemplate: which defaults run, and in what order).
// Every function mutates its argument: a plain object or an immer draft.
import type { Container, Pod, PodSpec, PodTemplateSpec, Volume } from '../types/pod.js';
import { VOLUME_SOURCE_KEYS } from '../validation/pod-volumes.js';
import { canonicalQuantityValue, defaultContainer, defaultResourceList } from './pod-container.js';

export { admitPod, type AdmitPodOptions } from './pod-admission.js';
export { defaultPullPolicy, imageTag } from './pod-container.js';

/** Files projected into a pod are rw-r--r-- unless asked otherwise (0644 = 420). */
const DEFAULT_FILE_MODE = 0o644;
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;
export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

function defaultFieldRefs(items: { fieldRef?: { apiVersion?: string } }[] | undefined): void {
  for (const item of items ?? []) if (item.fieldRef && !item.fieldRef.apiVersion) item.fieldRef.apiVersion = 'v1';
}

/** Declared defaults of the in-tree storage sources (the `+default` markers in types.go). */
function defaultLegacySources(vol: Volume): void {
  const fill = (src: unknown, values: Record<string, unknown>): void => {
    if (!src || typeof src !== 'object') return;
    const obj = src as Record<string, unknown>;
    for (const [k, v] of Object.entries(values)) if (obj[k] === undefined || obj[k] === null || obj[k] === '') obj[k] = v;
  };
  fill(vol.iscsi, { iscsiInterface: 'default' });
  fill(vol.rbd, { pool: 'rbd', user: 'admin', keyring: '/etc/ceph/keyring' });
  fill(vol.azureDisk, { cachingMode: 'ReadWrite', fsType: 'ext4', kind: 'Shared' });
  if (vol.azureDisk && typeof vol.azureDisk === 'object' && (vol.azureDisk as Record<string, unknown>).readOnly === undefined) {
    (vol.azureDisk as Record<string, unknown>).readOnly = false;
  }
  fill(vol.scaleIO, { storageMode: 'ThinProvisioned', fsType: 'xfs' });
  const claim = vol.ephemeral?.volumeClaimTemplate as { spec?: Record<string, unknown> } | undefined;
  if (claim?.spec && !claim.spec.volumeMode) claim.spec.volumeMode = 'Filesystem';
}

/** SetDefaults_Volume and the source defaults: a volume with no source is an emptyDir. */
export function defaultVolume(vol: Volume): void {
  if (!VOLUME_SOURCE_KEYS.some((k) => vol[k] !== undefined && vol[k] !== null)) vol.emptyDir = {};
  if (vol.emptyDir?.sizeLimit !== undefined) vol.emptyDir.sizeLimit = canonicalQuantityValue(vol.emptyDir.sizeLimit, false);
  if (vol.hostPath && (vol.hostPath.type === undefined || vol.hostPath.type === null)) vol.hostPath.type = '';
  if (vol.secret && vol.secret.defaultMode === undefined) vol.secret.defaultMode = DEFAULT_FILE_MODE;
  if (vol.configMap && vol.configMap.defaultMode === undefined) vol.configMap.defaultMode = DEFAULT_FILE_MODE;
  if (vol.downwardAPI) {
    if (vol.downwardAPI.defaultMode === undefined) vol.downwardAPI.defaultMode = DEFAULT_FILE_MODE;
    defaultFieldRefs(vol.downwardAPI.items);
  }
  defaultLegacySources(vol);
  if (vol.projected) {
    if (vol.projected.defaultMode === undefined) vol.projected.defaultMode = DEFAULT_FILE_MODE;
    for (const source of vol.projected.sources ?? []) {
      defaultFieldRefs(source.downwardAPI?.items);
      const token = source.serviceAccountToken;
      if (token && (token.expirationSeconds === undefined || token.expirationSeconds === null)) token.expirationSeconds = 3600;
    }
  }
}

/** SetDefaults_PodSpec plus the per-field defaults every PodSpec gets (pods and templates alike). */
export function defaultPodSpec(spec: PodSpec): void {
  if (!spec.dnsPolicy) spec.dnsPolicy = 'ClusterFirst';
  if (!spec.restartPolicy) spec.restartPolicy = 'Always';
  if (!spec.securityContext) spec.securityContext = {};
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) {
    spec.terminationGracePeriodSeconds = DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  }
  if (!spec.schedulerName) spec.schedulerName = DEFAULT_SCHEDULER_NAME;
  // v1 conversion: the deprecated serviceAccount field fills serviceAccountName and mirrors it back.
  if (!spec.serviceAccountName && spec.serviceAccount) spec.serviceAccountName = spec.serviceAccount;
  if (spec.serviceAccountName && spec.serviceAccount !== spec.serviceAccountName) spec.serviceAccount = spec.serviceAccountName;
  for (const vol of spec.volumes ?? []) defaultVolume(vol);
  for (const list of [spec.initContainers, spec.containers, spec.ephemeralContainers]) for (const c of list ?? []) defaultContainer(c);
  defaultResourceList(spec.overhead);
  if (spec.resources) {
    defaultResourceList(spec.resources.limits);
    defaultResourceList(spec.resources.requests);
  }
}

/** Limits without requests mean "request what you limit" (pods only, not templates). */
function defaultRequestsFromLimits(containers: Container[] | undefined): void {
  for (const c of containers ?? []) {
    const limits = c.resources?.limits;
    if (!limits) continue;
    const resources = c.resources!;
    resources.requests ??= {};
    for (const [name, value] of Object.entries(limits)) if (!(name in resources.requests)) resources.requests[name] = value;
  }
}

/** SetDefaults_Pod, then the spec defaults (the order SetObjectDefaults_Pod runs them). */
export function defaultPod(pod: Pod): void {
  const spec = pod.spec;
  if (!spec) return;
  defaultRequestsFromLimits(spec.containers);
  defaultRequestsFromLimits(spec.initContainers);
  if (spec.enableServiceLinks === undefined || spec.enableServiceLinks === null) spec.enableServiceLinks = true;
  if (spec.hostNetwork) {
    // On the host network a container port is a host port.
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const p of c.ports ?? []) if (!p.hostPort) p.hostPort = p.containerPort;
    }
  }
  defaultPodSpec(spec);
}

/** SetObjectDefaults_PodTemplate: the spec defaults only (no requests from limits, no service links). */
export function defaultPodTemplateSpec(template: PodTemplateSpec): void {
  if (template.spec) defaultPodSpec(template.spec);
}
