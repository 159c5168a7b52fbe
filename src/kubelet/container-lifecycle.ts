// One container's way through the kubelet: image, create, start, run its program, exit,
// restart with back-off, probes and kill. Each function changes the (already copied) model
// and appends effects. Kubernetes twin: pkg/kubelet/kuberuntime (startContainer,
// killContainer, computePodActions) and pkg/kubelet/images (back-off on pulls).
import type { Frozen } from '../api/types.js';
import type { Container } from '../api/types/pod.js';
import { REASONS, messages, podDesc } from './container-messages.js';
import { NO_PROBES, START, allContainers, type ContainerModel, type ContainerTimer, type PodEffect, type PodModel } from './pod-model.js';
import type { CachedImage } from './runtime/image-service.js';
import { parseQuantity, unitValue } from '../api/quantity.js';
import { oomAfterMs } from './runtime/annotations.js';
import { probeTiming, runHook } from './runtime/probes.js';
import { runShell } from './runtime/shell-run.js';
import { collectEmptyDirs, containerFiles } from './runtime/volumes.js';
import { withFiles } from './runtime/container-files.js';
import { postStart, probeContext } from './container-health.js';

export type Effects = PodEffect[];

/** The container's spec (its list by role; the main list if not there). Called many times a step: a plain loop. */
export function specOf(m: PodModel, c: ContainerModel): Frozen<Container> {
  const own = c.role === 'app' ? m.spec.containers : m.spec.initContainers;
  return (own && named(own, c.name)) ?? named(m.spec.containers, c.name)!;
}

function named(list: readonly Frozen<Container>[], name: string): Frozen<Container> | undefined {
  for (let i = 0; i < list.length; i++) if (list[i].name === name) return list[i];
  return undefined;
}

export const timer = (c: ContainerModel, what: ContainerTimer, ms: number): PodEffect => ({
  type: 'after',
  ms,
  event: { type: 'timer', container: c.name, instance: c.instance, what },
});

export const event = (eventType: 'Normal' | 'Warning', reason: string, message: string): PodEffect => ({ type: 'event', eventType, reason, message });

const busy = (c: ContainerModel): boolean => c.step === 'pulling' || c.step === 'creating' || c.step === 'starting' || c.hookRunning;

/** The init container the pod waits for, or undefined once all have completed (sidecars: started). */
function pendingInit(m: PodModel): ContainerModel | undefined {
  for (const c of m.inits) {
    const complete = c.role === 'sidecar' ? c.step === 'running' && c.started : c.step === 'done' && c.run?.exit?.code === 0;
    if (!complete) return c;
  }
  return undefined;
}

/**
 * Starts the next container, one at a time, as SyncPod does: init containers in order, each
 * to completion (a sidecar only until it has started), then the main containers. E.g. inits
 * [a, sidecar s, b] and main [web]: a runs and exits 0, s starts and stays, b runs and exits 0,
 * then web starts. A sidecar that restarts later does not hold the main containers back.
 */
export function startNext(m: PodModel, fx: Effects): void {
  if (m.sandbox !== 'ready' || m.terminating || m.terminal || m.stoppingSidecars) return;
  const all = allContainers(m);
  if (all.some(busy)) return;
  let c: ContainerModel | undefined;
  if (!m.initialized) {
    const p = pendingInit(m);
    if (p) {
      if (p.step === 'idle') c = p;
      else return;
    } else m.initialized = true;
  }
  c ??= all.find((x) => x.step === 'idle' && (x.role !== 'init' || !m.initialized));
  if (!c) return;
  const spec = specOf(m, c);
  c.instance++;
  c.step = 'pulling';
  fx.push({ type: 'ensureImage', container: c.name, instance: c.instance, image: spec.image ?? '', policy: spec.imagePullPolicy ?? 'IfNotPresent' });
}

export function imageReady(m: PodModel, c: ContainerModel, image: CachedImage, fx: Effects): void {
  c.imageFull = image.names[image.names.length - 1];
  c.imageID = image.id;
  c.pullBackoffMs = 0;
  c.pullError = undefined;
  c.step = 'creating';
  fx.push({ type: 'createContainer', container: c.name, instance: c.instance });
}

/** ErrImagePull now; ImagePullBackOff until the next attempt (10 s doubling to 5 min). */
export function imageFailed(m: PodModel, c: ContainerModel, reason: string, message: string, fx: Effects): void {
  c.step = 'backoff';
  c.waiting = { reason, message };
  c.pullError = message;
  fx.push(event('Warning', REASONS.failed, messages.error(reason)));
  const delay = c.pullBackoffMs === 0 ? m.profile.backoffInitialMs : Math.min(c.pullBackoffMs * 2, m.profile.backoffMaxMs);
  c.pullBackoffMs = delay;
  // The next sync finds the pull in back-off and says so; the retry comes after the delay.
  fx.push(timer(c, 'pullBackoff', Math.min(1000, delay)));
  fx.push(timer(c, 'pullBackoffDone', delay));
  startNext(m, fx);
}

/** The retry after a failed pull: shown as ImagePullBackOff while it waits. */
export function enterPullBackOff(m: PodModel, c: ContainerModel, fx: Effects): void {
  const image = specOf(m, c).image ?? '';
  c.waiting = { reason: 'ImagePullBackOff', message: messages.pullBackOffWaiting(image, c.pullError ?? '') };
  fx.push(event('Normal', REASONS.backOff, messages.pullBackOff(image)));
  fx.push(event('Warning', REASONS.failed, messages.error('ImagePullBackOff')));
}

/** The container cannot be created: a ConfigMap or Secret its env needs is missing. Retried every 10 s. */
export function configFailed(m: PodModel, c: ContainerModel, message: string, fx: Effects): void {
  c.step = 'backoff';
  c.waiting = { reason: 'CreateContainerConfigError', message };
  fx.push(event('Warning', REASONS.failed, messages.error(message)));
  fx.push(timer(c, 'configRetry', m.profile.configRetryMs));
  startNext(m, fx);
}

export function created(m: PodModel, c: ContainerModel, containerID: string, fx: Effects): void {
  if (c.run) {
    c.lastRun = c.run;
    c.restartCount++;
  }
  c.run = { containerID, imageID: c.imageID ?? '' };
  c.step = 'starting';
  fx.push(event('Normal', REASONS.created, messages.created(c.name)));
  fx.push({ type: 'startContainer', container: c.name, instance: c.instance });
}

export function started(m: PodModel, c: ContainerModel, now: number, fx: Effects): void {
  const spec = specOf(m, c);
  c.run = { ...c.run!, startedAt: now };
  c.step = 'running';
  c.waiting = undefined;
  c.files = containerFiles(spec, { spec: m.spec, meta: m.meta, podIP: m.podIP, data: m.configData, emptyDirs: m.emptyDirs });
  c.cursor = START;
  c.readiness = NO_PROBES;
  c.liveness = NO_PROBES;
  c.startup = NO_PROBES;
  c.started = !spec.startupProbe;
  c.ready = false;
  fx.push(event('Normal', REASONS.started, messages.started(c.name)));
  if (spec.startupProbe) fx.push(timer(c, 'startup', probeTiming(spec.startupProbe).initialDelayMs));
  else startProbes(m, c, fx);
  scriptTimers(m, c, spec, fx);
  runProgram(m, c, now, fx);
  if (c.step === 'running' && spec.lifecycle?.postStart) postStart(m, c, spec, fx);
  startNext(m, fx);
}

/** Liveness and readiness begin once the container has started (startup probe passed). */
export function startProbes(m: PodModel, c: ContainerModel, fx: Effects): void {
  const spec = specOf(m, c);
  c.ready = !spec.readinessProbe;
  if (spec.readinessProbe) fx.push(timer(c, 'readiness', probeTiming(spec.readinessProbe).initialDelayMs));
  if (spec.livenessProbe) fx.push(timer(c, 'liveness', probeTiming(spec.livenessProbe).initialDelayMs || probeTiming(spec.livenessProbe).periodMs));
}

/** kubesim.io/crash-after and kubesim.io/memory-growth: the container's scripted end. */
function scriptTimers(m: PodModel, c: ContainerModel, spec: Frozen<Container>, fx: Effects): void {
  if (c.script.crashAfterMs !== undefined) fx.push(timer(c, 'crash', c.script.crashAfterMs));
  const limit = spec.resources?.limits?.memory;
  const oom = oomAfterMs(c.script, limit === undefined ? undefined : unitValue(parseQuantity(limit)));
  if (oom !== undefined) fx.push(timer(c, 'oom', oom));
}

/** Runs the container's program until it sleeps, exits or serves forever. */
export function runProgram(m: PodModel, c: ContainerModel, now: number, fx: Effects): void {
  const { files, result: r } = withFiles(c.files, (fs) => runShell(c.program, c.cursor, fs, 'container'));
  c.files = files;
  c.cursor = { pc: r.pc, status: r.status };
  if (m.spec.volumes?.some((v) => v.emptyDir)) {
    const emptyDirs = { ...m.emptyDirs };
    collectEmptyDirs(specOf(m, c), m.spec, c.files, emptyDirs);
    m.emptyDirs = emptyDirs;
  }
  if (r.lines.length > 0) fx.push({ type: 'log', container: c.name, lines: r.lines });
  if (r.outcome.kind === 'sleep') fx.push(timer(c, 'sleepDone', r.outcome.ms));
  else if (r.outcome.kind === 'exit') exited(m, c, r.outcome.code, now, fx);
}

function shouldRestart(m: PodModel, c: ContainerModel, code: number): boolean {
  if (m.terminating) return false;
  if (c.role === 'sidecar') return !m.stoppingSidecars;
  const policy = m.spec.restartPolicy;
  // A failed init container is retried unless the pod never restarts; one that succeeded is done.
  if (c.role === 'init') return code !== 0 && policy !== 'Never';
  return policy === 'Always' || policy === undefined || (policy === 'OnFailure' && code !== 0);
}

/** The container's process ended: record it, then restart (with back-off) or stay down. */
export function exited(m: PodModel, c: ContainerModel, code: number, now: number, fx: Effects, reason?: string): void {
  const run = c.run!;
  c.run = { ...run, exit: { code, reason: reason ?? (code === 0 ? 'Completed' : 'Error'), finishedAt: now } };
  c.ready = false;
  c.started = false;
  c.hookRunning = false;
  c.instance++;
  fx.push({ type: 'containerExited', container: c.name });
  if (!shouldRestart(m, c, code)) {
    c.step = 'done';
    if (c.role === 'init' && code !== 0) initFailed(m, now, fx);
    startNext(m, fx);
    return;
  }
  // A container that ran long enough starts again from the first delay.
  if (now - (run.startedAt ?? now) >= m.profile.backoffResetMs) c.crashBackoffMs = 0;
  const delay = c.crashBackoffMs;
  c.crashBackoffMs = delay === 0 ? m.profile.backoffInitialMs : Math.min(delay * 2, m.profile.backoffMaxMs);
  if (delay === 0) {
    c.step = 'idle';
    startNext(m, fx);
    return;
  }
  const pod = podDesc(m.name, m.namespace, m.uid);
  c.step = 'backoff';
  c.waiting = { reason: 'CrashLoopBackOff', message: messages.crashBackOffWaiting(delay, c.name, pod) };
  fx.push(event('Warning', REASONS.backOff, messages.crashBackOffEvent(c.name, pod)));
  fx.push(timer(c, 'backoffDone', delay));
}

/** restartPolicy Never and an init container failed: nothing else will run; sidecars stop. */
function initFailed(m: PodModel, now: number, fx: Effects): void {
  for (const x of allContainers(m)) if (x.step === 'idle' || x.step === 'backoff') x.step = 'done';
  stopSidecars(m, now, fx);
}

/**
 * Sidecars stop once the main containers are done for good (the pod completed or is being
 * deleted), one at a time in reverse order: the last sidecar first, and the one before it only
 * once it has exited, as the kubelet does since sidecars became stable (KEP-753). E.g. sidecars
 * [log, proxy] after a deletion with stopMs 100: main exits at 0.1 s, proxy at 0.2 s, log at
 * 0.3 s. During a deletion each gets what is left of the grace period.
 */
export function stopSidecars(m: PodModel, now: number, fx: Effects): void {
  m.stoppingSidecars = true;
  for (const c of m.inits) {
    if (c.step !== 'running' && c.step !== 'stopping' && c.step !== 'done') {
      c.instance++;
      c.step = 'done';
    }
  }
  if (m.inits.some((c) => c.step === 'stopping')) return;
  const last = m.inits.findLast((c) => c.step === 'running');
  if (!last) return;
  const grace = m.terminating ? Math.max(0, m.terminating.deadline - now) : (m.spec.terminationGracePeriodSeconds ?? 30) * 1000;
  kill(m, last, grace, messages.stopping(last.name), now, fx);
}

/**
 * Stops a running container: the preStop hook first (within the grace period), then SIGTERM,
 * then SIGKILL when the grace period ends if its PID 1 ignores SIGTERM. E.g. grace 30 s and
 * preStop `sleep 5` on nginx: SIGTERM at 5 s, exit at 5.1 s; on `sleep 3600`: killed at 30 s.
 */
export function kill(m: PodModel, c: ContainerModel, graceMs: number, message: string, now: number, fx: Effects): void {
  fx.push(event('Normal', REASONS.killing, message));
  const spec = specOf(m, c);
  let hookMs = 0;
  if (spec.lifecycle?.preStop && c.step === 'running') {
    const preStop = spec.lifecycle.preStop;
    const { files, result: r } = withFiles(c.files, (fs) => runHook(preStop, fs, probeContext(m, c, spec, now)));
    c.files = files;
    hookMs = Math.min(r.ms, graceMs);
    if (!r.ok) fx.push(event('Warning', REASONS.failedPreStopHook, messages.hookFailed(spec.lifecycle.preStop, c.name, podDesc(m.name, m.namespace, m.uid), r.error)));
  }
  c.step = 'stopping';
  c.ready = false;
  c.hookRunning = false;
  const left = graceMs - hookMs;
  fx.push(timer(c, 'stopped', hookMs + (c.program.ignoresSigterm ? left : Math.min(left, m.profile.stopMs))));
}
