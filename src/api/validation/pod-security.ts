// Pod-level and container-level security contexts: ids in range, enum values, contradictions.
// Kubernetes twin: pkg/apis/core/validation/validation.go (validatePodSpecSecurityContext,
// ValidateSecurityContext, validateSeccompProfileField, validateSysctls).
import { duplicate, invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import type { PodSecurityContext, PodSpec, SeccompProfile, SecurityContext } from '../types/pod.js';
import { inclusiveRangeError } from './names.js';
import { validateLocalDescendingPath } from './pod-volumes.js';

const MAX_ID = 2147483647;
const SYSCTL_MAX = 253;
const SYSCTL_SEGMENT = '[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const SYSCTL_FMT = `(${SYSCTL_SEGMENT}[\\./])*${SYSCTL_SEGMENT}`;
const sysctlName = new RegExp(`^${SYSCTL_FMT}$`);

const idOk = (id: number | undefined): boolean => id === undefined || id === null || (id >= 0 && id <= MAX_ID);

/** User and group ids are 0..2^31-1 (IsValidUserID / IsValidGroupID). */
const validateId = (id: number | undefined, path: FieldPath): FieldError[] => (idOk(id) ? [] : [invalid(path, id, inclusiveRangeError(0, MAX_ID))]);

/** An id at `parent.<name>`, appended to errs; the path is built only for an error. */
function checkId(id: number | undefined, parent: FieldPath, name: string, errs: FieldError[]): void {
  if (!idOk(id)) errs.push(invalid(parent.child(name), id, inclusiveRangeError(0, MAX_ID)));
}

export function validateSeccompProfile(sp: SeccompProfile | undefined, path: FieldPath): FieldError[] {
  if (!sp) return [];
  const errs: FieldError[] = [];
  const types = ['Localhost', 'RuntimeDefault', 'Unconfined'];
  if (!sp.type) errs.push(required(path.child('type'), 'type is required when seccompProfile is set'));
  else if (!types.includes(sp.type)) errs.push(notSupported(path.child('type'), sp.type, types));
  if (sp.type === 'Localhost') {
    if (sp.localhostProfile === undefined || sp.localhostProfile === null) {
      errs.push(required(path.child('localhostProfile'), 'must be set when seccomp type is Localhost'));
    } else errs.push(...validateLocalDescendingPath(sp.localhostProfile, path.child('localhostProfile')));
  } else if (sp.localhostProfile !== undefined && sp.localhostProfile !== null) {
    errs.push(invalid(path.child('localhostProfile'), sp, 'can only be set when seccomp type is Localhost'));
  }
  return errs;
}

function validateSysctls(sc: PodSecurityContext, spec: PodSpec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (sc.sysctls ?? []).forEach((s, i) => {
    const at = path.index(i).child('name');
    if (!s.name) errs.push(required(at));
    else if (s.name.length > SYSCTL_MAX || !sysctlName.test(s.name)) {
      errs.push(invalid(at, s.name, `must have at most ${SYSCTL_MAX} characters and match regex ^${SYSCTL_FMT}$`));
    } else if (names.has(s.name)) errs.push(duplicate(at, s.name));
    // Namespaced sysctls make no sense when the namespace is the host's.
    if (spec.hostNetwork && /^net[./]/.test(s.name)) errs.push(invalid(at, s.name, "may not be specified when 'hostNetwork' is true"));
    if (spec.hostIPC && (/^kernel[./](shm|msg|sem)/.test(s.name) || /^fs[./]mqueue[./]/.test(s.name))) {
      errs.push(invalid(at, s.name, "may not be specified when 'hostIPC' is true"));
    }
    names.add(s.name);
  });
  return errs;
}

/** spec.securityContext, appended to errs; `spec` is the pod spec's path. */
export function validatePodSecurityContext(spec: PodSpec, specPath: FieldPath, errs: FieldError[]): void {
  const sc = spec.securityContext;
  if (!sc) return;
  const path = specPath.child('securityContext');
  checkId(sc.fsGroup, path, 'fsGroup', errs);
  checkId(sc.runAsUser, path, 'runAsUser', errs);
  checkId(sc.runAsGroup, path, 'runAsGroup', errs);
  (sc.supplementalGroups ?? []).forEach((gid, i) => errs.push(...validateId(gid, path.child('supplementalGroups').index(i))));
  if (sc.sysctls?.length) errs.push(...validateSysctls(sc, spec, path.child('sysctls')));
  if (spec.shareProcessNamespace && spec.hostPID) {
    errs.push(invalid(path.child('shareProcessNamespace'), true, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  }
  const policy = sc.fsGroupChangePolicy;
  if (policy !== undefined && policy !== null && policy !== 'Always' && policy !== 'OnRootMismatch') {
    errs.push(notSupported(path.child('fsGroupChangePolicy'), policy, ['Always', 'OnRootMismatch']));
  }
  if (sc.seccompProfile) errs.push(...validateSeccompProfile(sc.seccompProfile, path.child('seccompProfile')));
}

export function validateContainerSecurityContext(sc: SecurityContext | undefined, hostUsers: boolean, path: FieldPath): FieldError[] {
  if (!sc) return [];
  const errs: FieldError[] = [];
  checkId(sc.runAsUser, path, 'runAsUser', errs);
  checkId(sc.runAsGroup, path, 'runAsGroup', errs);
  if (sc.procMount !== undefined && sc.procMount !== null) {
    if (sc.procMount !== 'Default' && sc.procMount !== 'Unmasked') errs.push(notSupported(path.child('procMount'), sc.procMount, ['Default', 'Unmasked']));
    if (hostUsers && sc.procMount === 'Unmasked') {
      errs.push({ type: 'FieldValueForbidden', field: path.child('procMount').text, detail: '`hostUsers` must be false to use `Unmasked`' });
    }
  }
  if (sc.seccompProfile) errs.push(...validateSeccompProfile(sc.seccompProfile, path.child('seccompProfile')));
  if (sc.allowPrivilegeEscalation === false) {
    if (sc.privileged === true) errs.push(invalid(path, sc, 'cannot set `allowPrivilegeEscalation` to false and `privileged` to true'));
    if (sc.capabilities?.add?.includes('CAP_SYS_ADMIN')) {
      errs.push(invalid(path, sc, 'cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN'));
    }
  }
  return errs;
}
