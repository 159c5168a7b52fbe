// Probes and the postStart hook of a running container: startup gates liveness and readiness,
// liveness and startup failures restart, readiness drives Ready; postStart runs right after the
// start and holds the next container back until it ends. Kubernetes twin: pkg/kubelet/prober
// (worker.go doProbe), pkg/kubelet/kuberuntime/kuberuntime_container.go (startContainer's
// postStart, FailedPostStartHook).
import type { Frozen } from '../api/types.js';
import type { Container, Probe } from '../api/types/pod.js';
import { REASONS, messages, podDesc } from './container-messages.js';
import { event, kill, specOf, startNext, startProbes, timer, type Effects } from './container-lifecycle.js';
import type { ContainerModel, PodModel } from './pod-model.js';
import { withFiles } from './runtime/container-files.js';
import { probeTiming, runHook, runProbe, type ProbeContext } from './runtime/probes.js';

export type ProbeKind = 'startup' | 'readiness' | 'liveness';

const TITLE: Record<ProbeKind, 'Startup' | 'Readiness' | 'Liveness'> = { startup: 'Startup', readiness: 'Readiness', liveness: 'Liveness' };

/** What the annotations make the application answer now: not up yet, or unhealthy. */
export function probeContext(m: PodModel, c: ContainerModel, spec: Frozen<Container>, now: number): Omit<ProbeContext, 'files'> {
  const up = now - (c.run?.startedAt ?? now);
  const { startDelayMs, probeFailAfterMs } = c.script;
  const failure = startDelayMs !== undefined && up < startDelayMs ? 'refused' : probeFailAfterMs !== undefined && up >= probeFailAfterMs ? 'unhealthy' : undefined;
  return { podIP: m.podIP ?? '', ports: spec.ports ?? [], failure };
}

const probeOf = (spec: Frozen<Container>, kind: ProbeKind): Frozen<Probe> | undefined =>
  kind === 'startup' ? spec.startupProbe : kind === 'readiness' ? spec.readinessProbe : spec.livenessProbe;

/** One probe period: run it, count, and act on the thresholds. */
export function probe(m: PodModel, c: ContainerModel, kind: ProbeKind, now: number, fx: Effects): void {
  if (c.step !== 'running') return;
  if (kind === 'startup' && c.started) return;
  const spec = specOf(m, c);
  const p = probeOf(spec, kind);
  if (!p) return;
  const timing = probeTiming(p);
  const result = runProbe(p, { ...probeContext(m, c, spec, now), files: c.files });
  // Counters are replaced, never changed in place: models share them between steps.
  const before = c[kind];
  const counters = result.ok ? { successes: before.successes + 1, failures: 0 } : { successes: 0, failures: before.failures + 1 };
  c[kind] = counters;
  if (!result.ok) fx.push(event('Warning', REASONS.unhealthy, messages.probeFailed(TITLE[kind], result.output)));
  if (kind === 'startup' && counters.successes >= timing.successThreshold) {
    c.started = true;
    startProbes(m, c, fx);
    startNext(m, fx);
    return;
  }
  fx.push(timer(c, kind, timing.periodMs));
  if (kind === 'readiness') {
    if (counters.successes >= timing.successThreshold) c.ready = true;
    if (counters.failures >= timing.failureThreshold) c.ready = false;
    return;
  }
  if (counters.failures >= timing.failureThreshold) {
    const graceS = p.terminationGracePeriodSeconds ?? m.spec.terminationGracePeriodSeconds ?? 30;
    kill(m, c, graceS * 1000, messages.probeRestart(c.name, kind), now, fx);
  }
}

/** Runs postStart against the container's files; the next container waits while it runs. */
export function postStart(m: PodModel, c: ContainerModel, spec: Frozen<Container>, fx: Effects): void {
  const handler = spec.lifecycle!.postStart!;
  const { files, result: r } = withFiles(c.files, (fs) => runHook(handler, fs, probeContext(m, c, spec, c.run?.startedAt ?? 0)));
  c.files = files;
  if (!r.ok) fx.push(event('Warning', REASONS.failedPostStartHook, messages.hookFailed(handler, c.name, podDesc(m.name, m.namespace, m.uid), r.error)));
  if (r.ms > 0) {
    c.hookRunning = true;
    fx.push(timer(c, r.ok ? 'postStartDone' : 'postStartFailed', r.ms));
  } else if (!r.ok) postStartFailed(m, c, c.run?.startedAt ?? 0, fx);
}

/** A failed postStart kills the container; the restart policy decides what follows. */
export function postStartFailed(m: PodModel, c: ContainerModel, now: number, fx: Effects): void {
  c.hookRunning = false;
  if (c.step !== 'running') return;
  kill(m, c, (m.spec.terminationGracePeriodSeconds ?? 30) * 1000, REASONS.failedPostStartHook, now, fx);
}
