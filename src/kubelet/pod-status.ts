// The pod status the kubelet writes, computed from its model of the pod.
// Kubernetes twin: pkg/kubelet/kubelet_pods.go (generateAPIPodStatus, getPhase,
// convertToAPIContainerStatuses) and pkg/kubelet/status (condition transition times).
import { rfc3339 as formatRfc3339 } from '../clock/clock.js';
import type { Frozen } from '../api/types.js';
import type { ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from '../api/types/pod.js';
import type { ContainerModel, PodModel, RunInfo } from './pod-model.js';

/**
 * rfc3339 for the same second again and again (every condition and state of every pod built at
 * one instant): the last answer is kept. A pure cache of a pure function, not a time source.
 */
let lastSecond = NaN;
let lastText = '';
function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = formatRfc3339(ms);
  }
  return lastText;
}

const terminatedOf = (r: RunInfo): ContainerState => ({
  terminated: {
    exitCode: r.exit!.code,
    reason: r.exit!.reason,
    startedAt: rfc3339(r.startedAt ?? r.exit!.finishedAt),
    finishedAt: rfc3339(r.exit!.finishedAt),
    containerID: `containerd://${r.containerID}`,
  } as NonNullable<ContainerState['terminated']>,
});

function stateOf(c: ContainerModel): { state: ContainerState; lastState: ContainerState } {
  const run = c.run;
  const last = c.lastRun?.exit ? terminatedOf(c.lastRun) : {};
  if (c.waiting) {
    const waiting = { reason: c.waiting.reason, ...(c.waiting.message ? { message: c.waiting.message } : {}) };
    return { state: { waiting }, lastState: run?.exit ? terminatedOf(run) : last };
  }
  if (run?.startedAt !== undefined && !run.exit) return { state: { running: { startedAt: rfc3339(run.startedAt) } }, lastState: last };
  if (run?.exit) return { state: terminatedOf(run), lastState: last };
  return { state: { waiting: { reason: 'ContainerCreating' } }, lastState: last };
}

function containerStatus(c: ContainerModel, specImage: string): ContainerStatus {
  const { state, lastState } = stateOf(c);
  const run = c.run;
  const status: ContainerStatus = {
    name: c.name,
    state,
    lastState,
    ready: c.ready,
    restartCount: c.restartCount,
    image: c.imageFull ?? specImage,
    imageID: run?.imageID ?? '',
    started: run?.startedAt !== undefined && !run.exit && c.step !== 'backoff' && c.started,
  };
  if (run) status.containerID = `containerd://${run.containerID}`;
  return status;
}

/**
 * Pending while a container has never run; Running while one runs or will run again;
 * Succeeded or Failed once all are down for good. E.g. restartPolicy Never with one container
 * that exited 3: Failed; restartPolicy Always in CrashLoopBackOff: Running.
 */
export function phaseOf(m: PodModel): string {
  if (m.rejected) return 'Failed';
  let waiting = 0;
  let running = 0;
  let failed = 0;
  if (!m.initialized) {
    // An init container that failed for good fails the pod; otherwise it is still Pending.
    const failedInit = m.inits.some((c) => c.role === 'init' && c.step === 'done' && c.run?.exit && c.run.exit.code !== 0);
    return failedInit || (m.terminal && m.containers.some((c) => !c.run)) ? 'Failed' : 'Pending';
  }
  for (const c of m.containers) {
    if (c.run?.startedAt !== undefined && !c.run.exit) running++;
    else if (c.run?.exit) {
      if (c.run.exit.code !== 0) failed++;
    } else waiting++;
  }
  if (m.terminal) return failed > 0 || waiting > 0 ? 'Failed' : 'Succeeded';
  if (waiting > 0) return 'Pending';
  return 'Running';
}

interface Wanted {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

function wantedConditions(m: PodModel): Wanted[] {
  const sidecars = m.inits.filter((c) => c.role === 'sidecar');
  const unready = [...sidecars, ...m.containers].filter((c) => !c.ready).map((c) => c.name);
  const ready: Wanted =
    unready.length === 0
      ? { type: 'Ready', status: 'True' }
      : { type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: `containers with unready status: [${unready.join(' ')}]` };
  // A pod that succeeded is not ready because it completed, not because a container is unready.
  const succeeded = phaseOf(m) === 'Succeeded';
  if (succeeded) {
    ready.reason = 'PodCompleted';
    delete ready.message;
  }
  const incomplete = m.inits.filter((c) => (c.role === 'sidecar' ? !c.started && !m.initialized : !(c.run?.exit?.code === 0))).map((c) => c.name);
  const initialized: Wanted = succeeded
    ? { type: 'Initialized', status: 'True', reason: 'PodCompleted' }
    : m.initialized
      ? { type: 'Initialized', status: 'True' }
      : { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${incomplete.join(' ')}]` };
  return [
    { type: 'PodReadyToStartContainers', status: m.sandbox === 'ready' ? 'True' : 'False' },
    initialized,
    ready,
    { ...ready, type: 'ContainersReady' },
  ];
}

/** Conditions in the kubelet's order, keeping lastTransitionTime while a status holds. */
function conditions(m: PodModel, previous: readonly Frozen<PodCondition>[], now: number): PodCondition[] {
  const out: PodCondition[] = [];
  for (const w of wantedConditions(m)) {
    const old = previous.find((p) => p.type === w.type);
    const since = old && old.status === w.status ? old.lastTransitionTime : rfc3339(now);
    out.push({ type: w.type, status: w.status, lastProbeTime: null, lastTransitionTime: since, ...(w.reason ? { reason: w.reason } : {}), ...(w.message ? { message: w.message } : {}) });
  }
  for (const p of previous) if (!out.some((o) => o.type === p.type)) out.push(p as PodCondition);
  return out;
}

export function buildPodStatus(pod: Frozen<Pod>, m: PodModel, hostIP: string, previous: Frozen<PodStatus> | undefined, now: number): PodStatus {
  const prev = previous ?? pod.status ?? {};
  if (m.rejected) {
    return { ...(prev as PodStatus), phase: 'Failed', reason: m.rejected.reason, message: m.rejected.message, startTime: prev.startTime ?? rfc3339(m.startTime ?? now) };
  }
  const status: PodStatus = {
    phase: phaseOf(m),
    conditions: conditions(m, prev.conditions ?? [], now),
    hostIP,
    hostIPs: [{ ip: hostIP }],
  };
  if (m.podIP) {
    status.podIP = m.podIP;
    status.podIPs = [{ ip: m.podIP }];
  }
  status.startTime = rfc3339(m.startTime ?? now);
  const images = new Map([...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => [c.name, c.image ?? '']));
  if (m.inits.length > 0) status.initContainerStatuses = m.inits.map((c) => containerStatus(c, images.get(c.name) ?? ''));
  status.containerStatuses = m.containers.map((c) => containerStatus(c, images.get(c.name) ?? ''));
  if (prev.qosClass) status.qosClass = prev.qosClass;
  return status;
}
