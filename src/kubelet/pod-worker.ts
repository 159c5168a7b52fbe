// The pod worker as a pure function: stepPod(state, event, now) -> { next, effects }.
// Level-triggered: a `sync` carries the pod as the API server has it now, and the model
// moves towards it. Kubernetes twin: pkg/kubelet/pod_workers.go (syncPod, syncTerminatingPod,
// syncTerminatedPod) and kuberuntime_manager.go SyncPod.
import type { Frozen } from '../api/types.js';
import type { Pod } from '../api/types/pod.js';
import {
  created,
  enterPullBackOff,
  exited,
  imageFailed,
  imageReady,
  kill,
  probe,
  runProgram,
  specOf,
  startNext,
  started,
  type Effects,
} from './container-lifecycle.js';
import { REASONS, messages } from './container-messages.js';
import { cloneModel, type ContainerModel, type PodEvent, type PodModel, type StepResult } from './pod-model.js';

export function stepPod(state: PodModel, event: PodEvent, now: number): StepResult {
  const m = cloneModel(state);
  const fx: Effects = [];
  if (event.type === 'sync') sync(m, event.pod, now, fx);
  else if (event.type === 'sandboxReady') sandboxReady(m, event.podIP, now, fx);
  else if (event.type === 'deadline') deadline(m, now, fx);
  else {
    const c = m.containers.find((x) => x.name === event.container);
    if (c && c.instance === event.instance) containerEvent(m, c, event, now, fx);
  }
  finishIfDone(m, fx);
  return { next: m, effects: fx };
}

function sync(m: PodModel, pod: Frozen<Pod>, now: number, fx: Effects): void {
  m.spec = pod.spec;
  if (pod.metadata.deletionTimestamp) {
    beginTermination(m, pod, now, fx);
    return;
  }
  if (m.rejected || m.terminal) return;
  if (m.sandbox === 'none') {
    m.sandbox = 'creating';
    m.startTime ??= now;
    fx.push({ type: 'createSandbox' });
  }
}

function sandboxReady(m: PodModel, podIP: string, now: number, fx: Effects): void {
  if (m.sandbox !== 'creating') return;
  m.sandbox = 'ready';
  m.podIP = podIP;
  void now;
  startNext(m, fx);
}

/** Deletion: SIGTERM to every running container; whatever is left dies at the deadline. */
function beginTermination(m: PodModel, pod: Frozen<Pod>, now: number, fx: Effects): void {
  if (m.terminating) return;
  const graceS = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  const graceMs = graceS * 1000;
  m.terminating = { deadline: now + graceMs };
  for (const c of m.containers) {
    if (c.step === 'running') kill(m, c, graceMs, messages.stopping(c.name), fx);
    else if (c.step !== 'stopping') {
      c.instance++;
      c.step = 'done';
    }
  }
  if (m.containers.some((c) => c.step === 'stopping')) fx.push({ type: 'after', ms: graceMs, event: { type: 'deadline' } });
}

function deadline(m: PodModel, now: number, fx: Effects): void {
  for (const c of m.containers) if (c.step === 'stopping') exited(m, c, 137, now, fx);
}

function containerEvent(m: PodModel, c: ContainerModel, e: Exclude<PodEvent, { type: 'sync' | 'sandboxReady' | 'deadline' }>, now: number, fx: Effects): void {
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
    case 'containerCreated':
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
  if (what === 'sleepDone' && c.step === 'running') runProgram(m, c, now, fx);
  else if (what === 'stopped' && c.step === 'stopping') exited(m, c, c.program.ignoresSigterm ? 137 : 0, now, fx);
  else if ((what === 'readiness' || what === 'liveness') && c.step === 'running') probe(m, c, what, fx);
  else if (what === 'backoffDone' && c.step === 'backoff') {
    c.step = 'idle';
    startNext(m, fx);
  } else if (what === 'pullBackoff' && c.step === 'backoff') {
    enterPullBackOff(m, c, fx);
  } else if (what === 'pullBackoffDone' && c.step === 'backoff') {
    c.step = 'idle';
    startNext(m, fx);
  }
}

/** When nothing runs and nothing will: the sandbox goes, and a deleted pod is removed. */
function finishIfDone(m: PodModel, fx: Effects): void {
  if (m.deleteRequested) return;
  const allDone = m.containers.every((c) => c.step === 'done');
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
