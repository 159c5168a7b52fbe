// A PodSpec, as embedded in a Pod or in a workload's pod template.
// Kubernetes twin: pkg/apis/core/validation/validation.go (ValidatePodSpec and the small
// field validators it calls: restartPolicy, dnsPolicy, dnsConfig, hostAliases, gates, ...).
import { duplicate, forbidden, invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import type { PodSpec } from '../types/pod.js';
import { inclusiveRangeError, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidIP, nameIsDNSSubdomain } from './names.js';
import { validateLabels } from './object-meta.js';
import { validateAffinity, validateTopologySpreadConstraints } from './pod-affinity.js';
import { validateContainers, validateEphemeralContainers, validateInitContainers, type ContainerContext } from './pod-containers.js';
import { validateResourceRequirements } from './pod-resources.js';
import { validatePodSecurityContext } from './pod-security.js';
import { validateTolerations } from './pod-tolerations.js';
import { validateVolumes } from './pod-volumes.js';

export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
export const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
const MAX_INT32 = 2147483647;

/** An enum field at `parent.<name>`: empty means Required, unknown lists the choices; the path is built on error. */
function checkEnumField(value: string | undefined, allowed: readonly string[], parent: FieldPath, name: string, errs: FieldError[]): void {
  if (!value) errs.push(required(parent.child(name)));
  else if (!allowed.includes(value)) errs.push(notSupported(parent.child(name), value, allowed));
}

/** Mirrors resolv.conf limits: 3 nameservers, 32 search domains, 2048 characters. */
function validateDNSConfig(spec: PodSpec, path: FieldPath): FieldError[] {
  const cfg = spec.dnsConfig;
  if (spec.dnsPolicy === 'None') {
    if (!cfg) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (!cfg.nameservers?.length) return [required(path.child('nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
  }
  if (!cfg) return [];
  const errs: FieldError[] = [];
  const ns = cfg.nameservers ?? [];
  const searches = cfg.searches ?? [];
  if (ns.length > 3) errs.push(invalid(path.child('nameservers'), ns, 'must not have more than 3 nameservers'));
  ns.forEach((ip, i) => errs.push(...isValidIP(ip).map((m) => invalid(path.child('nameservers').index(i), ip, m))));
  if (searches.length > 32) errs.push(invalid(path.child('searches'), searches, 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) {
    errs.push(invalid(path.child('searches'), searches, 'must not have more than 2048 characters (including spaces) in the search list'));
  }
  searches.forEach((s, i) => {
    const name = s.endsWith('.') ? s.slice(0, -1) : s;
    errs.push(...isDNS1123Subdomain(name).map((m) => invalid(path.child('searches').index(i), name, m)));
  });
  (cfg.options ?? []).forEach((o, i) => {
    if (!o.name) errs.push(required(path.child('options').index(i), 'must not be empty'));
  });
  return errs;
}

function validateGates(spec: PodSpec, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (spec.readinessGates ?? []).forEach((g, i) => {
    const at = path.child('readinessGates').index(i).child('conditionType');
    errs.push(...isQualifiedName(g.conditionType ?? '').map((m) => invalid(at, g.conditionType, m)));
  });
  const seen = new Set<string>();
  (spec.schedulingGates ?? []).forEach((g, i) => {
    const at = path.child('schedulingGates').index(i);
    errs.push(...isQualifiedName(g.name ?? '').map((m) => invalid(at, g.name, m)));
    if (seen.has(g.name)) errs.push(duplicate(at, g.name));
    seen.add(g.name);
  });
  return errs;
}

function validateHostNetworkPorts(spec: PodSpec, path: FieldPath, isPod: boolean): FieldError[] {
  if (!spec.hostNetwork) return [];
  const errs: FieldError[] = [];
  // A host-network container port is a host port; in a template 0 is fine (defaulted on the pod).
  (spec.containers ?? []).forEach((c, i) =>
    (c.ports ?? []).forEach((p, j) => {
      const hp = p.hostPort ?? 0;
      if ((isPod || hp !== 0) && hp !== p.containerPort) {
        errs.push(invalid(path.child('containers').index(i).child('ports').index(j).child('hostPort'), hp, 'must match `containerPort` when `hostNetwork` is true'));
      }
    }),
  );
  return errs;
}

/** An optional object name at `parent.<name>`; the path is built only for an error. */
function checkObjectName(value: string | undefined, parent: FieldPath, name: string, errs: FieldError[]): void {
  if (!value) return;
  for (const m of nameIsDNSSubdomain(value, false)) errs.push(invalid(parent.child(name), value, m));
}

/** An optional DNS-1123 label at `parent.<name>`; the path is built only for an error. */
function checkDNSLabel(value: string | undefined, parent: FieldPath, name: string, errs: FieldError[]): void {
  if (!value) return;
  for (const m of isDNS1123Label(value)) errs.push(invalid(parent.child(name), value, m));
}

function validateImagePullSecrets(spec: PodSpec, path: FieldPath): FieldError[] {
  return (spec.imagePullSecrets ?? []).flatMap((s, i) =>
    Object.keys(s).some((k) => k !== 'name') ? [invalid(path.index(i), s, 'only name may be set')] : [],
  );
}

function validateHostUsers(spec: PodSpec, path: FieldPath): FieldError[] {
  if (spec.hostUsers !== false) return [];
  const errs: FieldError[] = [];
  const detail = 'when `pod.Spec.HostUsers` is false';
  if (spec.hostNetwork) errs.push(forbidden(path.child('hostNetwork'), detail));
  if (spec.hostPID) errs.push(forbidden(path.child('HostPID'), detail));
  if (spec.hostIPC) errs.push(forbidden(path.child('HostIPC'), detail));
  return errs;
}

/** serviceAccountName .. subdomain, in Kubernetes' order. */
function validateIdentity(spec: PodSpec, path: FieldPath, errs: FieldError[]): void {
  checkObjectName(spec.serviceAccountName, path, 'serviceAccountName', errs);
  checkObjectName(spec.nodeName, path, 'nodeName', errs);
  const ads = spec.activeDeadlineSeconds;
  if (ads !== undefined && ads !== null && (ads < 1 || ads > MAX_INT32)) {
    errs.push(invalid(path.child('activeDeadlineSeconds'), ads, inclusiveRangeError(1, MAX_INT32)));
  }
  checkDNSLabel(spec.hostname, path, 'hostname', errs);
  checkDNSLabel(spec.subdomain, path, 'subdomain', errs);
}

function validateHostAliases(spec: PodSpec, path: FieldPath): FieldError[] {
  return (spec.hostAliases ?? []).flatMap((a, i) => [
    ...isValidIP(a.ip ?? '').map((m) => invalid(path.index(i).child('ip'), a.ip, m)),
    ...(a.hostnames ?? []).flatMap((h, j) => isDNS1123Subdomain(h).map((m) => invalid(path.index(i).child('hostnames').index(j), h, m))),
  ]);
}

/** priorityClassName .. os, the tail of ValidatePodSpec. */
function validateRuntime(spec: PodSpec, path: FieldPath, errs: FieldError[]): void {
  checkObjectName(spec.priorityClassName, path, 'priorityClassName', errs);
  const runtimeClass = spec.runtimeClassName;
  if (runtimeClass !== undefined && runtimeClass !== null) {
    for (const m of nameIsDNSSubdomain(runtimeClass, false)) errs.push(invalid(path.child('runtimeClassName'), runtimeClass, m));
  }
  if (spec.preemptionPolicy !== undefined && spec.preemptionPolicy !== null) {
    checkEnumField(spec.preemptionPolicy, PREEMPTION_POLICIES, path, 'preemptionPolicy', errs);
  }
  if (spec.overhead) errs.push(...validateResourceRequirements({ limits: spec.overhead }, path.child('overhead')));
  if (spec.os) {
    if (!spec.os.name) errs.push(required(path.child('os').child('name')));
    else if (spec.os.name !== 'linux' && spec.os.name !== 'windows') errs.push(notSupported(path.child('os').child('name'), spec.os.name, ['linux', 'windows']));
  }
}

export interface PodSpecOptions {
  /** True for a Pod itself, false for a template inside a workload. */
  isPod?: boolean;
}

/** ValidatePodSpec: every rule a spec obeys whether it is a pod's or a template's. */
export function validatePodSpec(spec: PodSpec, path: FieldPath, opts: PodSpecOptions = {}): FieldError[] {
  // Each check below is in Kubernetes' order. Child paths are built only for a field that is
  // present or has an error: a check of an absent list or map has nothing to report.
  const errs: FieldError[] = [];
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) {
    errs.push(required(path.child('terminationGracePeriodSeconds')));
  }
  const vols = validateVolumes(spec.volumes, path);
  for (const e of vols.errors) errs.push(e);
  const ctx: ContainerContext = {
    volumes: vols.volumes,
    gracePeriod: spec.terminationGracePeriodSeconds ?? undefined,
    restartPolicy: spec.restartPolicy,
    hostUsers: spec.hostUsers !== false,
  };
  validateContainers(spec.containers, ctx, path, errs);
  if (spec.initContainers) validateInitContainers(spec.initContainers, spec.containers, ctx, path, errs);
  if (spec.ephemeralContainers?.length) {
    errs.push(...validateEphemeralContainers(spec.ephemeralContainers, spec.containers, spec.initContainers, ctx, path.child('ephemeralContainers')));
  }
  if (spec.hostNetwork) errs.push(...validateHostNetworkPorts(spec, path, opts.isPod ?? false));
  checkEnumField(spec.restartPolicy, RESTART_POLICIES, path, 'restartPolicy', errs);
  checkEnumField(spec.dnsPolicy, DNS_POLICIES, path, 'dnsPolicy', errs);
  if (spec.nodeSelector) errs.push(...validateLabels(spec.nodeSelector, path.child('nodeSelector')));
  if (spec.securityContext) validatePodSecurityContext(spec, path, errs);
  if (spec.imagePullSecrets) errs.push(...validateImagePullSecrets(spec, path.child('imagePullSecrets')));
  if (spec.affinity) errs.push(...validateAffinity(spec.affinity, path.child('affinity')));
  if (spec.dnsConfig || spec.dnsPolicy === 'None') errs.push(...validateDNSConfig(spec, path.child('dnsConfig')));
  if (spec.readinessGates || spec.schedulingGates) errs.push(...validateGates(spec, path));
  if (spec.topologySpreadConstraints) errs.push(...validateTopologySpreadConstraints(spec.topologySpreadConstraints, path.child('topologySpreadConstraints')));
  if (spec.hostUsers === false) errs.push(...validateHostUsers(spec, path));
  validateIdentity(spec, path, errs);
  if (spec.tolerations) errs.push(...validateTolerations(spec.tolerations, path.child('tolerations')));
  if (spec.hostAliases) errs.push(...validateHostAliases(spec, path.child('hostAliases')));
  validateRuntime(spec, path, errs);
  return errs;
}
