// What may change in a running pod's spec (almost nothing) and in its status.
// Kubernetes twin: pkg/apis/core/validation/validation.go (ValidatePodUpdate,
// ValidateContainerUpdates, ValidatePodStatusUpdate, ValidateContainerStateTransition).
import { FieldPath, forbidden, invalid, required, type FieldError } from '../field-errors.js';
import type { Container, ContainerStatus, Pod, PodSpec } from '../types/pod.js';
import { inclusiveRangeError, isQualifiedName, isValidIP, ipFamilyOf, nameIsDNSSubdomain } from './names.js';
import { validateImmutableField, validateObjectMetaUpdate } from './object-meta.js';
import { semanticEqual, specDiff } from './pod-spec-diff.js';
import { validateOnlyAddedTolerations } from './pod-tolerations.js';

const MAX_INT32 = 2147483647;

/** The fields a user may change on an existing pod, as kube lists them in the error. */
export const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function validateContainerUpdates(next: readonly Container[] | undefined, prev: readonly Container[] | undefined, path: FieldPath): { errs: FieldError[]; stop: boolean } {
  if ((next?.length ?? 0) !== (prev?.length ?? 0)) return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  (next ?? []).forEach((c, i) => {
    const image = c.image ?? '';
    if (!image) errs.push(required(path.index(i).child('image')));
    if (image.trim().length !== image.length) errs.push(invalid(path.index(i).child('image'), image, 'must not have leading or trailing whitespace'));
  });
  return { errs, stop: false };
}

/** activeDeadlineSeconds may be set, or lowered, never raised or removed. */
function validateDeadlineUpdate(next: PodSpec, prev: PodSpec, path: FieldPath): FieldError[] {
  const now = next.activeDeadlineSeconds;
  const was = prev.activeDeadlineSeconds;
  if (now !== undefined && now !== null) {
    if (now < 0 || now > MAX_INT32) return [invalid(path, now, inclusiveRangeError(0, MAX_INT32))];
    if (was !== undefined && was !== null && was < now) return [invalid(path, now, 'must be less than or equal to previous value')];
    return [];
  }
  return was !== undefined && was !== null ? [invalid(path, null, 'must not update from a positive integer to nil value')] : [];
}

/** Scheduling gates can only be removed; a gate that appears is named in the error. */
function validateOnlyDeletedGates(next: PodSpec, prev: PodSpec, path: FieldPath): FieldError[] {
  const old = new Set((prev.schedulingGates ?? []).map((g) => g.name));
  return (next.schedulingGates ?? []).flatMap((g, i) =>
    old.has(g.name) ? [] : [forbidden(path.index(i).child('name'), `only deletion is allowed, but found new scheduling gate '${g.name}'`)],
  );
}

/** The new spec with every field that may legally change put back to its old value. */
function mungeSpec(next: PodSpec, prev: PodSpec, path: FieldPath, errs: FieldError[]): PodSpec {
  const munged: PodSpec = structuredClone(next);
  munged.containers = (munged.containers ?? []).map((c, i) => ({ ...c, image: prev.containers[i]?.image }));
  if (munged.initContainers) munged.initContainers = munged.initContainers.map((c, i) => ({ ...c, image: prev.initContainers?.[i]?.image }));
  munged.activeDeadlineSeconds = prev.activeDeadlineSeconds;
  munged.schedulingGates = prev.schedulingGates;
  munged.tolerations = prev.tolerations;
  const oldGrace = prev.terminationGracePeriodSeconds;
  // A negative grace period (left by old clients) may be corrected to 1.
  if (oldGrace !== undefined && oldGrace !== null && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  // A pod still held by scheduling gates may gain nodeSelector entries (not change or lose them).
  if (prev.schedulingGates?.length && !semanticEqual(munged.nodeSelector, prev.nodeSelector)) {
    const changed = Object.entries(prev.nodeSelector ?? {}).some(([k, v]) => munged.nodeSelector?.[k] !== v);
    if (changed) errs.push(invalid(path.child('nodeSelector'), munged.nodeSelector ?? {}, 'only additions to spec.nodeSelector are allowed (no mutations or deletions)'));
    munged.nodeSelector = prev.nodeSelector;
  }
  return munged;
}

/** The spec part of ValidatePodUpdate (metadata and the full re-validation are in pod.ts). */
export function validatePodSpecUpdate(next: PodSpec, prev: PodSpec): FieldError[] {
  const specPath = FieldPath.root('spec');
  const containers = validateContainerUpdates(next.containers, prev.containers, specPath.child('containers'));
  if (containers.stop) return containers.errs;
  const inits = validateContainerUpdates(next.initContainers, prev.initContainers, specPath.child('initContainers'));
  const errs = [...containers.errs, ...inits.errs];
  if (inits.stop) return errs;
  const deadline = validateDeadlineUpdate(next, prev, specPath.child('activeDeadlineSeconds'));
  errs.push(...deadline);
  if (deadline.length && next.activeDeadlineSeconds !== undefined && next.activeDeadlineSeconds !== null) return errs;
  errs.push(...validateOnlyAddedTolerations(next.tolerations, prev.tolerations, specPath.child('tolerations')));
  errs.push(...validateOnlyDeletedGates(next, prev, specPath.child('schedulingGates')));
  if (semanticEqual(next, prev)) return errs;
  const munged = mungeSpec(next, prev, specPath, errs);
  if (!semanticEqual(munged, prev)) {
    const detail = `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}\n${specDiff(prev, munged)}`;
    errs.push(forbidden(specPath, detail));
  }
  return errs;
}

const SYSTEM_CONDITIONS = new Set(['PodScheduled', 'Ready', 'Initialized']);

/** Restart policy decides whether a terminated container may come back. */
function validateStateTransitions(next: readonly ContainerStatus[] | undefined, prev: readonly ContainerStatus[] | undefined, restart: (s: ContainerStatus) => boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (prev ?? []).forEach((old, i) => {
    if (!old.state?.terminated || restart(old)) return;
    for (const cur of next ?? []) {
      if (cur.name === old.name && !cur.state?.terminated) errs.push(forbidden(path.index(i).child('state'), 'may not be transitioned to non-terminated state'));
    }
  });
  return errs;
}

function validateIPs(list: readonly { ip: string }[] | undefined, path: FieldPath): FieldError[] {
  const ips = (list ?? []).map((p) => p.ip);
  const errs = ips.flatMap((ip, i) => isValidIP(ip).map((m) => invalid(path.index(i), ip, m)));
  if (ips.length > 1) {
    const families = new Set(ips.map(ipFamilyOf));
    if (families.size !== ips.length || ips.length > 2) errs.push(invalid(path, list, 'may specify no more than one IP for each IP family'));
  }
  return errs;
}

export function validatePodStatusUpdate(next: Pod, prev: Pod): FieldError[] {
  const meta = FieldPath.root('metadata');
  const errs = validateObjectMetaUpdate(next.metadata, prev.metadata, meta);
  const status = next.status ?? {};
  const old = prev.status ?? {};
  (status.conditions ?? []).forEach((c, i) => {
    // Kubernetes really does report these under metadata.conditions[i].Type.
    if (!SYSTEM_CONDITIONS.has(c.type)) errs.push(...isQualifiedName(c.type ?? '').map((m) => invalid(meta.child('conditions').index(i).child('Type'), c.type, m)));
  });
  const sp = FieldPath.root('status');
  if ((next.spec?.nodeName ?? '') !== (prev.spec?.nodeName ?? '')) errs.push(forbidden(sp.child('nodeName'), 'may not be changed directly'));
  const nominated = status.nominatedNodeName;
  if (nominated && nominated !== old.nominatedNodeName) errs.push(...nameIsDNSSubdomain(nominated, false).map((m) => invalid(sp.child('nominatedNodeName'), nominated, m)));
  errs.push(...validateImmutableField(status.qosClass ?? '', old.qosClass ?? '', sp.child('qosClass')));
  const policy = prev.spec?.restartPolicy;
  const failedMayRestart = (s: ContainerStatus): boolean => policy === 'Always' || (policy === 'OnFailure' && s.state?.terminated?.exitCode !== 0);
  const sidecars = new Set((prev.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  errs.push(...validateStateTransitions(status.containerStatuses, old.containerStatuses, failedMayRestart, sp.child('containerStatuses')));
  errs.push(...validateStateTransitions(status.initContainerStatuses, old.initContainerStatuses, (s) => failedMayRestart(s) || sidecars.has(s.name), sp.child('initContainerStatuses')));
  errs.push(...validateStateTransitions(status.ephemeralContainerStatuses, old.ephemeralContainerStatuses, () => false, sp.child('ephemeralContainerStatuses')));
  errs.push(...validateIPs(status.podIPs, sp.child('podIPs')));
  if (status.hostIPs?.length) {
    if (status.hostIP !== status.hostIPs[0].ip) errs.push(invalid(sp.child('hostIPs').index(0).child('ip'), status.hostIPs[0].ip, 'must be equal to `hostIP`'));
    errs.push(...validateIPs(status.hostIPs, sp.child('hostIPs')));
  }
  return errs;
}
