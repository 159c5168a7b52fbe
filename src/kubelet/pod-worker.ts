// The pod worker as a pure function: stepPod(state, event, now) -> { next, effects }.
// Level-triggered: a `sync` carries the pod as the API server has it now, and the model
// moves towards it. Kubernetes twin: pkg/kubelet/pod_workers.go (syncPod, syncTerminatingPod,
// syncTerminatedPod) and kuberuntime_manager.go SyncPod.
import type { Frozen } from '../api/types.js';
import type { Pod } from '../api/types/pod.js';
import {
  configFailed,
  created,
  enterPullBackOff,
  exited,
  imageFailed,
  imageReady,
  kill,
  runProgram,
  specOf,
  startNext,
  started,
  stopSidecars,
  type Effects,
} from './container-lifecycle.js';
import { postStartFailed, probe } from './container-health.js';
import type { ConfigData } from './runtime/config-refs.js';
import { refreshVolumeFiles } from './runtime/volumes.js';
import { REASONS, messages } from './container-messages.js';
import { allContainers, cloneModel, type ContainerModel, type PodEvent, type PodModel, type StepResult } from './pod-model.js';

export function stepPod(state: PodModel, event: PodEvent, now: number): StepResult {
  const m = cloneModel(state);
  const fx: Effects = [];
  switch (event.type) {
    case 'sync':
      sync(m, event.pod, now, fx);
      break;
    case 'sandboxReady':
      sandboxReady(m, event.podIP, fx);
      break;
    case 'deadline':
      deadline(m, now, fx);
      break;
    case 'volumesMounted':
      volumesMounted(m, event.data, fx);
      break;
    case 'mountFailed':
      mountFailed(m, event.message, fx);
      break;
    case 'volumesSynced':
      volumesSynced(m, event.data);
      break;
    case 'mountRetry':
      if (m.volumes === 'mounting' && !m.terminating) fx.push({ type: 'mountVolumes' });
      break;
    default: {
      const c = allContainers(m).find((x) => x.name === event.container);
      if (c && c.instance === event.instance) containerEvent(m, c, event, now, fx);
    }
  }
  finishIfDone(m, now, fx);
  return { next: m, effects: fx };
}

function sync(m: PodModel, pod: Frozen<Pod>, now: number, fx: Effects): void {
  m.spec = pod.spec;
  m.meta = pod.metadata;
  if (pod.metadata.deletionTimestamp) {
    beginTermination(m, pod, now, fx);
    return;
  }
  if (m.rejected || m.terminal) return;
  if (m.volumes === 'none') {
    // Volumes are set up before the sandbox (WaitForAttachAndMount).
    m.volumes = 'mounting';
    m.startTime ??= now;
    fx.push({ type: 'mountVolumes' });
  }
}

function volumesMounted(m: PodModel, data: PodModel['configData'], fx: Effects): void {
  if (m.volumes !== 'mounting' || m.terminating || m.terminal) return;
  m.volumes = 'ready';
  m.configData = data;
  if (m.sandbox === 'none') {
    m.sandbox = 'creating';
    fx.push({ type: 'createSandbox' });
  }
}

/**
 * The periodic sync: ConfigMap and Secret volumes (and downwardAPI ones, for new labels) of the
 * running containers show the objects as they are now. An object deleted since keeps its old
 * contents, as the kubelet keeps what it mounted when a sync cannot find the source.
 */
function volumesSynced(m: PodModel, fresh: ConfigData): void {
  if (m.volumes !== 'ready' || m.terminal) return;
  const data: ConfigData = { ...m.configData };
  for (const [key, value] of Object.entries(fresh)) if (value) data[key] = value;
  m.configData = data;
  for (const c of allContainers(m)) {
    if (c.step !== 'running' && c.step !== 'stopping') continue;
    c.files = refreshVolumeFiles(specOf(m, c), c.files, { spec: m.spec, meta: m.meta, podIP: m.podIP, data, emptyDirs: m.emptyDirs });
  }
}

/** A volume's ConfigMap or Secret is missing: FailedMount, ContainerCreating, retried. */
function mountFailed(m: PodModel, message: string, fx: Effects): void {
  if (m.volumes !== 'mounting') return;
  fx.push({ type: 'event', eventType: 'Warning', reason: REASONS.failedMount, message: messages.failedMount(message) });
  fx.push({ type: 'after', ms: m.profile.configRetryMs, event: { type: 'mountRetry' } });
}

function sandboxReady(m: PodModel, podIP: string, fx: Effects): void {
  if (m.sandbox !== 'creating') return;
  m.sandbox = 'ready';
  m.podIP = podIP;
  startNext(m, fx);
}

/** Deletion: SIGTERM to every running main container, sidecars after them; the rest die at the deadline. */
function beginTermination(m: PodModel, pod: Frozen<Pod>, now: number, fx: Effects): void {
  if (m.terminating) return;
  const graceS = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  const graceMs = graceS * 1000;
  m.terminating = { deadline: now + graceMs };
  for (const c of allContainers(m)) {
    if (c.role === 'sidecar' && c.step === 'running') continue;
    if (c.step === 'running') kill(m, c, graceMs, messages.stopping(c.name), now, fx);
    else if (c.step !== 'stopping') {
      c.instance++;
      c.step = 'done';
    }
  }
  if (allContainers(m).some((c) => c.step === 'stopping' || c.step === 'running')) fx.push({ type: 'after', ms: graceMs, event: { type: 'deadline' } });
}

function deadline(m: PodModel, now: number, fx: Effects): void {
  for (const c of allContainers(m)) if (c.step === 'stopping' || c.step === 'running') exited(m, c, 137, now, fx);
}

function containerEvent(m: PodModel, c: ContainerModel, e: Exclude<PodEvent, { type: 'sync' | 'sandboxReady' | 'deadline' | 'volumesMounted' | 'volumesSynced' | 'mountFailed' | 'mountRetry' }>, now: number, fx: Effects): void {
  const image = specOf(m, c).image ?? '';
  switch (e.type) {
    case 'imagePresent':
      fx.push({ type: 'event', eventType: 'Normal', reason: REASONS.pulled, message: messages.alreadyPresent(image) });
      imageReady(m, c, e.image, fx);
      return;
    case 'imageNeverPull':
      fx.push({ type: 'event', eventType: 'Warning', reason: REASONS.neverPull, message: messages.neverPull(image) });
      imageFailed(m, c, 'ErrImageNeverPull', messages.neverPull(image), fx);
      return;
    case 'imagePulling':
      fx.push({ type: 'event', eventType: 'Normal', reason: REASONS.pulling, message: messages.pulling(image) });
      return;
    case 'imagePulled':
      fx.push({ type: 'event', eventType: 'Normal', reason: REASONS.pulled, message: messages.pulled(image, e.pullMs, e.totalMs, e.sizeBytes) });
      imageReady(m, c, e.image, fx);
      return;
    case 'imagePullFailed':
      fx.push({ type: 'event', eventType: 'Warning', reason: REASONS.failed, message: messages.pullFailed(image, e.message) });
      imageFailed(m, c, 'ErrImagePull', e.message, fx);
      return;
    case 'configError':
      if (c.step === 'creating') configFailed(m, c, e.message, fx);
      return;
    case 'containerCreated':
      if (e.program) c.program = e.program;
      created(m, c, e.containerID, fx);
      return;
    case 'containerStarted':
      started(m, c, now, fx);
      return;
    case 'timer':
      containerTimer(m, c, e.what, now, fx);
  }
}

function containerTimer(m: PodModel, c: ContainerModel, what: string, now: number, fx: Effects): void {
  const running = c.step === 'running';
  if (what === 'sleepDone' && running) runProgram(m, c, now, fx);
  else if (what === 'stopped' && c.step === 'stopping') exited(m, c, c.program.ignoresSigterm ? 137 : 0, now, fx);
  else if ((what === 'readiness' || what === 'liveness' || what === 'startup') && running) probe(m, c, what, now, fx);
  else if (what === 'crash' && running) exited(m, c, c.script.exitCode, now, fx);
  else if (what === 'oom' && running) exited(m, c, 137, now, fx, 'OOMKilled');
  else if (what === 'postStartDone' && c.hookRunning) {
    c.hookRunning = false;
    startNext(m, fx);
  } else if (what === 'postStartFailed' && c.hookRunning) postStartFailed(m, c, now, fx);
  else if ((what === 'backoffDone' || what === 'pullBackoffDone' || what === 'configRetry') && c.step === 'backoff') {
    c.step = 'idle';
    startNext(m, fx);
  } else if (what === 'pullBackoff' && c.step === 'backoff') {
    enterPullBackOff(m, c, fx);
  }
}

/** When nothing runs and nothing will: sidecars stop, the sandbox goes, and a deleted pod is removed. */
function finishIfDone(m: PodModel, now: number, fx: Effects): void {
  if (m.deleteRequested) return;
  if (m.inits.length > 0 && m.containers.every((c) => c.step === 'done') && m.inits.some((c) => c.step !== 'done' && c.step !== 'stopping')) {
    if (m.initialized || m.terminating || m.inits.every((c) => c.role === 'sidecar' || c.step === 'done')) stopSidecars(m, now, fx);
  }
  const allDone = allContainers(m).every((c) => c.step === 'done');
  if (!allDone) return;
  if (!m.terminal) {
    m.terminal = true;
    if (m.sandbox === 'ready' || m.sandbox === 'creating') fx.push({ type: 'killSandbox' });
    m.sandbox = 'gone';
  }
  if (m.terminating) {
    m.deleteRequested = true;
    fx.push({ type: 'deletePod' });
  }
}
