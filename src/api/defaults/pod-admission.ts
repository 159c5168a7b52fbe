// What a real cluster's admission chain adds to every new pod, beyond defaulting:
// the service account and its token volume, the priority, and the tolerations that let
// pods ride out a short node outage.
// Kubernetes twins: plugin/pkg/admission/serviceaccount/admission.go,
// plugin/pkg/admission/priority/admission.go,
// plugin/pkg/admission/defaulttolerationseconds/admission.go.
import type { Pod, Toleration, Volume } from '../types/pod.js';
import { orderPodFields } from './pod-field-order.js';

export const DEFAULT_SERVICE_ACCOUNT = 'default';
export const API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
const TOKEN_VOLUME_PREFIX = 'kube-api-access-';
/** An hour and seven seconds: the odd length marks tokens whose expiry is only warned about. */
const TOKEN_EXPIRATION_SECONDS = 3607;
const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
const DEFAULT_TOLERATION_SECONDS = 300;
const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';

/** The two priority classes every cluster has. */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

export interface PriorityClassInfo {
  value: number;
  preemptionPolicy?: string;
}

export interface AdmitPodOptions {
  /**
   * Five characters for the kube-api-access-xxxxx volume name, from the seeded generator.
   * Without it no token volume is added.
   */
  tokenVolumeSuffix?: string;
  /** Looks up a PriorityClass by name; undefined when it does not exist. */
  priorityClass?: (name: string) => PriorityClassInfo | undefined;
  /** The cluster's globalDefault PriorityClass, if one is marked so. */
  defaultPriorityClass?: { name: string } & PriorityClassInfo;
  /** automountServiceAccountToken of the pod's ServiceAccount, when known. */
  serviceAccountAutomount?: boolean;
}

function tokenVolume(name: string): Volume {
  return {
    name,
    projected: {
      defaultMode: 0o644,
      sources: [
        { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

/** Every init and regular container mounts the token, unless something already sits at its path. */
function mountServiceAccountToken(pod: Pod, suffix: string): void {
  const spec = pod.spec;
  const existing = (spec.volumes ?? []).find((v) => v.name.startsWith(TOKEN_VOLUME_PREFIX));
  const name = existing?.name ?? `${TOKEN_VOLUME_PREFIX}${suffix}`;
  let needed = false;
  for (const c of [...(spec.initContainers ?? []), ...(spec.containers ?? [])]) {
    if ((c.volumeMounts ?? []).some((m) => m.mountPath === API_TOKEN_MOUNT_PATH)) continue;
    c.volumeMounts = [...(c.volumeMounts ?? []), { name, readOnly: true, mountPath: API_TOKEN_MOUNT_PATH }];
    needed = true;
  }
  if (!existing && needed) spec.volumes = [...(spec.volumes ?? []), tokenVolume(name)];
}

function admitServiceAccount(pod: Pod, opts: AdmitPodOptions): void {
  // Static pods come from a node's disk; they get no service account.
  if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined) return;
  const spec = pod.spec;
  if (!spec.serviceAccountName) spec.serviceAccountName = DEFAULT_SERVICE_ACCOUNT;
  spec.serviceAccount = spec.serviceAccountName;
  const automount = spec.automountServiceAccountToken ?? opts.serviceAccountAutomount ?? true;
  if (automount && opts.tokenVolumeSuffix) mountServiceAccountToken(pod, opts.tokenVolumeSuffix);
}

function resolvePriorityClass(name: string | undefined, opts: AdmitPodOptions): { info?: PriorityClassInfo; error?: string; name?: string } {
  if (!name) {
    const def = opts.defaultPriorityClass;
    return def ? { info: def, name: def.name } : { info: { value: 0 } };
  }
  if (name in SYSTEM_PRIORITY_CLASSES) return { info: { value: SYSTEM_PRIORITY_CLASSES[name] }, name };
  const info = opts.priorityClass?.(name);
  return info ? { info, name } : { error: `no PriorityClass with name ${name} was found` };
}

/** Priority comes from the class; a number typed into the spec that disagrees is refused. */
function admitPriority(pod: Pod, opts: AdmitPodOptions): string[] {
  const spec = pod.spec;
  const resolved = resolvePriorityClass(spec.priorityClassName, opts);
  if (resolved.error || !resolved.info) return [resolved.error ?? 'priority class lookup failed'];
  const { value } = resolved.info;
  const policy = resolved.info.preemptionPolicy ?? 'PreemptLowerPriority';
  if (spec.priority !== undefined && spec.priority !== null && spec.priority !== value) {
    return [`the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${value} from the given PriorityClass name`];
  }
  if (spec.preemptionPolicy && spec.preemptionPolicy !== policy) {
    return [`the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${policy} from the given PriorityClass name`];
  }
  if (resolved.name && !spec.priorityClassName) spec.priorityClassName = resolved.name;
  spec.priority = value;
  spec.preemptionPolicy = policy;
  return [];
}

/** Tolerate not-ready and unreachable nodes for 5 minutes unless the pod already says otherwise. */
function admitDefaultTolerationSeconds(pod: Pod): void {
  const tolerations = pod.spec.tolerations ?? [];
  const covers = (taint: string): boolean =>
    tolerations.some((t) => (t.key === taint || !t.key) && (t.effect === 'NoExecute' || !t.effect));
  const added: Toleration[] = [];
  for (const key of [NOT_READY_TAINT, UNREACHABLE_TAINT]) {
    if (!covers(key)) added.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
  }
  if (added.length) pod.spec.tolerations = [...tolerations, ...added];
}

/**
 * The mutating admission a pod create passes through (ServiceAccount, Priority,
 * DefaultTolerationSeconds). Mutates `pod`; returns the reasons to refuse it (empty = admitted),
 * which the API server reports as a 403 Forbidden.
 */
export function admitPod(pod: Pod, opts: AdmitPodOptions = {}): string[] {
  if (!pod.spec) return [];
  admitServiceAccount(pod, opts);
  const denied = admitPriority(pod, opts);
  if (denied.length) return denied;
  admitDefaultTolerationSeconds(pod);
  orderPodFields(pod);
  return [];
}
