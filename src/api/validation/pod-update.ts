// What may change in a running pod's spec (almost nothing) and in its status.
// Kubernetes twin: pkg/apis/core/validation/validation.go (ValidatePodUpdate,
// ValidateContainerUpdates, ValidatePodStatusUpdate, ValidateContainerStateTransition).
import { FieldPath, forbidden, invalid, required, type FieldError } from '../field-errors.js';
import type { Container, ContainerStatus, Pod, PodSpec } from '../types/pod.js';
import { inclusiveRangeError, isQualifiedName, isValidIP, ipFamilyOf, nameIsDNSSubdomain, qualifiedNameOk } from './names.js';
import { FIELD_IMMUTABLE, deepEqual, validateObjectMetaUpdate } from './object-meta.js';
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
const METADATA = FieldPath.root('metadata');
const STATUS = FieldPath.root('status');

/**
 * A terminated container may not come back unless `mayRestart` says so. `list` names the status
 * list under status; its path is built only for an error.
 */
function validateStateTransitions(
  next: readonly ContainerStatus[] | undefined,
  prev: readonly ContainerStatus[] | undefined,
  mayRestart: (s: ContainerStatus) => boolean,
  list: string,
  errs: FieldError[],
): void {
  if (!prev) return;
  for (let i = 0; i < prev.length; i++) {
    const old = prev[i];
    if (!old.state?.terminated || mayRestart(old)) continue;
    for (const cur of next ?? []) {
      if (cur.name === old.name && !cur.state?.terminated) errs.push(forbidden(STATUS.child(list).index(i).child('state'), 'may not be transitioned to non-terminated state'));
    }
  }
}

/** podIPs or hostIPs: valid addresses, at most one per family. `list` names the list under status. */
function validateIPs(ips: readonly { ip: string }[] | undefined, list: string, errs: FieldError[]): void {
  if (!ips?.length) return;
  for (let i = 0; i < ips.length; i++) {
    const ip = ips[i].ip;
    for (const m of isValidIP(ip)) errs.push(invalid(STATUS.child(list).index(i), ip, m));
  }
  if (ips.length > 1) {
    const families = new Set(ips.map((p) => ipFamilyOf(p.ip)));
    if (families.size !== ips.length || ips.length > 2) errs.push(invalid(STATUS.child(list), ips, 'may specify no more than one IP for each IP family'));
  }
}

export function validatePodStatusUpdate(next: Pod, prev: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, prev.metadata, METADATA);
  const status = next.status ?? {};
  const old = prev.status ?? {};
  const conditions = status.conditions ?? [];
  for (let i = 0; i < conditions.length; i++) {
    const type = conditions[i].type;
    if (SYSTEM_CONDITIONS.has(type) || qualifiedNameOk(type ?? '')) continue;
    // Kubernetes really does report these under metadata.conditions[i].Type.
    for (const m of isQualifiedName(type ?? '')) errs.push(invalid(METADATA.child('conditions').index(i).child('Type'), type, m));
  }
  if ((next.spec?.nodeName ?? '') !== (prev.spec?.nodeName ?? '')) errs.push(forbidden(STATUS.child('nodeName'), 'may not be changed directly'));
  const nominated = status.nominatedNodeName;
  if (nominated && nominated !== old.nominatedNodeName) {
    for (const m of nameIsDNSSubdomain(nominated, false)) errs.push(invalid(STATUS.child('nominatedNodeName'), nominated, m));
  }
  const qosClass = status.qosClass ?? '';
  if (!deepEqual(qosClass, old.qosClass ?? '')) errs.push(invalid(STATUS.child('qosClass'), qosClass, FIELD_IMMUTABLE));
  const policy = prev.spec?.restartPolicy;
  const failedMayRestart = (s: ContainerStatus): boolean => policy === 'Always' || (policy === 'OnFailure' && s.state?.terminated?.exitCode !== 0);
  validateStateTransitions(status.containerStatuses, old.containerStatuses, failedMayRestart, 'containerStatuses', errs);
  if (old.initContainerStatuses?.length) {
    const sidecars = new Set((prev.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
    validateStateTransitions(status.initContainerStatuses, old.initContainerStatuses, (s) => failedMayRestart(s) || sidecars.has(s.name), 'initContainerStatuses', errs);
  }
  validateStateTransitions(status.ephemeralContainerStatuses, old.ephemeralContainerStatuses, () => false, 'ephemeralContainerStatuses', errs);
  validateIPs(status.podIPs, 'podIPs', errs);
  if (status.hostIPs?.length) {
    if (status.hostIP !== status.hostIPs[0].ip) errs.push(invalid(STATUS.child('hostIPs').index(0).child('ip'), status.hostIPs[0].ip, 'must be equal to `hostIP`'));
    validateIPs(status.hostIPs, 'hostIPs', errs);
  }
  return errs;
}
