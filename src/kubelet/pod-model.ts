// What the kubelet knows of one pod, its inputs and its outputs, as plain data.
// Kubernetes twin: pkg/kubelet/pod_workers.go (one worker per pod) with the runtime's view of
// the pod's containers (kubecontainer.PodStatus); effects stand for the calls the real
// kubelet makes to the runtime, the API server and the event recorder.
import type { Frozen, ObjectMeta } from '../api/types.js';
import type { Container, Pod, PodSpec } from '../api/types/pod.js';
import { containerScript, type ContainerScript } from './runtime/annotations.js';
import type { ConfigData } from './runtime/config-refs.js';
import type { CachedImage } from './runtime/image-service.js';
import type { ShellProgram } from './runtime/shell-parse.js';
import type { ShellCursor as Cursor } from './runtime/shell-run.js';
import { programOf } from './runtime/shell-parse.js';
import { NO_FILES } from './runtime/container-files.js';
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

/** An init container runs to completion first; a sidecar is an init container with restartPolicy Always. */
export type ContainerRole = 'init' | 'sidecar' | 'app';

export interface ContainerModel {
  name: string;
  role: ContainerRole;
  /** Bumped for every new attempt; timers carry it so that a stale one does nothing. */
  instance: number;
  /** Where the kubelet is with this container. */
  step: 'idle' | 'pulling' | 'creating' | 'starting' | 'running' | 'stopping' | 'backoff' | 'done';
  /** The current (or last) container instance, and the one before it. */
  run?: RunInfo;
  lastRun?: RunInfo;
  /** Shown as state.waiting while set. */
  waiting?: Readonly<{ reason: string; message?: string }>;
  restartCount: number;
  ready: boolean;
  /** Resolved by the runtime when the image is ready: "docker.io/library/nginx:1.27". */
  imageFull?: string;
  imageID?: string;
  /** The shell program and where it stands, and the container's own files. */
  program: ShellProgram;
  cursor: Cursor;
  files: Readonly<Record<string, string>>;
  /** Next crash-loop delay and image-pull delay (0: none yet). */
  crashBackoffMs: number;
  pullBackoffMs: number;
  /** The last pull error, for the ImagePullBackOff message. */
  pullError?: string;
  readiness: ProbeCounters;
  liveness: ProbeCounters;
  startup: ProbeCounters;
  /** The startup probe passed (or there is none) for the running instance. */
  started: boolean;
  /** A postStart hook is still running: the next container waits, as SyncPod does. */
  hookRunning: boolean;
  /** What the pod's kubesim.io annotations script for this container. */
  script: ContainerScript;
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
  /** Init containers and sidecars, in spec order. */
  inits: ContainerModel[];
  /** Every init container completed (sidecars: started) once; it stays so. */
  initialized: boolean;
  /** The pod's metadata as last seen (downward API, annotations). */
  meta: Frozen<ObjectMeta>;
  /** Volumes: the ConfigMaps and Secrets read for them, and emptyDir contents by volume. */
  volumes: 'none' | 'mounting' | 'ready';
  configData: ConfigData;
  /** Replaced, never changed in place, when a container writes under an emptyDir mount. */
  emptyDirs: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The main containers are done: sidecars are being stopped for good. */
  stoppingSidecars: boolean;
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
  /** `program`: the command as created, when $(VAR) expansion changed it. */
  | { type: 'containerCreated'; container: string; instance: number; containerID: string; program?: ShellProgram }
  | { type: 'containerStarted'; container: string; instance: number }
  | { type: 'timer'; container: string; instance: number; what: ContainerTimer }
  | { type: 'configError'; container: string; instance: number; message: string }
  | { type: 'volumesMounted'; data: ConfigData }
  /** The periodic sync read the volumes' ConfigMaps and Secrets again. */
  | { type: 'volumesSynced'; data: ConfigData }
  | { type: 'mountFailed'; message: string }
  | { type: 'mountRetry' }
  | { type: 'deadline' };

/**
 * Events that happen inside the runtime's SyncPod (a step of its sandbox, pull, create or
 * start); every other event starts a sync of its own, as a pod update, a PLEG event or a probe
 * result does, and brings the written status up to date.
 */
export const isRuntimeStep = (e: PodEvent): boolean =>
  e.type === 'volumesMounted' ||
  e.type === 'sandboxReady' ||
  e.type === 'imagePresent' ||
  e.type === 'imagePulling' ||
  e.type === 'imagePulled' ||
  e.type === 'containerCreated' ||
  e.type === 'containerStarted' ||
  (e.type === 'timer' && e.what === 'postStartDone');

export type ContainerTimer =
  | 'sleepDone'
  | 'stopped'
  | 'backoffDone'
  | 'pullBackoff'
  | 'pullBackoffDone'
  | 'readiness'
  | 'liveness'
  | 'startup'
  | 'postStartDone'
  | 'postStartFailed'
  | 'crash'
  | 'oom'
  | 'configRetry';

export type PodEffect =
  | { type: 'event'; eventType: 'Normal' | 'Warning'; reason: string; message: string }
  | { type: 'after'; ms: number; event: PodEvent }
  | { type: 'createSandbox' }
  | { type: 'killSandbox' }
  | { type: 'mountVolumes' }
  | { type: 'containerExited'; container: string }
  | { type: 'ensureImage'; container: string; instance: number; image: string; policy: string }
  | { type: 'createContainer'; container: string; instance: number }
  | { type: 'startContainer'; container: string; instance: number }
  | { type: 'log'; container: string; lines: string[] }
  | { type: 'deletePod' };

export interface StepResult {
  next: PodModel;
  effects: PodEffect[];
}

/** Shared starting values: a step replaces them, never changes them (see copyContainer). */
export const NO_PROBES: Readonly<ProbeCounters> = Object.freeze({ successes: 0, failures: 0 });
export const START: Readonly<Cursor> = Object.freeze({ pc: 0, status: 0 });

const CONTAINER_CREATING = Object.freeze({ reason: 'ContainerCreating' });
const POD_INITIALIZING = Object.freeze({ reason: 'PodInitializing' });
/** A pod without init containers, ConfigMaps, Secrets or emptyDirs shares these. */
const NO_CONTAINERS: ContainerModel[] = Object.freeze([]) as unknown as ContainerModel[];
export const NO_CONFIG: ConfigData = Object.freeze({}) as ConfigData;
const NO_EMPTY_DIRS: PodModel['emptyDirs'] = Object.freeze({});

/**
 * Every field of T, the optional ones too (as possibly undefined): a literal of this type lists
 * them all, so the compiler holds the copies below to the interfaces.
 */
type EveryField<T> = { [K in keyof Required<T>]: T[K] };

/**
 * A copy the step may change freely; the records inside a container (run, cursor, probe
 * counters, files) are replaced by the step, never changed in place. Every field is written
 * out, in one order, rather than spread: each step copies the model, and a spread makes objects
 * that keep most fields out of line (more bytes, a slower copy) and take a new shape whenever an
 * optional field is first set. A model from newContainer and a copy have the same shape.
 */
function copyContainer(c: ContainerModel): ContainerModel {
  const copy: EveryField<ContainerModel> = {
    name: c.name,
    role: c.role,
    instance: c.instance,
    step: c.step,
    run: c.run,
    lastRun: c.lastRun,
    waiting: c.waiting,
    restartCount: c.restartCount,
    ready: c.ready,
    imageFull: c.imageFull,
    imageID: c.imageID,
    program: c.program,
    cursor: c.cursor,
    files: c.files,
    crashBackoffMs: c.crashBackoffMs,
    pullBackoffMs: c.pullBackoffMs,
    pullError: c.pullError,
    readiness: c.readiness,
    liveness: c.liveness,
    startup: c.startup,
    started: c.started,
    hookRunning: c.hookRunning,
    script: c.script,
  };
  return copy;
}

/** The pod's model with these container lists; every field written out, as in copyContainer. */
function copyPod(m: PodModel, containers: ContainerModel[], inits: ContainerModel[]): PodModel {
  const copy: EveryField<PodModel> = {
    uid: m.uid,
    namespace: m.namespace,
    name: m.name,
    spec: m.spec,
    sandbox: m.sandbox,
    podIP: m.podIP,
    startTime: m.startTime,
    containers,
    inits,
    initialized: m.initialized,
    meta: m.meta,
    volumes: m.volumes,
    configData: m.configData,
    emptyDirs: m.emptyDirs,
    stoppingSidecars: m.stoppingSidecars,
    terminating: m.terminating,
    terminal: m.terminal,
    rejected: m.rejected,
    deleteRequested: m.deleteRequested,
    profile: m.profile,
  };
  return copy;
}

function newContainer(c: Frozen<Container>, role: ContainerRole, waiting: string, annotations: Readonly<Record<string, string>> | undefined): ContainerModel {
  return copyContainer({
    name: c.name,
    role,
    instance: 0,
    step: 'idle',
    waiting: waiting === 'PodInitializing' ? POD_INITIALIZING : CONTAINER_CREATING,
    restartCount: 0,
    ready: false,
    program: programOf(c as { command?: string[]; args?: string[]; image?: string }),
    cursor: START,
    files: NO_FILES,
    crashBackoffMs: 0,
    pullBackoffMs: 0,
    readiness: NO_PROBES,
    liveness: NO_PROBES,
    startup: NO_PROBES,
    started: false,
    hookRunning: false,
    script: containerScript(annotations, c.name),
  });
}

/** The model of a pod the kubelet has just been given. */
export function newPodModel(pod: Frozen<Pod>, profile: KubeletProfile): PodModel {
  const inits = pod.spec.initContainers ?? [];
  // With init containers, everything not yet started waits as PodInitializing.
  const waiting = inits.length > 0 ? 'PodInitializing' : 'ContainerCreating';
  const annotations = pod.metadata.annotations;
  const fresh: PodModel = {
    uid: pod.metadata.uid ?? '',
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name ?? '',
    spec: pod.spec,
    sandbox: 'none',
    containers: NO_CONTAINERS,
    inits: NO_CONTAINERS,
    initialized: inits.length === 0,
    meta: pod.metadata,
    volumes: 'none',
    configData: NO_CONFIG,
    emptyDirs: NO_EMPTY_DIRS,
    stoppingSidecars: false,
    terminal: false,
    deleteRequested: false,
    profile,
  };
  const containers = pod.spec.containers.map((c) => newContainer(c, 'app', waiting, annotations));
  return copyPod(fresh, containers, inits.length === 0 ? NO_CONTAINERS : inits.map((c) => newContainer(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init', waiting, annotations)));
}

/** A copy the step may change freely: the pod and its containers are copied (see copyContainer). */
export function cloneModel(m: PodModel): PodModel {
  return copyPod(m, m.containers.map(copyContainer), m.inits.length === 0 ? m.inits : m.inits.map(copyContainer));
}

/** The model pointed at a newer version of the pod, whose spec asks nothing new; containers shared. */
export function withPodObject(m: PodModel, pod: Frozen<Pod>): PodModel {
  const next = copyPod(m, m.containers, m.inits);
  next.spec = pod.spec;
  next.meta = pod.metadata;
  return next;
}

/** Init containers and sidecars, then the main containers. */
export const allContainers = (m: PodModel): ContainerModel[] => (m.inits.length === 0 ? m.containers : [...m.inits, ...m.containers]);

/**
 * The runtime is in the middle of a SyncPod for the pod: volumes mounting, the sandbox being
 * created, an image pulled, a container created or started, a postStart hook running. The
 * real kubelet generates the pod's status when a sync begins and then blocks in the runtime,
 * so none of these intermediate states reach the API server: e.g. a pod whose sandbox, pull,
 * create and start take 250 ms is written Pending (no IP) and then Running, twice in all.
 */
export function syncInFlight(m: PodModel): boolean {
  if (m.volumes === 'mounting' || m.sandbox === 'creating') return true;
  for (const c of m.inits) if (c.hookRunning || c.step === 'pulling' || c.step === 'creating' || c.step === 'starting') return true;
  for (const c of m.containers) if (c.hookRunning || c.step === 'pulling' || c.step === 'creating' || c.step === 'starting') return true;
  return false;
}

/** Node admission refused the pod: it never runs and ends Failed. */
export function rejectedModel(m: PodModel, reason: string, message: string): PodModel {
  const next = cloneModel(m);
  for (const c of allContainers(next)) c.step = 'done';
  next.rejected = { reason, message };
  next.terminal = true;
  next.sandbox = 'gone';
  return next;
}
