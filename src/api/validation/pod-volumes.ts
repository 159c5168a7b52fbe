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

/** Whether one "/"-separated element is "..", as target.split('/').includes('..') without the split. */
function hasBackstep(target: string): boolean {
  return target === '..' || target.startsWith('../') || target.endsWith('/..') || target.includes('/../');
}

/** No ".." element: a path may not climb out of where it is rooted. */
export function validatePathNoBacksteps(target: string, path: FieldPath): FieldError[] {
  return hasBackstep(target) ? [invalid(path, target, "must not contain '..'")] : [];
}

export function validateLocalDescendingPath(target: string, path: FieldPath): FieldError[] {
  const errs = target.startsWith('/') ? [invalid(path, target, 'must be a relative path')] : [];
  return [...errs, ...validatePathNoBacksteps(target, path)];
}

/** True exactly when validateLocalNonReservedPath has nothing to say: relative, no "..", no leading "..". */
const localNonReservedPathOk = (target: string): boolean => !target.startsWith('/') && !target.startsWith('..') && !hasBackstep(target);

function validateLocalNonReservedPath(target: string, path: FieldPath): FieldError[] {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../')) errs.push(invalid(path, target, "must not start with '..'"));
  return errs;
}

const modeOutOfRange = (mode: number | undefined): boolean => mode !== undefined && mode !== null && (mode > 0o777 || mode < 0);

/** A file mode at `parent.<name>`, appended to errs; the path is built only for an error. */
function checkMode(mode: number | undefined, parent: FieldPath, name: string, errs: FieldError[]): void {
  if (modeOutOfRange(mode)) errs.push(invalid(parent.child(name), mode, FILE_MODE_ERROR));
}

/** One items[] entry of a secret or config map, appended to errs; `items` is the list's path. */
function validateKeyToPath(kp: KeyToPath, items: FieldPath, i: number, errs: FieldError[]): void {
  if (!kp.key) errs.push(required(items.index(i).child('key')));
  if (!kp.path) errs.push(required(items.index(i).child('path')));
  const target = kp.path ?? '';
  if (!localNonReservedPathOk(target)) errs.push(...validateLocalNonReservedPath(target, items.index(i).child('path')));
  checkMode(kp.mode, items.index(i), 'mode', errs);
}

/** A secret's or config map's items, appended to errs; `source` is the source's path. */
function validateItems(items: readonly KeyToPath[] | undefined, source: FieldPath, errs: FieldError[]): void {
  if (!items?.length) return;
  const list = source.child('items');
  for (let i = 0; i < items.length; i++) validateKeyToPath(items[i], list, i, errs);
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
  checkMode(file.mode, path, 'mode', errs);
  return errs;
}

const KEY_TO_PATH_PROJECTIONS = ['secret', 'configMap'] as const;

/**
 * sources[i] of a projected volume, appended to errs. `whole` is the projected volume's path,
 * where kube reports path conflicts and the token's path; `paths` holds the paths claimed so far.
 */
function validateProjection(source: VolumeProjection, sources: FieldPath, i: number, whole: FieldPath, paths: Set<string>, errs: FieldError[]): void {
  const claim = (p: string, bad: unknown): void => {
    if (paths.has(p)) errs.push(invalid(whole, bad, 'conflicting duplicate paths'));
    paths.add(p);
  };
  let count = 0;
  for (const kind of KEY_TO_PATH_PROJECTIONS) {
    const src = source[kind];
    if (!src) continue;
    count++;
    if (!src.name) errs.push(required(sources.index(i).child(kind).child('name')));
    const items = src.items;
    if (!items?.length) continue;
    const list = sources.index(i).child(kind).child('items');
    for (let j = 0; j < items.length; j++) {
      validateKeyToPath(items[j], list, j, errs);
      if (items[j].path) claim(items[j].path, src.name ?? '');
    }
  }
  if (source.downwardAPI) {
    count++;
    for (const file of source.downwardAPI.items ?? []) {
      errs.push(...validateDownwardAPIFile(file, sources.index(i).child('downwardAPI')));
      if (file.path) claim(file.path, file.path);
    }
  }
  const token = source.serviceAccountToken;
  if (token) {
    count++;
    const exp = token.expirationSeconds ?? 0;
    if (exp < 600) errs.push(invalid(sources.index(i).child('serviceAccountToken').child('expirationSeconds'), exp, 'may not specify a duration less than 10 minutes'));
    if (exp > 2 ** 32) errs.push(invalid(sources.index(i).child('serviceAccountToken').child('expirationSeconds'), exp, 'may not specify a duration larger than 2^32 seconds'));
    if (!token.path) errs.push(required(whole.child('path')));
    else if (!localNonReservedPathOk(token.path)) errs.push(...validateLocalNonReservedPath(token.path, whole.child('path')));
  }
  if (source.clusterTrustBundle) count++;
  if (count > 1) errs.push(forbidden(sources.index(i), 'may not specify more than 1 volume type per source'));
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
    const errs = hasBackstep(hp.path) ? validatePathNoBacksteps(hp.path, p.child('path')) : [];
    if (hp.type !== undefined && hp.type !== null && !HOST_PATH_TYPES.includes(hp.type)) errs.push(notSupported(p.child('type'), hp.type, HOST_PATH_TYPES));
    return errs;
  },
  secret: (v, p) => {
    const s = v.secret!;
    const errs = s.secretName ? [] : [required(p.child('secretName'))];
    checkMode(s.defaultMode, p, 'defaultMode', errs);
    validateItems(s.items, p, errs);
    return errs;
  },
  configMap: (v, p) => {
    const c = v.configMap!;
    const errs = c.name ? [] : [required(p.child('name'))];
    checkMode(c.defaultMode, p, 'defaultMode', errs);
    validateItems(c.items, p, errs);
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
    const errs: FieldError[] = [];
    checkMode(d.defaultMode, p, 'defaultMode', errs);
    for (const file of d.items ?? []) errs.push(...validateDownwardAPIFile(file, p));
    return errs;
  },
  projected: (v, p) => {
    const pr = v.projected!;
    const errs: FieldError[] = [];
    checkMode(pr.defaultMode, p, 'defaultMode', errs);
    const sources = pr.sources ?? [];
    if (sources.length === 0) return errs;
    const list = p.child('sources');
    const paths = new Set<string>();
    for (let i = 0; i < sources.length; i++) validateProjection(sources[i], list, i, p, paths, errs);
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

/** The source field names, to tell a volume's source from its name. */
const SOURCE_KEYS = new Set(VOLUME_SOURCE_KEYS);

function validateVolumeSource(volume: Volume, path: FieldPath): FieldError[] {
  // The usual volume has its name and one source: find that source among the volume's own few
  // keys instead of probing all thirty, and check it just as the loop below would.
  let only: string | undefined;
  let present = 0;
  for (const key in volume) {
    if (SOURCE_KEYS.has(key) && volume[key] !== undefined && volume[key] !== null) {
      present++;
      only = key;
    }
  }
  if (present === 1 && only !== undefined) return sourceChecks[only]?.(volume, path.child(only)) ?? [];
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
 * may mount only those (a broken volume also makes its mounts "Not found"). `spec` is the
 * pod spec's path.
 */
export function validateVolumes(volumes: readonly Volume[] | undefined, spec: FieldPath): { volumes: Map<string, Volume>; errors: FieldError[] } {
  const good = new Map<string, Volume>();
  const errors: FieldError[] = [];
  if (!volumes?.length) return { volumes: good, errors };
  const path = spec.child('volumes');
  for (let i = 0; i < volumes.length; i++) {
    const vol = volumes[i];
    const at = path.index(i);
    const errs = validateVolumeSource(vol, at);
    if (!vol.name) errs.push(required(at.child('name')));
    else for (const m of isDNS1123Label(vol.name)) errs.push(invalid(at.child('name'), vol.name, m));
    if (good.has(vol.name)) errs.push(duplicate(at.child('name'), vol.name));
    if (errs.length === 0) good.set(vol.name, vol);
    else for (const e of errs) errors.push(e);
  }
  return { volumes: good, errors };
}
