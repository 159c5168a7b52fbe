// Regular, init and ephemeral containers: names unique across all three lists, image,
// enums, and the per-kind rules (sidecars, ephemeral restrictions).
// Kubernetes twin: pkg/apis/core/validation/validation.go (validateContainers,
// validateInitContainers, validateEphemeralContainers, validateContainerCommon).
import { duplicate, forbidden, invalid, notFound, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import type { Container, EphemeralContainer, Volume } from '../types/pod.js';
import { isDNS1123Label } from './names.js';
import { validateEnv, validateEnvFrom } from './pod-env.js';
import { checkHostPortConflicts, validateContainerPorts } from './pod-ports.js';
import { validateLifecycle, validateLivenessProbe, validateReadinessProbe, validateStartupProbe } from './pod-probes.js';
import { validateResourceRequirements } from './pod-resources.js';
import { validateContainerSecurityContext } from './pod-security.js';
import { validateVolumeDevices, validateVolumeMounts } from './pod-volume-mounts.js';

/** What every container's checks need from the pod around it. */
export interface ContainerContext {
  volumes: ReadonlyMap<string, Volume>;
  gracePeriod: number | undefined;
  restartPolicy: string | undefined;
  hostUsers: boolean;
}

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const RESIZE_RESOURCES = ['cpu', 'memory'];
const RESIZE_POLICIES = ['NotRequired', 'RestartContainer'];

/** An enum at `parent.<name>`: empty means defaulting did not run (Required), unknown lists the choices. */
function checkEnumField(value: string | undefined, allowed: readonly string[], parent: FieldPath, name: string, errs: FieldError[]): void {
  if (!value) errs.push(required(parent.child(name)));
  else if (!allowed.includes(value)) errs.push(notSupported(parent.child(name), value, allowed));
}

function validateResizePolicy(ctr: Container, podRestartPolicy: string | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (ctr.resizePolicy ?? []).forEach((p, i) => {
    if (seen.has(p.resourceName)) errs.push(duplicate(path.index(i), p.resourceName));
    seen.add(p.resourceName);
    if (!p.resourceName) errs.push(required(path));
    else if (!RESIZE_RESOURCES.includes(p.resourceName)) errs.push(notSupported(path, p.resourceName, RESIZE_RESOURCES));
    if (!p.restartPolicy) errs.push(required(path));
    else if (!RESIZE_POLICIES.includes(p.restartPolicy)) errs.push(notSupported(path, p.restartPolicy, RESIZE_POLICIES));
    if (podRestartPolicy === 'Never' && p.restartPolicy !== 'NotRequired') {
      errs.push(invalid(path, p.restartPolicy, "must be 'NotRequired' when `restartPolicy` is 'Never'"));
    }
  });
  return errs;
}

/**
 * The checks shared by all three kinds of container, appended to errs. Each list or struct is
 * checked (and its path built) only when present: none reports anything when absent.
 */
function validateContainerCommon(ctr: Container, ctx: ContainerContext, path: FieldPath, errs: FieldError[]): void {
  if (!ctr.name) errs.push(required(path.child('name')));
  else for (const m of isDNS1123Label(ctr.name)) errs.push(invalid(path.child('name'), ctr.name, m));
  if (!ctr.image) errs.push(required(path.child('image')));
  checkEnumField(ctr.terminationMessagePolicy, MESSAGE_POLICIES, path, 'terminationMessagePolicy', errs);
  if (ctr.ports) validateContainerPorts(ctr.ports, path, errs);
  if (ctr.env) errs.push(...validateEnv(ctr.env, path.child('env')));
  if (ctr.envFrom) errs.push(...validateEnvFrom(ctr.envFrom, path.child('envFrom')));
  if (ctr.volumeMounts) validateVolumeMounts(ctr, ctx.volumes, path, errs);
  if (ctr.volumeDevices) errs.push(...validateVolumeDevices(ctr, ctx.volumes, path.child('volumeDevices')));
  checkEnumField(ctr.imagePullPolicy, PULL_POLICIES, path, 'imagePullPolicy', errs);
  if (ctr.resources) errs.push(...validateResourceRequirements(ctr.resources, path.child('resources')));
  if (ctr.resizePolicy) errs.push(...validateResizePolicy(ctr, ctx.restartPolicy, path.child('resizePolicy')));
  if (ctr.securityContext) errs.push(...validateContainerSecurityContext(ctr.securityContext, ctx.hostUsers, path.child('securityContext')));
}

/** Probes and hooks: allowed for regular containers and for sidecars (init with restartPolicy Always). */
function validateProbesAndHooks(ctr: Container, gracePeriod: number | undefined, path: FieldPath, errs: FieldError[]): void {
  if (ctr.lifecycle) errs.push(...validateLifecycle(ctr.lifecycle, gracePeriod, path.child('lifecycle')));
  if (ctr.livenessProbe) errs.push(...validateLivenessProbe(ctr.livenessProbe, gracePeriod, path.child('livenessProbe')));
  if (ctr.readinessProbe) errs.push(...validateReadinessProbe(ctr.readinessProbe, gracePeriod, path.child('readinessProbe')));
  if (ctr.startupProbe) errs.push(...validateStartupProbe(ctr.startupProbe, gracePeriod, path.child('startupProbe')));
}

/** spec.containers, checked into errs; `spec` is the pod spec's path. */
export function validateContainers(containers: readonly Container[] | undefined, ctx: ContainerContext, spec: FieldPath, errs: FieldError[]): void {
  if (!containers?.length) {
    errs.push(required(spec.child('containers')));
    return;
  }
  const path = spec.child('containers');
  const names = new Set<string>();
  for (let i = 0; i < containers.length; i++) {
    const ctr = containers[i];
    const at = path.index(i);
    validateContainerCommon(ctr, ctx, at, errs);
    if (names.has(ctr.name)) errs.push(duplicate(at.child('name'), ctr.name));
    else names.add(ctr.name);
    validateProbesAndHooks(ctr, ctx.gracePeriod, at, errs);
    if (ctr.restartPolicy !== undefined && ctr.restartPolicy !== null) {
      errs.push(forbidden(at.child('restartPolicy'), 'may not be set for non-init containers'));
    }
  }
  // Regular containers run together, so their host ports must not collide.
  checkHostPortConflicts(containers, path, errs);
}

const INIT_ONLY = 'may not be set for init containers without restartPolicy=Always';

/** spec.initContainers, checked into errs; `spec` is the pod spec's path. */
export function validateInitContainers(
  inits: readonly Container[],
  regular: readonly Container[] | undefined,
  ctx: ContainerContext,
  spec: FieldPath,
  errs: FieldError[],
): void {
  if (inits.length === 0) return;
  const path = spec.child('initContainers');
  const names = new Set((regular ?? []).map((c) => c.name));
  for (let i = 0; i < inits.length; i++) {
    const ctr = inits[i];
    const at = path.index(i);
    validateContainerCommon(ctr, ctx, at, errs);
    const policy = ctr.restartPolicy;
    // "Always" is the only restart policy an init container may carry: it makes a sidecar.
    if (policy !== undefined && policy !== null && policy !== 'Always') errs.push(notSupported(at.child('restartPolicy'), policy, ['Always']));
    if (names.has(ctr.name)) errs.push(duplicate(at.child('name'), ctr.name));
    else if (ctr.name) names.add(ctr.name);
    // Init containers run one at a time: host ports only conflict within one container.
    checkHostPortConflicts([ctr], path, errs);
    if (policy === 'Always') validateProbesAndHooks(ctr, ctx.gracePeriod, at, errs);
    else {
      for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (ctr[key]) errs.push(forbidden(at.child(key), INIT_ONLY));
      }
    }
    if (ctr.resizePolicy?.length) errs.push(invalid(at.child('resizePolicy'), ctr.resizePolicy, 'must not be set for init containers'));
  }
}

/** Go compares to the zero value: absent, null, [] and {} all count as unset. */
const isSet = (v: unknown): boolean =>
  v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && !(typeof v === 'object' && Object.keys(v).length === 0);

/** Fields an ephemeral (debug) container may set; the rest would make it part of the workload. */
const EPHEMERAL_FORBIDDEN = ['ports', 'resources', 'resizePolicy', 'restartPolicy', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle'] as const;

export function validateEphemeralContainers(
  ephemeral: readonly EphemeralContainer[] | undefined,
  regular: readonly Container[] | undefined,
  inits: readonly Container[] | undefined,
  ctx: ContainerContext,
  path: FieldPath,
): FieldError[] {
  if (!ephemeral?.length) return [];
  const others = new Set([...(regular ?? []), ...(inits ?? [])].map((c) => c.name));
  const all = new Set(others);
  return ephemeral.flatMap((ec, i) => {
    const at = path.index(i);
    const errs: FieldError[] = [];
    validateContainerCommon(ec, ctx, at, errs);
    errs.push(...validateImageWhitespace(ec, at));
    if (all.has(ec.name)) errs.push(duplicate(at.child('name'), ec.name));
    else all.add(ec.name);
    if (ec.targetContainerName && !others.has(ec.targetContainerName)) errs.push(notFound(at.child('targetContainerName'), ec.targetContainerName));
    for (const key of EPHEMERAL_FORBIDDEN) {
      if (isSet(ec[key])) errs.push(forbidden(at.child(key), 'cannot be set for an Ephemeral Container'));
    }
    (ec.volumeMounts ?? []).forEach((vm, j) => {
      if (vm.subPath) errs.push(forbidden(at.child('volumeMounts').index(j).child('subPath'), 'cannot be set for an Ephemeral Container'));
      if (vm.subPathExpr) errs.push(forbidden(at.child('volumeMounts').index(j).child('subPathExpr'), 'cannot be set for an Ephemeral Container'));
    });
    return errs;
  });
}

/** Whether the image has leading or trailing whitespace. */
export function hasPaddedImage(ctr: Container): boolean {
  const image = ctr.image ?? '';
  return image.trim().length !== image.length;
}

/** Pods (not templates, where a blank image is a placeholder some tools use) reject padded images. */
export function validateImageWhitespace(ctr: Container, path: FieldPath): FieldError[] {
  return hasPaddedImage(ctr) ? [invalid(path.child('image'), ctr.image ?? '', 'must not have leading or trailing whitespace')] : [];
}
