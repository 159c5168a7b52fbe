// Pod volumes: unique DNS-1123 names, exactly one source each, and the common sources' fields.
// Kubernetes twin: pkg/apis/core/validation/validation.go (ValidateVolumes, validateVolumeSource
// and the validate*VolumeSource functions).
import { duplicate, forbidden, invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import { quantityError, parseQuantity } from '../quantity.js';
import type { DownwardAPIVolumeFile, KeyToPath, Volume, VolumeProjection } from '../types/pod.js';
import { isDNS1123Label, isDNS1123Subdomain, nameIsDNSSubdomain } from './names.js';
import { VOLUME_FIELD_PATHS, validateObjectFieldSelector, validateResourceFieldSelector } from './pod-env.js';

const FILE_MODE_ERROR = 'must be a number between 0 and 0777 (octal), both inclusive';

/**
 * Every source field of a v1 volume in the order Kubernetes checks them, with the path
 * segment its "more than 1" error uses (two carry historic typos: "cephFS", "downwarAPI").
 */
const SOURCES: [key: string, forbiddenName: string][] = [
  ['emptyDir', 'emptyDir'],
  ['hostPath', 'hostPath'],
  ['gitRepo', 'gitRepo'],
  ['gcePersistentDisk', 'gcePersistentDisk'],
  ['awsElasticBlockStore', 'awsElasticBlockStore'],
  ['secret', 'secret'],
  ['nfs', 'nfs'],
  ['iscsi', 'iscsi'],
  ['glusterfs', 'glusterfs'],
  ['flocker', 'flocker'],
  ['persistentVolumeClaim', 'persistentVolumeClaim'],
  ['rbd', 'rbd'],
  ['cinder', 'cinder'],
  ['cephfs', 'cephFS'],
  ['quobyte', 'quobyte'],
  ['downwardAPI', 'downwarAPI'],
  ['fc', 'fc'],
  ['flexVolume', 'flexVolume'],
  ['configMap', 'configMap'],
  ['azureFile', 'azureFile'],
  ['vsphereVolume', 'vsphereVolume'],
  ['photonPersistentDisk', 'photonPersistentDisk'],
  ['portworxVolume', 'portworxVolume'],
  ['azureDisk', 'azureDisk'],
  ['storageos', 'storageos'],
  ['projected', 'projected'],
  ['scaleIO', 'scaleIO'],
  ['csi', 'csi'],
  ['ephemeral', 'ephemeral'],
  ['image', 'image'],
];
export const VOLUME_SOURCE_KEYS: readonly string[] = SOURCES.map(([key]) => key);

const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

/** No ".." element: a path may not climb out of where it is rooted. */
export function validatePathNoBacksteps(target: string, path: FieldPath): FieldError[] {
  return target.split('/').includes('..') ? [invalid(path, target, "must not contain '..'")] : [];
}

export function validateLocalDescendingPath(target: string, path: FieldPath): FieldError[] {
  const errs = target.startsWith('/') ? [invalid(path, target, 'must be a relative path')] : [];
  return [...errs, ...validatePathNoBacksteps(target, path)];
}

function validateLocalNonReservedPath(target: string, path: FieldPath): FieldError[] {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../')) errs.push(invalid(path, target, "must not start with '..'"));
  return errs;
}

const validateMode = (mode: number | undefined, path: FieldPath): FieldError[] =>
  mode !== undefined && mode !== null && (mode > 0o777 || mode < 0) ? [invalid(path, mode, FILE_MODE_ERROR)] : [];

function validateKeyToPath(kp: KeyToPath, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!kp.key) errs.push(required(path.child('key')));
  if (!kp.path) errs.push(required(path.child('path')));
  errs.push(...validateLocalNonReservedPath(kp.path ?? '', path.child('path')));
  return [...errs, ...validateMode(kp.mode, path.child('mode'))];
}

function validateDownwardAPIFile(file: DownwardAPIVolumeFile, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!file.path) errs.push(required(path.child('path')));
  errs.push(...validateLocalNonReservedPath(file.path ?? '', path.child('path')));
  if (file.fieldRef) {
    errs.push(...validateObjectFieldSelector(file.fieldRef, VOLUME_FIELD_PATHS, path.child('fieldRef')));
    if (file.resourceFieldRef) errs.push(invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'));
  } else if (file.resourceFieldRef) {
    errs.push(...validateResourceFieldSelector(file.resourceFieldRef, path.child('resourceFieldRef'), true));
  } else {
    errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
  }
  return [...errs, ...validateMode(file.mode, path.child('mode'))];
}

function validateProjection(source: VolumeProjection, at: FieldPath, whole: FieldPath, paths: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const claim = (p: string, bad: unknown): void => {
    if (paths.has(p)) errs.push(invalid(whole, bad, 'conflicting duplicate paths'));
    paths.add(p);
  };
  let count = 0;
  for (const kind of ['secret', 'configMap'] as const) {
    const src = source[kind];
    if (!src) continue;
    count++;
    if (!src.name) errs.push(required(at.child(kind).child('name')));
    (src.items ?? []).forEach((kp, i) => {
      errs.push(...validateKeyToPath(kp, at.child(kind).child('items').index(i)));
      if (kp.path) claim(kp.path, src.name ?? '');
    });
  }
  if (source.downwardAPI) {
    count++;
    for (const file of source.downwardAPI.items ?? []) {
      errs.push(...validateDownwardAPIFile(file, at.child('downwardAPI')));
      if (file.path) claim(file.path, file.path);
    }
  }
  const token = source.serviceAccountToken;
  if (token) {
    count++;
    const exp = token.expirationSeconds ?? 0;
    if (exp < 600) errs.push(invalid(at.child('serviceAccountToken').child('expirationSeconds'), exp, 'may not specify a duration less than 10 minutes'));
    if (exp > 2 ** 32) errs.push(invalid(at.child('serviceAccountToken').child('expirationSeconds'), exp, 'may not specify a duration larger than 2^32 seconds'));
    if (!token.path) errs.push(required(whole.child('path')));
    else errs.push(...validateLocalNonReservedPath(token.path, whole.child('path')));
  }
  if (source.clusterTrustBundle) count++;
  if (count > 1) errs.push(forbidden(at, 'may not specify more than 1 volume type per source'));
  return errs;
}

type SourceCheck = (volume: Volume, path: FieldPath) => FieldError[];

const sourceChecks: Record<string, SourceCheck> = {
  emptyDir: (v, p) => {
    const limit = v.emptyDir?.sizeLimit;
    const negative = limit !== undefined && !quantityError(limit) && parseQuantity(limit).nanos < 0n;
    return negative ? [forbidden(p.child('sizeLimit'), 'SizeLimit field must be a valid resource quantity')] : [];
  },
  hostPath: (v, p) => {
    const hp = v.hostPath!;
    if (!hp.path) return [required(p.child('path'))];
    const errs = validatePathNoBacksteps(hp.path, p.child('path'));
    if (hp.type !== undefined && hp.type !== null && !HOST_PATH_TYPES.includes(hp.type)) errs.push(notSupported(p.child('type'), hp.type, HOST_PATH_TYPES));
    return errs;
  },
  secret: (v, p) => {
    const s = v.secret!;
    const errs = s.secretName ? [] : [required(p.child('secretName'))];
    errs.push(...validateMode(s.defaultMode, p.child('defaultMode')));
    (s.items ?? []).forEach((kp, i) => errs.push(...validateKeyToPath(kp, p.child('items').index(i))));
    return errs;
  },
  configMap: (v, p) => {
    const c = v.configMap!;
    const errs = c.name ? [] : [required(p.child('name'))];
    errs.push(...validateMode(c.defaultMode, p.child('defaultMode')));
    (c.items ?? []).forEach((kp, i) => errs.push(...validateKeyToPath(kp, p.child('items').index(i))));
    return errs;
  },
  persistentVolumeClaim: (v, p) => (v.persistentVolumeClaim?.claimName ? [] : [required(p.child('claimName'))]),
  nfs: (v, p) => {
    const n = v.nfs!;
    const errs = n.server ? [] : [required(p.child('server'))];
    if (!n.path) errs.push(required(p.child('path')));
    if (!(n.path ?? '').startsWith('/')) errs.push(invalid(p.child('path'), n.path ?? '', 'must be an absolute path'));
    return errs;
  },
  downwardAPI: (v, p) => {
    const d = v.downwardAPI!;
    const errs = validateMode(d.defaultMode, p.child('defaultMode'));
    for (const file of d.items ?? []) errs.push(...validateDownwardAPIFile(file, p));
    return errs;
  },
  projected: (v, p) => {
    const pr = v.projected!;
    const errs = validateMode(pr.defaultMode, p.child('defaultMode'));
    const paths = new Set<string>();
    (pr.sources ?? []).forEach((s, i) => errs.push(...validateProjection(s, p.child('sources').index(i), p, paths)));
    return errs;
  },
  csi: (v, p) => {
    const driver = v.csi?.driver ?? '';
    const errs = driver ? [] : [required(p.child('driver'))];
    if (driver.length > 63) errs.push({ type: 'FieldValueTooLong', field: p.child('driver').text, badValue: '', detail: 'must have at most 63 bytes' });
    errs.push(...isDNS1123Subdomain(driver.toLowerCase()).map((m) => invalid(p.child('driver'), driver, m)));
    const secret = v.csi?.nodePublishSecretRef;
    if (secret && !secret.name) errs.push(required(p.child('nodePublishSecretRef').child('name')));
    else if (secret?.name) errs.push(...nameIsDNSSubdomain(secret.name, false).map((m) => invalid(p.child('name'), secret.name, m)));
    return errs;
  },
  ephemeral: (v, p) => (v.ephemeral?.volumeClaimTemplate ? [] : [required(p.child('volumeClaimTemplate'))]),
};

function validateVolumeSource(volume: Volume, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const [key, forbiddenName] of SOURCES) {
    if (volume[key] === undefined || volume[key] === null) continue;
    if (count > 0) {
      errs.push(forbidden(path.child(forbiddenName), 'may not specify more than 1 volume type'));
      continue;
    }
    count++;
    errs.push(...(sourceChecks[key]?.(volume, path.child(key)) ?? []));
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

/**
 * Validates the volume list and returns the volumes that passed, by name: containers
 * may mount only those (a broken volume also makes its mounts "Not found").
 */
export function validateVolumes(volumes: readonly Volume[] | undefined, path: FieldPath): { volumes: Map<string, Volume>; errors: FieldError[] } {
  const good = new Map<string, Volume>();
  const errors: FieldError[] = [];
  (volumes ?? []).forEach((vol, i) => {
    const at = path.index(i);
    const namePath = at.child('name');
    const errs = validateVolumeSource(vol, at);
    if (!vol.name) errs.push(required(namePath));
    else errs.push(...isDNS1123Label(vol.name).map((m) => invalid(namePath, vol.name, m)));
    if (good.has(vol.name)) errs.push(duplicate(namePath, vol.name));
    if (errs.length === 0) good.set(vol.name, vol);
    else errors.push(...errs);
  });
  return { volumes: good, errors };
}
