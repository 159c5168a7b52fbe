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

/** An empty enum means defaulting did not run: Required; an unknown one lists the choices. */
function enumField(value: string | undefined, allowed: readonly string[], path: FieldPath): FieldError[] {
  if (!value) return [required(path)];
  return allowed.includes(value) ? [] : [notSupported(path, value, allowed)];
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

/** The checks shared by all three kinds of container. */
function validateContainerCommon(ctr: Container, ctx: ContainerContext, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!ctr.name) errs.push(required(path.child('name')));
  else errs.push(...isDNS1123Label(ctr.name).map((m) => invalid(path.child('name'), ctr.name, m)));
  if (!ctr.image) errs.push(required(path.child('image')));
  errs.push(...enumField(ctr.terminationMessagePolicy, MESSAGE_POLICIES, path.child('terminationMessagePolicy')));
  errs.push(...validateContainerPorts(ctr.ports, path.child('ports')));
  errs.push(...validateEnv(ctr.env, path.child('env')));
  errs.push(...validateEnvFrom(ctr.envFrom, path.child('envFrom')));
  errs.push(...validateVolumeMounts(ctr, ctx.volumes, path.child('volumeMounts')));
  errs.push(...validateVolumeDevices(ctr, ctx.volumes, path.child('volumeDevices')));
  errs.push(...enumField(ctr.imagePullPolicy, PULL_POLICIES, path.child('imagePullPolicy')));
  errs.push(...validateResourceRequirements(ctr.resources, path.child('resources')));
  errs.push(...validateResizePolicy(ctr, ctx.restartPolicy, path.child('resizePolicy')));
  errs.push(...validateContainerSecurityContext(ctr.securityContext, ctx.hostUsers, path.child('securityContext')));
  return errs;
}

/** Probes and hooks: allowed for regular containers and for sidecars (init with restartPolicy Always). */
function validateProbesAndHooks(ctr: Container, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  return [
    ...(ctr.lifecycle ? validateLifecycle(ctr.lifecycle, gracePeriod, path.child('lifecycle')) : []),
    ...validateLivenessProbe(ctr.livenessProbe, gracePeriod, path.child('livenessProbe')),
    ...validateReadinessProbe(ctr.readinessProbe, gracePeriod, path.child('readinessProbe')),
    ...validateStartupProbe(ctr.startupProbe, gracePeriod, path.child('startupProbe')),
  ];
}

export function validateContainers(containers: readonly Container[] | undefined, ctx: ContainerContext, path: FieldPath): FieldError[] {
  if (!containers?.length) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((ctr, i) => {
    const at = path.index(i);
    errs.push(...validateContainerCommon(ctr, ctx, at));
    if (names.has(ctr.name)) errs.push(duplicate(at.child('name'), ctr.name));
    else names.add(ctr.name);
    errs.push(...validateProbesAndHooks(ctr, ctx.gracePeriod, at));
    if (ctr.restartPolicy !== undefined && ctr.restartPolicy !== null) {
      errs.push(forbidden(at.child('restartPolicy'), 'may not be set for non-init containers'));
    }
  });
  // Regular containers run together, so their host ports must not collide.
  return [...errs, ...checkHostPortConflicts(containers, path)];
}

const INIT_ONLY = 'may not be set for init containers without restartPolicy=Always';

export function validateInitContainers(inits: readonly Container[] | undefined, regular: readonly Container[] | undefined, ctx: ContainerContext, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name));
  (inits ?? []).forEach((ctr, i) => {
    const at = path.index(i);
    errs.push(...validateContainerCommon(ctr, ctx, at));
    const policy = ctr.restartPolicy;
    // "Always" is the only restart policy an init container may carry: it makes a sidecar.
    if (policy !== undefined && policy !== null && policy !== 'Always') errs.push(notSupported(at.child('restartPolicy'), policy, ['Always']));
    if (names.has(ctr.name)) errs.push(duplicate(at.child('name'), ctr.name));
    else if (ctr.name) names.add(ctr.name);
    // Init containers run one at a time: host ports only conflict within one container.
    errs.push(...checkHostPortConflicts([ctr], path));
    if (policy === 'Always') errs.push(...validateProbesAndHooks(ctr, ctx.gracePeriod, at));
    else {
      for (const key of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (ctr[key]) errs.push(forbidden(at.child(key), INIT_ONLY));
      }
    }
    if (ctr.resizePolicy?.length) errs.push(invalid(at.child('resizePolicy'), ctr.resizePolicy, 'must not be set for init containers'));
  });
  return errs;
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
    const errs = [...validateContainerCommon(ec, ctx, at), ...validateImageWhitespace(ec, at)];
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

/** Pods (not templates, where a blank image is a placeholder some tools use) reject padded images. */
export function validateImageWhitespace(ctr: Container, path: FieldPath): FieldError[] {
  const image = ctr.image ?? '';
  return image.trim().length !== image.length ? [invalid(path.child('image'), image, 'must not have leading or trailing whitespace')] : [];
}
