// What the kubelet knows of one pod, its inputs and its outputs, as plain data.
// Kubernetes twin: pkg/kubelet/pod_workers.go (one worker per pod) with the runtime's view of
// the pod's containers (kubecontainer.PodStatus); effects stand for the calls the real
// kubelet makes to the runtime, the API server and the event recorder.
import type { Frozen } from '../api/types.js';
import type { Pod, PodSpec } from '../api/types/pod.js';
import type { CachedImage } from './runtime/image-service.js';
import type { ShellProgram } from './runtime/shell-parse.js';
import type { ShellCursor as Cursor } from './runtime/shell-run.js';
import { programOf } from './runtime/shell-parse.js';
import type { KubeletProfile } from './profile.js';

export interface RunInfo {
  containerID: string;
  imageID: string;
  /** Set once the runtime started it. */
  startedAt?: number;
  exit?: { code: number; reason: string; finishedAt: number };
}

export interface ProbeCounters {
  successes: number;
  failures: number;
}

export interface ContainerModel {
  name: string;
  /** Bumped for every new attempt; timers carry it so that a stale one does nothing. */
  instance: number;
  /** Where the kubelet is with this container. */
  step: 'idle' | 'pulling' | 'creating' | 'starting' | 'running' | 'stopping' | 'backoff' | 'done';
  /** The current (or last) container instance, and the one before it. */
  run?: RunInfo;
  lastRun?: RunInfo;
  /** Shown as state.waiting while set. */
  waiting?: { reason: string; message?: string };
  restartCount: number;
  ready: boolean;
  /** Resolved by the runtime when the image is ready: "docker.io/library/nginx:1.27". */
  imageFull?: string;
  imageID?: string;
  /** The shell program and where it stands, and the container's own files. */
  program: ShellProgram;
  cursor: Cursor;
  files: Record<string, string>;
  /** Next crash-loop delay and image-pull delay (0: none yet). */
  crashBackoffMs: number;
  pullBackoffMs: number;
  /** The last pull error, for the ImagePullBackOff message. */
  pullError?: string;
  readiness: ProbeCounters;
  liveness: ProbeCounters;
}

export interface PodModel {
  uid: string;
  namespace: string;
  name: string;
  spec: Frozen<PodSpec>;
  sandbox: 'none' | 'creating' | 'ready' | 'gone';
  podIP?: string;
  startTime?: number;
  containers: ContainerModel[];
  /** Set when the pod has a deletionTimestamp: when the survivors are killed. */
  terminating?: { deadline: number };
  /** All containers are down and the pod will not run again. */
  terminal: boolean;
  /** Node admission refused the pod. */
  rejected?: { reason: string; message: string };
  /** The pod's deletion was asked of the API server. */
  deleteRequested: boolean;
  profile: KubeletProfile;
}

export type PodEvent =
  | { type: 'sync'; pod: Frozen<Pod> }
  | { type: 'sandboxReady'; podIP: string }
  | { type: 'imagePresent'; container: string; instance: number; image: CachedImage }
  | { type: 'imageNeverPull'; container: string; instance: number }
  | { type: 'imagePulling'; container: string; instance: number }
  | { type: 'imagePulled'; container: string; instance: number; image: CachedImage; pullMs: number; totalMs: number; sizeBytes: number }
  | { type: 'imagePullFailed'; container: string; instance: number; message: string }
  | { type: 'containerCreated'; container: string; instance: number; containerID: string }
  | { type: 'containerStarted'; container: string; instance: number }
  | { type: 'timer'; container: string; instance: number; what: ContainerTimer }
  | { type: 'deadline' };

export type ContainerTimer = 'sleepDone' | 'stopped' | 'backoffDone' | 'pullBackoff' | 'pullBackoffDone' | 'readiness' | 'liveness';

export type PodEffect =
  | { type: 'event'; eventType: 'Normal' | 'Warning'; reason: string; message: string }
  | { type: 'after'; ms: number; event: PodEvent }
  | { type: 'createSandbox' }
  | { type: 'killSandbox' }
  | { type: 'ensureImage'; container: string; instance: number; image: string; policy: string }
  | { type: 'createContainer'; container: string; instance: number }
  | { type: 'startContainer'; container: string; instance: number }
  | { type: 'log'; container: string; lines: string[] }
  | { type: 'deletePod' };

export interface StepResult {
  next: PodModel;
  effects: PodEffect[];
}

function newContainer(c: Frozen<PodSpec>['containers'][number]): ContainerModel {
  return {
    name: c.name,
    instance: 0,
    step: 'idle',
    waiting: { reason: 'ContainerCreating' },
    restartCount: 0,
    ready: false,
    program: programOf(c as { command?: string[]; args?: string[]; image?: string }),
    cursor: { pc: 0, status: 0 },
    files: {},
    crashBackoffMs: 0,
    pullBackoffMs: 0,
    readiness: { successes: 0, failures: 0 },
    liveness: { successes: 0, failures: 0 },
  };
}

/** The model of a pod the kubelet has just been given. */
export function newPodModel(pod: Frozen<Pod>, profile: KubeletProfile): PodModel {
  return {
    uid: pod.metadata.uid ?? '',
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name ?? '',
    spec: pod.spec,
    sandbox: 'none',
    containers: pod.spec.containers.map(newContainer),
    terminal: false,
    deleteRequested: false,
    profile,
  };
}

/** A copy the step may change freely (containers and their records copied one level down). */
export function cloneModel(m: PodModel): PodModel {
  return { ...m, containers: m.containers.map((c) => ({ ...c, cursor: { ...c.cursor }, readiness: { ...c.readiness }, liveness: { ...c.liveness } })) };
}

/** Node admission refused the pod: it never runs and ends Failed. */
export function rejectedModel(m: PodModel, reason: string, message: string): PodModel {
  return { ...m, rejected: { reason, message }, terminal: true, sandbox: 'gone', containers: m.containers.map((c) => ({ ...c, step: 'done' as const })) };
}
