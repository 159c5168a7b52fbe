// ConfigMaps and Secrets a pod needs, read by the kubelet through the API server, and the env
// checks that give CreateContainerConfigError. Kubernetes twin: pkg/kubelet/kubelet_pods.go
// (makeEnvironmentVariables: `configmap "x" not found`, `couldn't find key k in ConfigMap ns/x`).
import type { Frozen } from '../../api/types.js';
import type { Container, PodSpec } from '../../api/types/pod.js';

export type RefKind = 'configmap' | 'secret';

export interface ConfigRef {
  kind: RefKind;
  name: string;
}

/** Fetched data by "configmap/name" or "secret/name": the decoded keys, or null when absent. */
export type ConfigData = Record<string, Readonly<Record<string, string>> | null>;

export const refKey = (r: ConfigRef): string => `${r.kind}/${r.name}`;

/** The objects a container's env and envFrom name. */
export function envRefs(c: Frozen<Container>): ConfigRef[] {
  const out: ConfigRef[] = [];
  for (const e of c.envFrom ?? []) {
    if (e.configMapRef?.name) out.push({ kind: 'configmap', name: e.configMapRef.name });
    if (e.secretRef?.name) out.push({ kind: 'secret', name: e.secretRef.name });
  }
  for (const e of c.env ?? []) {
    const cm = e.valueFrom?.configMapKeyRef;
    const s = e.valueFrom?.secretKeyRef;
    if (cm?.name) out.push({ kind: 'configmap', name: cm.name });
    if (s?.name) out.push({ kind: 'secret', name: s.name });
  }
  return out;
}

/** The objects the pod's volumes name (configMap, secret and projected sources). */
export function volumeRefs(spec: Frozen<PodSpec>): ConfigRef[] {
  const out: ConfigRef[] = [];
  for (const v of spec.volumes ?? []) {
    if (v.configMap?.name) out.push({ kind: 'configmap', name: v.configMap.name });
    if (v.secret?.secretName) out.push({ kind: 'secret', name: v.secret.secretName });
    for (const s of (v.projected?.sources ?? []) as { configMap?: { name?: string }; secret?: { name?: string } }[]) {
      if (s.configMap?.name) out.push({ kind: 'configmap', name: s.configMap.name });
      if (s.secret?.name) out.push({ kind: 'secret', name: s.secret.name });
    }
  }
  return out;
}

const KIND_TITLE: Record<RefKind, string> = { configmap: 'ConfigMap', secret: 'Secret' };

/**
 * Why the container cannot be created for want of config, or undefined when all is there.
 * Optional references are skipped, as the kubelet does.
 */
export function envError(c: Frozen<Container>, data: ConfigData, namespace: string): string | undefined {
  const missing = (kind: RefKind, name: string): string => `${kind} "${name}" not found`;
  for (const e of c.envFrom ?? []) {
    for (const [kind, ref] of [['configmap', e.configMapRef], ['secret', e.secretRef]] as const) {
      if (ref?.name && !ref.optional && !data[`${kind}/${ref.name}`]) return missing(kind, ref.name);
    }
  }
  for (const e of c.env ?? []) {
    for (const [kind, ref] of [['configmap', e.valueFrom?.configMapKeyRef], ['secret', e.valueFrom?.secretKeyRef]] as const) {
      if (!ref?.name || ref.optional) continue;
      const found = data[`${kind}/${ref.name}`];
      if (!found) return missing(kind, ref.name);
      if (!(ref.key in found)) return `couldn't find key ${ref.key} in ${KIND_TITLE[kind]} ${namespace}/${ref.name}`;
    }
  }
  return undefined;
}

/** A ConfigMap's or Secret's keys as text (Secret values are base64 in the API). */
export function decodeData(kind: RefKind, obj: { data?: Readonly<Record<string, string>>; binaryData?: Readonly<Record<string, string>> }): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj.data ?? {})) out[k] = kind === 'secret' ? Buffer.from(v, 'base64').toString('utf8') : v;
  for (const [k, v] of Object.entries(obj.binaryData ?? {})) out[k] = Buffer.from(v, 'base64').toString('utf8');
  return out;
}
