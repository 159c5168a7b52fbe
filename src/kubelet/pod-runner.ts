// The thin, impure shell around stepPod: it feeds the worker its events one at a time,
// carries out the effects (timers on the clock, the runtime's images, sandboxes and
// containers, events, logs) and writes the pod's status when it changed, then deletes a
// pod whose termination is complete. Kubernetes twin: pkg/kubelet/pod_workers.go
// (managePodLoop) with pkg/kubelet/status/status_manager.go (syncPod: write if changed).
import type { Cancel, Clock } from '../clock/clock.js';
import type { Random } from '../clock/random.js';
import type { Frozen, KubeObject } from '../api/types.js';
import type { Pod, PodStatus } from '../api/types/pod.js';
import { CONFIGMAPS, PODS, SECRETS, isConflict, isNotFound, type Client, type EventRecorder } from '../client/index.js';
import { podStatusPatch } from './pod-status-patch.js';
import { sameDesiredPod } from './pod-change.js';
import { decodeData, envError, envRefs, refKey, volumeRefs, type ConfigData, type ConfigRef } from './runtime/config-refs.js';
import { mountError } from './runtime/volumes.js';
import { containerEnv, expandedCommand } from './runtime/container-env.js';
import { programOf } from './runtime/shell-parse.js';
import { containerId } from './runtime/container-id.js';
import { specOf } from './container-lifecycle.js';
import type { ImageService } from './runtime/image-service.js';
import type { PodCIDRAllocator } from './pod-cidr.js';
import type { PodLogStore } from './runtime/pod-log-store.js';
import type { KubeletProfile } from './profile.js';
import { stepPod } from './pod-worker.js';
import { execInContainer, type ExecOutcome } from './container-exec.js';
import { buildPodStatus } from './pod-status.js';
import { jsonEqual } from '../api/patch/json-value.js';
import { NO_CONFIG, allContainers, isRuntimeStep, syncInFlight, withPodObject, type PodEffect, type PodEvent, type PodModel } from './pod-model.js';

/** What a pod's runner shares with the rest of its node. */
export interface NodeServices {
  client: Client;
  clock: Clock;
  random: Random;
  recorder: EventRecorder;
  images: ImageService;
  ipam: PodCIDRAllocator;
  logs: PodLogStore;
  hostIP: string;
  profile: KubeletProfile;
  /** False while the kubelet is stopped: nothing reaches the API server. */
  connected(): boolean;
}

const RETRY_MS = 1000;
export class PodRunner {
  #model: PodModel;
  #pod: Frozen<Pod>;
  /** Events dispatched while a step runs (an effect's answer), made only then: most pods never need one kept. */
  #waiting: PodEvent[] | undefined;
  #stepping = false;
  /** Pending timers, to cancel on teardown; made when one is set, dropped when none is left (a running server has none). */
  #timers: Set<Cancel> | undefined;
  /**
   * The status as the API server last showed it (watch, or our own write's answer): what the
   * next status is built on and diffed against. No copy of our own is kept.
   */
  #server: Frozen<PodStatus> | undefined;
  #serverVersion = 0;
  #writing = false;
  #gone = false;
  /** A sync began since the status was last written: write it even while the runtime is busy. */
  #due = false;
  /**
   * The last patch sent, until the pod's model moves again: should the server store what we
   * send in another shape (dropping an empty field, say), the same patch would come out after
   * every answer, and it is not sent twice in a row. Kept as sent, not as JSON text: it is
   * compared only in that rare case, and the text would cost a stringify of every patch.
   */
  #lastPatch: Record<string, unknown> | undefined;
  /**
   * The status the last patch was made from, until the pod's model moves again. A model that has
   * not moved wants the same status, so when the write's answer comes the server is checked
   * against this one instead of a new build; only a server that stored something else (or
   * changed since) makes the next flush build it anew.
   */
  #sent: PodStatus | undefined;

  constructor(
    private readonly node: NodeServices,
    pod: Frozen<Pod>,
    model: PodModel,
  ) {
    this.#pod = pod;
    this.#server = pod.status;
    this.#model = model;
  }

  get model(): PodModel {
    return this.#model;
  }

  get uid(): string {
    return this.#model.uid;
  }

  /** The API server's newest copy of the pod. */
  sync(pod: Frozen<Pod>): void {
    const before = this.#pod;
    this.#pod = pod;
    // Over HTTP the echo of an earlier write can come after the answer to a later one.
    if (!(Number(pod.metadata.resourceVersion) < this.#serverVersion)) this.#server = pod.status;
    // A change of status alone (our own write coming back) is recorded, not synced, as the
    // kubelet's pod config does (checkAndUpdatePod: reconcile, no update).
    if (before !== pod && sameDesiredPod(before, pod)) {
      // Point the model at the newest object so that the old version can be collected.
      this.#model = withPodObject(this.#model, pod);
      return;
    }
    this.dispatch({ type: 'sync', pod });
  }

  dispatch(event: PodEvent): void {
    if (this.#gone) return;
    if (this.#stepping) {
      (this.#waiting ??= []).push(event);
      return;
    }
    this.#stepping = true;
    try {
      for (let e: PodEvent | undefined = event; e; e = this.#waiting?.shift()) this.#step(e);
      this.#waiting = undefined;
    } finally {
      this.#stepping = false;
    }
    this.#flush();
  }

  #step(event: PodEvent): void {
    const { next, effects } = stepPod(this.#model, event, this.node.clock.now());
    this.#model = next;
    this.#lastPatch = undefined;
    this.#sent = undefined;
    if (!isRuntimeStep(event)) this.#due = true;
    for (const fx of effects) this.#apply(fx);
  }

  /** `kubectl exec`: runs a command in one of the pod's running containers (undefined if none runs). */
  exec(container: string, command: readonly string[], stdin?: string): ExecOutcome | undefined {
    if (this.#gone) return undefined;
    const ran = execInContainer(this.#model, container, command, stdin);
    if (!ran) return undefined;
    this.#model = ran.model;
    return ran.outcome;
  }

  /** Records an event about the pod, as the kubelet's recorder does. */
  event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    if (!this.node.connected()) return;
    const object = { apiVersion: 'v1', kind: 'Pod', metadata: this.#pod.metadata } as Frozen<KubeObject>;
    void this.node.recorder.event(object, type, reason, message);
  }

  /** The pod is gone from the API server: stop everything and free what it held. */
  teardown(): void {
    this.#gone = true;
    for (const cancel of this.#timers ?? []) cancel();
    this.#timers = undefined;
    this.node.ipam.release(this.#model.uid);
    this.node.logs.remove(this.#model.namespace, this.#model.name);
  }

  #after(ms: number, fire: () => void): void {
    const timers = (this.#timers ??= new Set());
    const cancel = this.node.clock.after(ms, () => {
      timers.delete(cancel);
      if (timers.size === 0 && this.#timers === timers) this.#timers = undefined;
      fire();
    });
    timers.add(cancel);
  }

  #apply(fx: PodEffect): void {
    const { node } = this;
    const m = this.#model;
    switch (fx.type) {
      case 'event':
        return this.event(fx.eventType, fx.reason, fx.message);
      case 'after':
        return this.#after(fx.ms, () => this.dispatch(fx.event));
      case 'createSandbox': {
        const ip = m.spec.hostNetwork ? node.hostIP : (node.ipam.allocate(m.uid) ?? node.hostIP);
        return this.#after(node.profile.sandboxMs, () => this.dispatch({ type: 'sandboxReady', podIP: ip }));
      }
      case 'killSandbox':
        return node.ipam.release(m.uid);
      case 'ensureImage':
        return this.#ensureImage(fx.container, fx.instance, fx.image, fx.policy);
      case 'createContainer':
        return this.#createContainer(fx.container, fx.instance);
      case 'mountVolumes':
        return this.#mountVolumes();
      case 'containerExited':
        return node.logs.end(m.namespace, m.name, fx.container);
      case 'startContainer':
        return this.#after(node.profile.startContainerMs, () => {
          const c = allContainers(this.#model).find((x) => x.name === fx.container);
          if (c?.instance === fx.instance) node.logs.begin(m.namespace, m.name, fx.container, c.restartCount > 0);
          this.dispatch({ type: 'containerStarted', container: fx.container, instance: fx.instance });
        });
      case 'log':
        return node.logs.append(m.namespace, m.name, fx.container, node.clock.now(), fx.lines);
      case 'deletePod':
        return; // carried out by flush, once the final status is written
    }
  }

  /** Reads ConfigMaps and Secrets through the API, as the kubelet's managers do; absent ones are null. */
  async #fetch(refs: readonly ConfigRef[]): Promise<ConfigData> {
    const data: ConfigData = {};
    const ns = this.#model.namespace;
    for (const r of refs) {
      const key = refKey(r);
      if (key in data) continue;
      try {
        const obj = await this.node.client.get(r.kind === 'configmap' ? CONFIGMAPS : SECRETS, ns, r.name);
        data[key] = decodeData(r.kind, obj as { data?: Record<string, string>; binaryData?: Record<string, string> });
      } catch (e) {
        if (!isNotFound(e)) throw e;
        data[key] = null;
      }
    }
    return data;
  }

  /** The periodic sync of a running pod's ConfigMap and Secret volumes (none: nothing to read). */
  syncVolumes(): void {
    const m = this.#model;
    if (this.#gone || m.terminal || m.volumes !== 'ready' || !this.node.connected()) return;
    const refs = volumeRefs(m.spec);
    if (refs.length === 0) return;
    this.#fetch(refs).then(
      (data) => this.dispatch({ type: 'volumesSynced', data }),
      () => {}, // the next period tries again
    );
  }

  #mountVolumes(): void {
    const refs = volumeRefs(this.#model.spec);
    if (refs.length === 0) return this.dispatch({ type: 'volumesMounted', data: NO_CONFIG });
    this.#fetch(refs).then(
      (data) => {
        const error = mountError(this.#model.spec, data);
        this.dispatch(error ? { type: 'mountFailed', message: error } : { type: 'volumesMounted', data });
      },
      () => this.#after(RETRY_MS, () => this.dispatch({ type: 'mountRetry' })),
    );
  }

  /**
   * CreateContainer: first the env's ConfigMaps and Secrets must exist (CreateContainerConfigError);
   * then the command and args are expanded from the environment ($(VAR)).
   */
  #createContainer(container: string, instance: number): void {
    const { node } = this;
    const c = allContainers(this.#model).find((x) => x.name === container);
    const spec = c && specOf(this.#model, c);
    const create = (data: ConfigData): void => {
      const containerID = containerId(node.random);
      const m = this.#model;
      const cmd = spec && expandedCommand(spec, () => containerEnv(spec, { spec: m.spec, meta: m.meta, podIP: m.podIP, hostIP: node.hostIP, data: { ...m.configData, ...data } }));
      const program = spec && cmd ? programOf({ ...spec, ...cmd }) : undefined;
      this.#after(node.profile.createContainerMs, () => this.dispatch({ type: 'containerCreated', container, instance, containerID, program }));
    };
    const refs = spec ? envRefs(spec) : [];
    if (!spec || refs.length === 0) return create(NO_CONFIG);
    this.#fetch(refs).then(
      (data) => {
        const error = envError(spec, data, this.#model.namespace);
        if (error) this.dispatch({ type: 'configError', container, instance, message: error });
        else create(data);
      },
      () => this.dispatch({ type: 'configError', container, instance, message: 'failed to sync configmap cache: timed out waiting for the condition' }),
    );
  }

  #ensureImage(container: string, instance: number, image: string, policy: string): void {
    const { images, clock } = this.node;
    const plan = images.plan(image, policy);
    if (plan.kind === 'present') return this.dispatch({ type: 'imagePresent', container, instance, image: plan.image });
    if (plan.kind === 'never') return this.dispatch({ type: 'imageNeverPull', container, instance });
    this.dispatch({ type: 'imagePulling', container, instance });
    const result = images.pull(image, clock.now());
    this.#after(result.totalMs, () => {
      if (!result.ok) return this.dispatch({ type: 'imagePullFailed', container, instance, message: result.message });
      const image = images.store(result.image);
      this.dispatch({ type: 'imagePulled', container, instance, image, pullMs: result.pullMs, totalMs: result.totalMs, sizeBytes: image.sizeBytes });
    });
  }

  /** A sync from outside (the kubelet came back): writes the status if it changed. */
  flush(): void {
    this.#due = true;
    this.#flush();
  }

  /**
   * Writes the status if it changed since the last write, then deletes a finished pod. While
   * the runtime is busy with the pod, only a sync that began since the last write is written;
   * the rest wait for the runtime to finish. E.g. sandbox (40 ms), pull, create and start of a
   * pod's one container: written at the pod's first sync and once it runs.
   */
  #flush(): void {
    if (this.#gone || this.#writing || !this.node.connected()) return;
    if (!this.#due && syncInFlight(this.#model)) return;
    this.#due = false;
    // The model has not moved since the last write and the server holds what was sent: nothing
    // new to say, and no status to build (see #sent).
    const serverHoldsSent = this.#sent !== undefined && !podStatusPatch(this.#model.uid, this.#server, this.#sent);
    const status = serverHoldsSent ? undefined : buildPodStatus(this.#pod, this.#model, this.node.hostIP, this.#server, this.node.clock.now());
    const patch = status && podStatusPatch(this.#model.uid, this.#server, status);
    if (patch && !(this.#lastPatch && jsonEqual(patch, this.#lastPatch))) {
      this.#lastPatch = patch;
      this.#sent = status;
      return void this.#write(patch);
    }
    if (!patch) {
      // The server has it all: nothing to remember.
      this.#lastPatch = undefined;
      this.#sent = undefined;
    }
    if (this.#model.deleteRequested) void this.#delete();
  }

  /** PATCH pods/status, as the status manager does; no GET first: the watch has the pod. */
  async #write(patch: Record<string, unknown>): Promise<void> {
    this.#writing = true;
    const m = this.#model;
    try {
      const pod = await this.node.client.patch(PODS, m.namespace, m.name, 'strategic', patch, { subresource: 'status' });
      this.#server = pod.status;
      this.#serverVersion = Number(pod.metadata.resourceVersion);
    } catch (e) {
      // NotFound: deleted; Conflict: the uid precondition failed, another pod took the name.
      if (isNotFound(e) || isConflict(e)) this.#gone = true;
      else this.#after(RETRY_MS, () => this.flush());
      this.#lastPatch = undefined;
      this.#sent = undefined;
      return;
    } finally {
      this.#writing = false;
    }
    this.#flush();
  }

  async #delete(): Promise<void> {
    if (this.#writing) return;
    this.#writing = true;
    const m = this.#model;
    try {
      await this.node.client.delete(PODS, m.namespace, m.name, { gracePeriodSeconds: 0, preconditions: { uid: m.uid } });
      this.#gone = true;
    } catch (e) {
      if (isNotFound(e)) this.#gone = true;
      else this.#after(RETRY_MS, () => this.flush());
    } finally {
      this.#writing = false;
    }
  }
}
