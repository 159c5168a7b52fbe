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

/** A container's volumeMounts, appended to errs; `container` is the container's path. */
export function validateVolumeMounts(ctr: Container, volumes: ReadonlyMap<string, Volume>, containerPath: FieldPath, errs: FieldError[]): void {
  const mounts = ctr.volumeMounts ?? [];
  if (mounts.length === 0) return;
  const path = containerPath.child('volumeMounts');
  const mountPoints = new Set<string>();
  // Block devices by name, and their paths, for the (few) containers that have any.
  const devices = ctr.volumeDevices?.length ? new Map(ctr.volumeDevices.map((d) => [d.name, d.devicePath])) : undefined;
  const devicePaths = devices && new Set(devices.values());
  // An entry's path is built only when it has something to report.
  for (let i = 0; i < mounts.length; i++) {
    const mnt = mounts[i];
    if (!mnt.name) errs.push(required(path.index(i).child('name')));
    if (!volumes.has(mnt.name)) errs.push(notFound(path.index(i).child('name'), mnt.name ?? ''));
    if (!mnt.mountPath) errs.push(required(path.index(i).child('mountPath')));
    if (mountPoints.has(mnt.mountPath)) errs.push(invalid(path.index(i).child('mountPath'), mnt.mountPath, 'must be unique'));
    mountPoints.add(mnt.mountPath);
    if (devices?.has(mnt.name)) errs.push(invalid(path.index(i).child('name'), mnt.name, 'must not already exist in volumeDevices'));
    if (devicePaths?.has(mnt.mountPath)) errs.push(invalid(path.index(i).child('mountPath'), mnt.mountPath, 'must not already exist as a path in volumeDevices'));
    // Sub-path rules all start from a sub-path being set.
    if (mnt.subPath || mnt.subPathExpr) errs.push(...validateSubPaths(mnt, volumes.get(mnt.name), path.index(i), path));
    if (mnt.mountPropagation !== undefined && mnt.mountPropagation !== null) {
      errs.push(...validatePropagation(mnt, ctr, path.child('mountPropagation')));
    }
    const rro = mnt.recursiveReadOnly;
    if (rro !== undefined && rro !== null && rro !== 'Disabled') errs.push(...validateRecursiveReadOnly(mnt, path.child('recursiveReadOnly')));
  }
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
