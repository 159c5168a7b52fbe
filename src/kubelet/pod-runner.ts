// The thin, impure shell around stepPod: it feeds the worker its events one at a time,
// carries out the effects (timers on the clock, the runtime's images, sandboxes and
// containers, events, logs) and writes the pod's status when it changed, then deletes a
// pod whose termination is complete. Kubernetes twin: pkg/kubelet/pod_workers.go
// (managePodLoop) with pkg/kubelet/status/status_manager.go (syncPod: write if changed).
import type { Cancel, Clock } from '../clock/clock.js';
import type { Random } from '../clock/random.js';
import type { Frozen, KubeObject } from '../api/types.js';
import type { Pod, PodStatus } from '../api/types/pod.js';
import { CONFIGMAPS, PODS, SECRETS, isNotFound, type Client, type EventRecorder } from '../client/index.js';
import { decodeData, envError, envRefs, refKey, volumeRefs, type ConfigData, type ConfigRef } from './runtime/config-refs.js';
import { mountError } from './runtime/volumes.js';
import { specOf } from './container-lifecycle.js';
import type { ImageService } from './runtime/image-service.js';
import type { PodCIDRAllocator } from './pod-cidr.js';
import type { PodLogStore } from './runtime/pod-log-store.js';
import type { KubeletProfile } from './profile.js';
import { stepPod } from './pod-worker.js';
import { buildPodStatus } from './pod-status.js';
import { allContainers, type PodEffect, type PodEvent, type PodModel } from './pod-model.js';

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
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function containerId(random: Random): string {
  let s = '';
  for (const b of random.bytes(new Uint8Array(32))) s += HEX[b];
  return s;
}

export class PodRunner {
  #model: PodModel;
  #pod: Frozen<Pod>;
  readonly #queue: PodEvent[] = [];
  #stepping = false;
  readonly #timers = new Set<Cancel>();
  #written: Frozen<PodStatus> | undefined;
  #writtenJson = '';
  #writing = false;
  #gone = false;

  constructor(
    private readonly node: NodeServices,
    pod: Frozen<Pod>,
    model: PodModel,
  ) {
    this.#pod = pod;
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
    this.#pod = pod;
    this.dispatch({ type: 'sync', pod });
  }

  dispatch(event: PodEvent): void {
    if (this.#gone) return;
    this.#queue.push(event);
    if (this.#stepping) return;
    this.#stepping = true;
    try {
      for (let e = this.#queue.shift(); e; e = this.#queue.shift()) {
        const { next, effects } = stepPod(this.#model, e, this.node.clock.now());
        this.#model = next;
        for (const fx of effects) this.#apply(fx);
      }
    } finally {
      this.#stepping = false;
    }
    this.flush();
  }

  /** Records an event about the pod, as the kubelet's recorder does. */
  event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    if (!this.node.connected()) return;
    const object = { ...this.#pod, kind: 'Pod', apiVersion: 'v1' } as unknown as Frozen<KubeObject>;
    void this.node.recorder.event(object, type, reason, message);
  }

  /** The pod is gone from the API server: stop everything and free what it held. */
  teardown(): void {
    this.#gone = true;
    for (const cancel of this.#timers) cancel();
    this.#timers.clear();
    this.node.ipam.release(this.#model.uid);
    this.node.logs.remove(this.#model.namespace, this.#model.name);
  }

  #after(ms: number, fire: () => void): void {
    const cancel = this.node.clock.after(ms, () => {
      this.#timers.delete(cancel);
      fire();
    });
    this.#timers.add(cancel);
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

  #mountVolumes(): void {
    const refs = volumeRefs(this.#model.spec);
    if (refs.length === 0) return this.dispatch({ type: 'volumesMounted', data: {} });
    this.#fetch(refs).then(
      (data) => {
        const error = mountError(this.#model.spec, data);
        this.dispatch(error ? { type: 'mountFailed', message: error } : { type: 'volumesMounted', data });
      },
      () => this.#after(RETRY_MS, () => this.dispatch({ type: 'mountRetry' })),
    );
  }

  /** CreateContainer: first the env's ConfigMaps and Secrets must exist (CreateContainerConfigError). */
  #createContainer(container: string, instance: number): void {
    const { node } = this;
    const create = (): void => {
      const containerID = containerId(node.random);
      this.#after(node.profile.createContainerMs, () => this.dispatch({ type: 'containerCreated', container, instance, containerID }));
    };
    const c = allContainers(this.#model).find((x) => x.name === container);
    const spec = c && specOf(this.#model, c);
    const refs = spec ? envRefs(spec) : [];
    if (!spec || refs.length === 0) return create();
    this.#fetch(refs).then(
      (data) => {
        const error = envError(spec, data, this.#model.namespace);
        if (error) this.dispatch({ type: 'configError', container, instance, message: error });
        else create();
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
      images.store(result.image);
      this.dispatch({ type: 'imagePulled', container, instance, image: result.image, pullMs: result.pullMs, totalMs: result.totalMs, sizeBytes: result.image.sizeBytes });
    });
  }

  /** Writes the status if it changed since the last write, then deletes a finished pod. */
  flush(): void {
    if (this.#gone || this.#writing || !this.node.connected()) return;
    const status = buildPodStatus(this.#pod, this.#model, this.node.hostIP, this.#written, this.node.clock.now());
    const json = JSON.stringify(status);
    if (json !== this.#writtenJson) {
      this.#write(status, json);
      return;
    }
    if (this.#model.deleteRequested) void this.#delete();
  }

  async #write(status: PodStatus, json: string): Promise<void> {
    this.#writing = true;
    const pod = this.#pod;
    try {
      await this.node.client.updateStatus(PODS, { ...pod, metadata: { ...pod.metadata, resourceVersion: undefined }, status } as Frozen<Pod>);
      this.#written = status as Frozen<PodStatus>;
      this.#writtenJson = json;
    } catch (e) {
      if (isNotFound(e)) this.#gone = true;
      else this.#after(RETRY_MS, () => this.flush());
      return;
    } finally {
      this.#writing = false;
    }
    this.flush();
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
