// What a container sees of the pod's volumes in its small file system: ConfigMap and Secret
// keys as files, downwardAPI files, emptyDir contents shared by the pod's containers, and the
// projected service account token. Kubernetes twin: pkg/volume/{configmap,secret,downwardapi,
// emptydir,projected} and the FailedMount message of pkg/kubelet/volumemanager.
import type { Frozen, ObjectMeta } from '../../api/types.js';
import type { Container, PodSpec, Volume } from '../../api/types/pod.js';
import type { ConfigData } from './config-refs.js';
import { NO_FILES } from './container-files.js';

interface KeyToPath {
  key: string;
  path: string;
  optional?: boolean;
}

/** The first volume that cannot be set up: `MountVolume.SetUp failed for volume "cfg" : configmap "x" not found`. */
export function mountError(spec: Frozen<PodSpec>, data: ConfigData): string | undefined {
  const fail = (volume: string, why: string): string => `MountVolume.SetUp failed for volume "${volume}" : ${why}`;
  for (const v of spec.volumes ?? []) {
    if (v.configMap?.name && !v.configMap.optional && !data[`configmap/${v.configMap.name}`]) return fail(v.name, `configmap "${v.configMap.name}" not found`);
    if (v.secret?.secretName && !v.secret.optional && !data[`secret/${v.secret.secretName}`]) return fail(v.name, `secret "${v.secret.secretName}" not found`);
    for (const s of (v.projected?.sources ?? []) as { configMap?: { name?: string; optional?: boolean }; secret?: { name?: string; optional?: boolean } }[]) {
      if (s.configMap?.name && !s.configMap.optional && !data[`configmap/${s.configMap.name}`]) return fail(v.name, `configmap "${s.configMap.name}" not found`);
      if (s.secret?.name && !s.secret.optional && !data[`secret/${s.secret.name}`]) return fail(v.name, `secret "${s.secret.name}" not found`);
    }
  }
  return undefined;
}

/** Keys as files: every key, or only `items` under their paths. */
function keyFiles(data: Readonly<Record<string, string>> | null | undefined, items: readonly KeyToPath[] | undefined): Record<string, string> {
  if (!data) return {};
  if (!items || items.length === 0) return { ...data };
  const out: Record<string, string> = {};
  for (const i of items) if (i.key in data) out[i.path] = data[i.key];
  return out;
}

/** labels and annotations as the downward API writes them: `key="value"` lines, sorted. */
const mapFile = (m: Readonly<Record<string, string>> | undefined): string =>
  Object.keys(m ?? {})
    .sort()
    .map((k) => `${k}=${JSON.stringify(m![k])}`)
    .join('\n');

export function fieldValue(path: string, meta: Frozen<ObjectMeta>, spec: Frozen<PodSpec>, podIP: string | undefined): string {
  const sub = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
  if (sub) return (sub[1] === 'labels' ? meta.labels : meta.annotations)?.[sub[2]] ?? '';
  switch (path) {
    case 'metadata.name':
      return meta.name ?? '';
    case 'metadata.namespace':
      return meta.namespace ?? '';
    case 'metadata.uid':
      return meta.uid ?? '';
    case 'metadata.labels':
      return mapFile(meta.labels);
    case 'metadata.annotations':
      return mapFile(meta.annotations);
    case 'spec.nodeName':
      return spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return spec.serviceAccountName ?? '';
    case 'status.podIP':
      return podIP ?? '';
    default:
      return '';
  }
}

type DownwardItem = { path: string; fieldRef?: { fieldPath: string } };

function downwardFiles(items: readonly DownwardItem[] | undefined, meta: Frozen<ObjectMeta>, spec: Frozen<PodSpec>, podIP: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of items ?? []) if (i.fieldRef) out[i.path] = fieldValue(i.fieldRef.fieldPath, meta, spec, podIP);
  return out;
}

export interface VolumeContext {
  spec: Frozen<PodSpec>;
  meta: Frozen<ObjectMeta>;
  podIP?: string;
  data: ConfigData;
  /** emptyDir contents by volume name, paths relative to the volume. */
  emptyDirs: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** One volume's files, paths relative to its root. */
export function volumeFiles(v: Frozen<Volume>, ctx: VolumeContext): Record<string, string> {
  if (v.configMap) return keyFiles(ctx.data[`configmap/${v.configMap.name}`], v.configMap.items as KeyToPath[] | undefined);
  if (v.secret) return keyFiles(ctx.data[`secret/${v.secret.secretName}`], v.secret.items as KeyToPath[] | undefined);
  if (v.downwardAPI) return downwardFiles(v.downwardAPI.items as DownwardItem[] | undefined, ctx.meta, ctx.spec, ctx.podIP);
  if (v.emptyDir) return { ...(ctx.emptyDirs[v.name] ?? {}) };
  if (v.projected) {
    let out: Record<string, string> = {};
    for (const s of (v.projected.sources ?? []) as Record<string, { name?: string; items?: KeyToPath[]; path?: string } | undefined>[]) {
      if (s.configMap) out = { ...out, ...keyFiles(ctx.data[`configmap/${s.configMap.name}`], s.configMap.items) };
      if (s.secret) out = { ...out, ...keyFiles(ctx.data[`secret/${s.secret.name}`], s.secret.items) };
      if (s.downwardAPI) out = { ...out, ...downwardFiles((s.downwardAPI as { items?: DownwardItem[] }).items, ctx.meta, ctx.spec, ctx.podIP) };
      if (s.serviceAccountToken) out[s.serviceAccountToken.path ?? 'token'] = `kubesim-token.${ctx.meta.uid ?? ''}`;
    }
    return out;
  }
  return {};
}

/** The files a container starts with: every mounted volume's files under its mount path. */
export function containerFiles(c: Frozen<Container>, ctx: VolumeContext): Readonly<Record<string, string>> {
  if (!c.volumeMounts?.length) return NO_FILES;
  const out: Record<string, string> = {};
  for (const mount of c.volumeMounts ?? []) {
    const v = ctx.spec.volumes?.find((x) => x.name === mount.name);
    if (!v) continue;
    const files = volumeFiles(v, ctx);
    const root = mount.mountPath.replace(/\/+$/, '');
    if (mount.subPath) {
      if (mount.subPath in files) out[root] = files[mount.subPath];
      continue;
    }
    for (const [rel, content] of Object.entries(files)) out[`${root}/${rel}`] = content;
  }
  return out;
}

/** Copies what a container wrote under its emptyDir mounts back to the pod's emptyDirs. */
export function collectEmptyDirs(c: Frozen<Container>, spec: Frozen<PodSpec>, files: Readonly<Record<string, string>>, emptyDirs: Record<string, Record<string, string>>): void {
  for (const mount of c.volumeMounts ?? []) {
    const v = spec.volumes?.find((x) => x.name === mount.name);
    if (!v?.emptyDir || mount.subPath) continue;
    const prefix = `${mount.mountPath.replace(/\/+$/, '')}/`;
    const dir: Record<string, string> = {};
    for (const [path, content] of Object.entries(files)) if (path.startsWith(prefix)) dir[path.slice(prefix.length)] = content;
    emptyDirs[v.name] = dir;
  }
}

/**
 * A running container's files after its ConfigMap, Secret, downwardAPI and projected volumes
 * were synced again: what is under those mount paths is replaced by the volumes' contents now.
 * subPath mounts keep what they had, as in Kubernetes. Answers `files` itself when no mount
 * is refreshed. E.g. key msg of ConfigMap cfg changed to "v2": /etc/cfg/msg holds "v2".
 */
export function refreshVolumeFiles(c: Frozen<Container>, files: Readonly<Record<string, string>>, ctx: VolumeContext): Readonly<Record<string, string>> {
  let out: Record<string, string> | undefined;
  for (const mount of c.volumeMounts ?? []) {
    if (mount.subPath) continue;
    const v = ctx.spec.volumes?.find((x) => x.name === mount.name);
    if (!v || !(v.configMap || v.secret || v.projected || v.downwardAPI)) continue;
    const root = mount.mountPath.replace(/\/+$/, '');
    out ??= { ...files };
    for (const path of Object.keys(out)) if (path.startsWith(`${root}/`)) delete out[path];
    for (const [rel, content] of Object.entries(volumeFiles(v, ctx))) out[`${root}/${rel}`] = content;
  }
  return out ?? files;
}
