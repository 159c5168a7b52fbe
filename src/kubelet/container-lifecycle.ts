// One container's way through the kubelet: image, create, start, run its program, exit,
// restart with back-off, probes and kill. Each function changes the (already copied) model
// and appends effects. Kubernetes twin: pkg/kubelet/kuberuntime (startContainer,
// killContainer, computePodActions) and pkg/kubelet/images (back-off on pulls).
import type { Frozen } from '../api/types.js';
import type { Container, Probe } from '../api/types/pod.js';
import { REASONS, messages, podDesc } from './container-messages.js';
import type { ContainerModel, ContainerTimer, PodEffect, PodModel } from './pod-model.js';
import type { CachedImage } from './runtime/image-service.js';
import { probeTiming, runProbe } from './runtime/probes.js';
import { runShell } from './runtime/shell-run.js';

export type Effects = PodEffect[];

export const specOf = (m: PodModel, c: ContainerModel): Frozen<Container> => m.spec.containers.find((s) => s.name === c.name)!;

const timer = (c: ContainerModel, what: ContainerTimer, ms: number): PodEffect => ({
  type: 'after',
  ms,
  event: { type: 'timer', container: c.name, instance: c.instance, what },
});

const event = (eventType: 'Normal' | 'Warning', reason: string, message: string): PodEffect => ({ type: 'event', eventType, reason, message });

/** Starts the next idle container, one at a time, as SyncPod starts them in order. */
export function startNext(m: PodModel, fx: Effects): void {
  if (m.sandbox !== 'ready' || m.terminating || m.terminal) return;
  if (m.containers.some((c) => c.step === 'pulling' || c.step === 'creating' || c.step === 'starting')) return;
  const c = m.containers.find((x) => x.step === 'idle');
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
  c.files = {};
  c.cursor = { pc: 0, status: 0 };
  c.readiness = { successes: 0, failures: 0 };
  c.liveness = { successes: 0, failures: 0 };
  c.ready = !spec.readinessProbe;
  fx.push(event('Normal', REASONS.started, messages.started(c.name)));
  if (spec.readinessProbe) fx.push(timer(c, 'readiness', probeTiming(spec.readinessProbe).initialDelayMs));
  if (spec.livenessProbe) fx.push(timer(c, 'liveness', probeTiming(spec.livenessProbe).initialDelayMs || probeTiming(spec.livenessProbe).periodMs));
  runProgram(m, c, now, fx);
  startNext(m, fx);
}

/** Runs the container's program until it sleeps, exits or serves forever. */
export function runProgram(m: PodModel, c: ContainerModel, now: number, fx: Effects): void {
  const files = new Map(Object.entries(c.files));
  const r = runShell(c.program, c.cursor, files, 'container');
  c.files = Object.fromEntries(files);
  c.cursor = { pc: r.pc, status: r.status };
  if (r.lines.length > 0) fx.push({ type: 'log', container: c.name, lines: r.lines });
  if (r.outcome.kind === 'sleep') fx.push(timer(c, 'sleepDone', r.outcome.ms));
  else if (r.outcome.kind === 'exit') exited(m, c, r.outcome.code, now, fx);
}

const shouldRestart = (policy: string | undefined, code: number): boolean => policy === 'Always' || policy === undefined || (policy === 'OnFailure' && code !== 0);

/** The container's process ended: record it, then restart (with back-off) or stay down. */
export function exited(m: PodModel, c: ContainerModel, code: number, now: number, fx: Effects): void {
  const run = c.run!;
  c.run = { ...run, exit: { code, reason: code === 0 ? 'Completed' : 'Error', finishedAt: now } };
  c.ready = false;
  c.instance++;
  if (m.terminating || !shouldRestart(m.spec.restartPolicy, code)) {
    c.step = 'done';
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

/** Stops a running container: SIGTERM, then SIGKILL after `graceMs` if its PID 1 ignores it. */
export function kill(m: PodModel, c: ContainerModel, graceMs: number, message: string, fx: Effects): void {
  fx.push(event('Normal', REASONS.killing, message));
  c.step = 'stopping';
  c.ready = false;
  fx.push(timer(c, 'stopped', c.program.ignoresSigterm ? graceMs : Math.min(graceMs, m.profile.stopMs)));
}

/** One probe period: run it, count, and act on the thresholds. */
export function probe(m: PodModel, c: ContainerModel, kind: 'readiness' | 'liveness', fx: Effects): void {
  if (c.step !== 'running') return;
  const spec = specOf(m, c);
  const p = (kind === 'readiness' ? spec.readinessProbe : spec.livenessProbe) as Frozen<Probe> | undefined;
  if (!p) return;
  const timing = probeTiming(p);
  const result = runProbe(p, c.files);
  const counters = kind === 'readiness' ? c.readiness : c.liveness;
  if (result.ok) {
    counters.successes++;
    counters.failures = 0;
  } else {
    counters.failures++;
    counters.successes = 0;
    fx.push(event('Warning', REASONS.unhealthy, messages.probeFailed(kind === 'readiness' ? 'Readiness' : 'Liveness', result.output)));
  }
  fx.push(timer(c, kind, timing.periodMs));
  if (kind === 'readiness') {
    if (counters.successes >= timing.successThreshold) c.ready = true;
    if (counters.failures >= timing.failureThreshold) c.ready = false;
    return;
  }
  if (counters.failures >= timing.failureThreshold) {
    const graceS = p.terminationGracePeriodSeconds ?? m.spec.terminationGracePeriodSeconds ?? 30;
    kill(m, c, graceS * 1000, messages.livenessRestart(c.name), fx);
  }
}
