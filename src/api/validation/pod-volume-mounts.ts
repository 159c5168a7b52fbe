// A container's volumeMounts and volumeDevices: they must name a pod volume and not collide.
// Kubernetes twin: pkg/apis/core/validation/validation.go (ValidateVolumeMounts,
// ValidateVolumeDevices, validateMountPropagation, validateMountRecursiveReadOnly).
import { forbidden, invalid, notFound, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import type { Container, Volume, VolumeMount } from '../types/pod.js';
import { validateLocalDescendingPath, validatePathNoBacksteps } from './pod-volumes.js';

const PROPAGATIONS = ['Bidirectional', 'HostToContainer', 'None'];
const RECURSIVE_READ_ONLY = ['Disabled', 'Enabled', 'IfPossible'];

function validatePropagation(mount: VolumeMount, container: Container, path: FieldPath): FieldError[] {
  const mode = mount.mountPropagation;
  if (mode === undefined || mode === null) return [];
  const errs = PROPAGATIONS.includes(mode) ? [] : [notSupported(path, mode, PROPAGATIONS)];
  if (mode === 'Bidirectional' && container.securityContext?.privileged !== true) {
    errs.push(forbidden(path, 'Bidirectional mount propagation is available only to privileged containers'));
  }
  return errs;
}

function validateRecursiveReadOnly(mount: VolumeMount, path: FieldPath): FieldError[] {
  const rro = mount.recursiveReadOnly;
  if (rro === undefined || rro === null || rro === 'Disabled') return [];
  if (!RECURSIVE_READ_ONLY.includes(rro)) return [notSupported(path, rro, RECURSIVE_READ_ONLY)];
  const errs: FieldError[] = [];
  if (!mount.readOnly) errs.push(forbidden(path, 'may only be specified when readOnly is true'));
  if (mount.mountPropagation && mount.mountPropagation !== 'None') {
    errs.push(forbidden(path, 'may only be specified when mountPropagation is None or not specified'));
  }
  return errs;
}

function validateSubPaths(mount: VolumeMount, volume: Volume | undefined, at: FieldPath, list: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (volume?.image) {
    if (mount.subPath) errs.push(invalid(at.child('subPath'), mount.subPath, 'not allowed in image volume sources'));
    if (mount.subPathExpr) errs.push(invalid(at.child('subPathExpr'), mount.subPathExpr, 'not allowed in image volume sources'));
  }
  // Kubernetes reports sub-path syntax on the list path ("volumeMounts.subPath"), not the entry.
  if (mount.subPath) errs.push(...validateLocalDescendingPath(mount.subPath, list.child('subPath')));
  if (mount.subPathExpr) {
    if (mount.subPath) errs.push(invalid(at.child('subPathExpr'), mount.subPathExpr, 'subPathExpr and subPath are mutually exclusive'));
    errs.push(...validateLocalDescendingPath(mount.subPathExpr, list.child('subPathExpr')));
  }
  return errs;
}

export function validateVolumeMounts(container: Container, volumes: ReadonlyMap<string, Volume>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const mountPoints = new Set<string>();
  const devices = new Map((container.volumeDevices ?? []).map((d) => [d.name, d.devicePath]));
  const devicePaths = new Set(devices.values());
  (container.volumeMounts ?? []).forEach((mnt, i) => {
    const at = path.index(i);
    if (!mnt.name) errs.push(required(at.child('name')));
    if (!volumes.has(mnt.name)) errs.push(notFound(at.child('name'), mnt.name ?? ''));
    if (!mnt.mountPath) errs.push(required(at.child('mountPath')));
    if (mountPoints.has(mnt.mountPath)) errs.push(invalid(at.child('mountPath'), mnt.mountPath, 'must be unique'));
    mountPoints.add(mnt.mountPath);
    if (devices.has(mnt.name)) errs.push(invalid(at.child('name'), mnt.name, 'must not already exist in volumeDevices'));
    if (devicePaths.has(mnt.mountPath)) errs.push(invalid(at.child('mountPath'), mnt.mountPath, 'must not already exist as a path in volumeDevices'));
    errs.push(...validateSubPaths(mnt, volumes.get(mnt.name), at, path));
    errs.push(...validatePropagation(mnt, container, path.child('mountPropagation')));
    errs.push(...validateRecursiveReadOnly(mnt, path.child('recursiveReadOnly')));
  });
  return errs;
}

/** Raw block devices come only from claims (a PVC or a generic ephemeral volume). */
export function validateVolumeDevices(container: Container, volumes: ReadonlyMap<string, Volume>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  const paths = new Set<string>();
  const mounts = new Map((container.volumeMounts ?? []).map((m) => [m.name, m.mountPath]));
  const mountPaths = new Set(mounts.values());
  (container.volumeDevices ?? []).forEach((dev, i) => {
    const at = path.index(i);
    const volume = volumes.get(dev.name);
    if (!dev.name) errs.push(required(at.child('name')));
    if (names.has(dev.name)) errs.push(invalid(at.child('name'), dev.name, 'must be unique'));
    if (volume && !volume.persistentVolumeClaim && !volume.ephemeral) {
      errs.push(invalid(at.child('name'), dev.name, 'can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode'));
    }
    if (!volume) errs.push(notFound(at.child('name'), dev.name ?? ''));
    if (!dev.devicePath) errs.push(required(at.child('devicePath')));
    if (paths.has(dev.devicePath)) errs.push(invalid(at.child('devicePath'), dev.devicePath, 'must be unique'));
    if (dev.devicePath && validatePathNoBacksteps(dev.devicePath, at).length) {
      errs.push(invalid(at.child('devicePath'), dev.devicePath, "can not contain backsteps ('..')"));
    } else paths.add(dev.devicePath);
    if (mounts.has(dev.name)) errs.push(invalid(at.child('name'), dev.name, 'must not already exist in volumeMounts'));
    if (mountPaths.has(dev.devicePath)) errs.push(invalid(at.child('devicePath'), dev.devicePath, 'must not already exist as a path in volumeMounts'));
    if (dev.name) names.add(dev.name);
  });
  return errs;
}
