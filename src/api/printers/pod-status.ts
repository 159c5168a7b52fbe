// The READY, STATUS and RESTARTS of a pod, computed in one walk over its container statuses.
// Kubernetes twin: printPod in pkg/printers/internalversion/printers.go (kube-apiserver 1.32).
// STATUS is not a field: it is the pod's phase (or status.reason), overridden by the first
// init container still at work, then by the last app container that is waiting or
// terminated, then by deletion. Sidecars (init containers with restartPolicy Always) count
// as containers once started.
import type { Frozen } from '../types.js';
import { humanDuration, parseTimestamp } from './human-duration.js';

interface ContainerState {
  waiting?: { reason?: string };
  running?: { startedAt?: string };
  terminated?: { exitCode?: number; signal?: number; reason?: string; finishedAt?: string };
}

interface ContainerStatus {
  name: string;
  ready?: boolean;
  started?: boolean;
  restartCount?: number;
  state?: ContainerState;
  lastState?: ContainerState;
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
}

/** The pod fields the printer reads. */
export interface PodView {
  metadata: { name?: string; creationTimestamp?: string; deletionTimestamp?: string };
  spec?: {
    nodeName?: string;
    containers?: { name: string }[];
    initContainers?: { name: string; restartPolicy?: string }[];
    readinessGates?: { conditionType: string }[];
  };
  status?: {
    phase?: string;
    reason?: string;
    podIP?: string;
    podIPs?: { ip: string }[];
    nominatedNodeName?: string;
    conditions?: Condition[];
    initContainerStatuses?: ContainerStatus[];
    containerStatuses?: ContainerStatus[];
  };
}

export interface PodSummary {
  /** "1/2": ready containers (and started sidecars) over containers plus sidecars. */
  ready: string;
  status: string;
  /** "0", or "3 (25s ago)" once a container has a last termination time. */
  restarts: string;
}

/** Restart tally: a count and the latest lastState.terminated.finishedAt seen (ms). */
interface Restarts {
  count: number;
  lastAt?: number;
}

export function podSummary(pod: Frozen<PodView>, now: number): PodSummary {
  const status = pod.status ?? {};
  const sidecars = new Set((pod.spec?.initContainers ?? []).filter(isSidecar).map((c) => c.name));
  const total = (pod.spec?.containers?.length ?? 0) + sidecars.size;
  let reason = initialReason(pod);
  let ready = 0;

  const init = walkInitContainers(pod, sidecars);
  ready += init.ready;
  let restarts = init.all;
  if (init.reason !== undefined) reason = init.reason;

  // Once initialisation is over (or the Initialized condition says so), app containers decide.
  // Only sidecar restarts carry over: plain init containers no longer matter.
  if (init.reason === undefined || hasCondition(status.conditions, 'Initialized')) {
    const app = walkAppContainers(pod, init.sidecars);
    restarts = app.restarts;
    ready += app.ready;
    if (app.reason !== undefined) reason = app.reason;
    if (reason === 'Completed' && app.hasRunning) {
      reason = hasCondition(status.conditions, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && !isTerminalPhase(status.phase)) reason = 'Terminating';

  return { ready: `${ready}/${total}`, status: reason, restarts: restartsText(restarts, now) };
}

/** status.reason beats status.phase; a scheduling gate beats both. */
function initialReason(pod: Frozen<PodView>): string {
  const status = pod.status ?? {};
  let reason = status.reason || status.phase || '';
  for (const condition of status.conditions ?? []) {
    if (condition.type === 'PodScheduled' && condition.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  return reason;
}

interface InitWalk {
  /** Set when an init container is still initialising the pod. */
  reason?: string;
  ready: number;
  /** Restarts of every init container walked so far. */
  all: Restarts;
  /** Restarts of sidecars only: they keep counting after initialisation. */
  sidecars: Restarts;
}

function walkInitContainers(pod: Frozen<PodView>, sidecars: ReadonlySet<string>): InitWalk {
  const statuses = pod.status?.initContainerStatuses ?? [];
  const declared = pod.spec?.initContainers?.length ?? 0;
  const walk: InitWalk = { ready: 0, all: noRestarts(), sidecars: noRestarts() };
  for (const [index, container] of statuses.entries()) {
    addRestarts(walk.all, container);
    const sidecar = sidecars.has(container.name);
    if (sidecar) addRestarts(walk.sidecars, container);
    const terminated = container.state?.terminated;
    const waiting = container.state?.waiting;
    if (terminated && (terminated.exitCode ?? 0) === 0) continue;
    if (sidecar && container.started === true) {
      if (container.ready) walk.ready++;
      continue;
    }
    if (terminated) walk.reason = `Init:${terminatedReason(terminated)}`;
    else if (waiting?.reason && waiting.reason !== 'PodInitializing') walk.reason = `Init:${waiting.reason}`;
    else walk.reason = `Init:${index}/${declared}`;
    break;
  }
  return walk;
}

interface AppWalk {
  reason?: string;
  ready: number;
  hasRunning: boolean;
  restarts: Restarts;
}

/** Walks app containers last to first, so the first container's trouble has the final say. */
function walkAppContainers(pod: Frozen<PodView>, sidecarRestarts: Restarts): AppWalk {
  const statuses = pod.status?.containerStatuses ?? [];
  const walk: AppWalk = { ready: 0, hasRunning: false, restarts: { ...sidecarRestarts } };
  for (let i = statuses.length - 1; i >= 0; i--) {
    const container = statuses[i];
    addRestarts(walk.restarts, container);
    const { waiting, terminated, running } = container.state ?? {};
    if (waiting?.reason) walk.reason = waiting.reason;
    else if (terminated) walk.reason = terminatedReason(terminated);
    else if (container.ready && running) {
      walk.hasRunning = true;
      walk.ready++;
    }
  }
  return walk;
}

/** The terminated reason, or "Signal:9" / "ExitCode:137" when the runtime gave none. */
function terminatedReason(terminated: Frozen<NonNullable<ContainerState['terminated']>>): string {
  if (terminated.reason) return terminated.reason;
  if (terminated.signal) return `Signal:${terminated.signal}`;
  return `ExitCode:${terminated.exitCode ?? 0}`;
}

const noRestarts = (): Restarts => ({ count: 0 });

function addRestarts(tally: Restarts, container: Frozen<ContainerStatus>): void {
  tally.count += container.restartCount ?? 0;
  const finishedAt = parseTimestamp(container.lastState?.terminated?.finishedAt);
  if (finishedAt !== undefined && (tally.lastAt === undefined || finishedAt > tally.lastAt)) tally.lastAt = finishedAt;
}

/** "3 (25s ago)": the age of the most recent restart, when one is known. */
function restartsText(restarts: Restarts, now: number): string {
  if (restarts.count === 0 || restarts.lastAt === undefined) return String(restarts.count);
  return `${restarts.count} (${humanDuration(now - restarts.lastAt)} ago)`;
}

function isSidecar(container: Frozen<{ restartPolicy?: string }>): boolean {
  return container.restartPolicy === 'Always';
}

function hasCondition(conditions: Frozen<Condition[]> | undefined, type: string): boolean {
  return conditions?.find((c) => c.type === type)?.status === 'True';
}

function isTerminalPhase(phase: string | undefined): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}
