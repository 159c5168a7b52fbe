// The pod status the kubelet writes, computed from its model of the pod.
// Kubernetes twin: pkg/kubelet/kubelet_pods.go (generateAPIPodStatus, getPhase,
// convertToAPIContainerStatuses) and pkg/kubelet/status (condition transition times).
import { rfc3339 } from '../clock/clock.js';
import type { Frozen } from '../api/types.js';
import type { Container, ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from '../api/types/pod.js';
import type { ContainerModel, PodModel, RunInfo } from './pod-model.js';

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
    const { reason, message } = c.waiting;
    const waiting = message ? { reason, message } : { reason };
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
  // Sidecars first, then the main containers, as the kubelet lists them.
  const unready: string[] = [];
  for (const c of m.inits) if (c.role === 'sidecar' && !c.ready) unready.push(c.name);
  for (const c of m.containers) if (!c.ready) unready.push(c.name);
  // A pod that succeeded is not ready because it completed, not because a container is unready.
  const succeeded = phaseOf(m) === 'Succeeded';
  const ready: Wanted = { type: 'Ready', status: unready.length === 0 ? 'True' : 'False' };
  if (succeeded) ready.reason = 'PodCompleted';
  else if (unready.length > 0) {
    ready.reason = 'ContainersNotReady';
    ready.message = `containers with unready status: [${unready.join(' ')}]`;
  }
  let initialized: Wanted;
  if (succeeded) initialized = { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  else if (m.initialized) initialized = { type: 'Initialized', status: 'True' };
  else {
    const incomplete: string[] = [];
    for (const c of m.inits) if (c.role === 'sidecar' ? !c.started : c.run?.exit?.code !== 0) incomplete.push(c.name);
    initialized = { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: `containers with incomplete status: [${incomplete.join(' ')}]` };
  }
  return [
    { type: 'PodReadyToStartContainers', status: m.sandbox === 'ready' ? 'True' : 'False' },
    initialized,
    ready,
    { type: 'ContainersReady', status: ready.status, reason: ready.reason, message: ready.message },
  ];
}

/** Conditions in the kubelet's order, keeping lastTransitionTime while a status holds. */
function conditions(m: PodModel, previous: readonly Frozen<PodCondition>[], now: number): PodCondition[] {
  const out: PodCondition[] = [];
  for (const w of wantedConditions(m)) {
    const old = previous.find((p) => p.type === w.type);
    const since = old && old.status === w.status ? old.lastTransitionTime : rfc3339(now);
    // Keys in this order, and reason and message only when set: the patch is this object's JSON.
    const condition: PodCondition = { type: w.type, status: w.status, lastProbeTime: null, lastTransitionTime: since };
    if (w.reason) condition.reason = w.reason;
    if (w.message) condition.message = w.message;
    out.push(condition);
  }
  // Conditions others set (PodScheduled, DisruptionTarget) are kept after the kubelet's four.
  for (const p of previous) if (!out.some((o) => o.type === p.type)) out.push(p as PodCondition);
  return out;
}

/** The image the spec names for a model's container: the spec lists them in the model's order. */
function specImage(list: readonly Frozen<Container>[] | undefined, index: number, name: string): string {
  const spec = list?.[index]?.name === name ? list[index] : list?.find((s) => s.name === name);
  return spec?.image ?? '';
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
  const { initContainers, containers } = pod.spec;
  if (m.inits.length > 0) status.initContainerStatuses = m.inits.map((c, i) => containerStatus(c, specImage(initContainers, i, c.name)));
  status.containerStatuses = m.containers.map((c, i) => containerStatus(c, specImage(containers, i, c.name)));
  if (prev.qosClass) status.qosClass = prev.qosClass;
  return status;
}
