// One simulated node: registers its Node, keeps its Lease and status fresh, watches the pods
// bound to it and runs a worker per pod. Kubernetes twin: pkg/kubelet/kubelet.go (Run,
// syncLoop, HandlePodAdditions with canAdmitPod), kubelet_node_status.go (registerWithAPIServer,
// syncNodeStatus) and the node lease controller.
import type { Cancel, Clock } from '../clock/clock.js';
import type { Random } from '../clock/random.js';
import type { Frozen, KubeObject } from '../api/types.js';
import type { Node } from '../api/types/node.js';
import type { Pod } from '../api/types/pod.js';
import { runningContainer, type ExecOutcome } from './container-exec.js';
import { EventRecorder, NODES, isAlreadyExists, isNotFound, keyOf, objectKeyOf, type Client } from '../client/index.js';
import { ownPodSource, type NodePodSource } from './pod-dispatcher.js';
import { admitPod, podRequests, type NodeAllocatable } from './admission.js';
import { initialNode, nodeStatus, uuidOf, type NodeConfig } from './node-object.js';
import { NodeLease } from './node-lease.js';
import { PodCIDRAllocator } from './pod-cidr.js';
import { newPodModel, rejectedModel } from './pod-model.js';
import { PodRunner, type NodeServices } from './pod-runner.js';
import { DEFAULT_PROFILE, withProfile, type KubeletProfile } from './profile.js';
import { ImageService, type RegistryOptions } from './runtime/image-service.js';
import { PodLogStore } from './runtime/pod-log-store.js';
import { milliValue, parseQuantity, unitValue } from '../api/quantity.js';

export interface NodeAgentOptions {
  client: Client;
  clock: Clock;
  /** The node's own stream (container ids, boot id, pull jitter): pass random.fork(). */
  random: Random;
  node: NodeConfig;
  profile?: Partial<KubeletProfile>;
  /** Shared by every node so that one LogSource serves the API server. */
  logs?: PodLogStore;
  registry?: RegistryOptions;
  /** Where the node's pods come from: by default its own watch; sim passes a shared PodDispatcher's source. */
  pods?: NodePodSource;
}

export interface NodeAgent {
  readonly name: string;
  readonly logs: PodLogStore;
  readonly images: ImageService;
  /** Resolves once the Node is registered, the lease exists and the pod informer has synced. */
  readonly ready: Promise<void>;
  /** True while the kubelet runs (false after stopKubelet or stop). */
  readonly running: boolean;
  /** Fault: the kubelet process dies. Heartbeats stop, nothing reaches the API; containers keep their state. */
  stopKubelet(): void;
  /** The kubelet comes back with its pods kept: registers again, heartbeats, reports every pod. */
  restart(): Promise<void>;
  /** Fault: the node is cut off from the API server. Lease and status stop; containers run on. */
  disconnect(): void;
  /** The network comes back: the same kubelet lists its pods again and reports what changed. */
  reconnect(): Promise<void>;
  /** True while cut off by disconnect(). */
  readonly partitioned: boolean;
  /** Shuts the node down for good (end of a run). */
  stop(): Promise<void>;
  /** Whether this node runs the pod's container now. */
  runs(namespace: string, pod: string, container: string): boolean;
  /** `kubectl exec`: runs a command in a container of a pod on this node (undefined if it is not running here). */
  exec(namespace: string, pod: string, container: string, command: readonly string[], stdin?: string): ExecOutcome | undefined;
}

const hex = (random: Random, n: number): string => Buffer.from(random.bytes(new Uint8Array(n))).toString('hex');

export function startNodeAgent(options: NodeAgentOptions): NodeAgent {
  const { client, clock, random, node: cfg } = options;
  const profile = options.profile ? withProfile(options.profile) : DEFAULT_PROFILE;
  const logs = options.logs ?? new PodLogStore();
  const images = new ImageService(profile.imagePull, random.fork(), options.registry);
  const recorder = new EventRecorder(client, clock, { component: 'kubelet', host: cfg.name });
  const runners = new Map<string, PodRunner>();
  const allocatable: NodeAllocatable = {
    cpuMilli: milliValue(parseQuantity(cfg.cpu)),
    memoryBytes: unitValue(parseQuantity(cfg.memory)),
    pods: cfg.pods ?? 110,
  };
  let connected = false;
  let bootId = uuidOf(hex(random, 16));
  let nodeUid: string | undefined;
  let lastReport = 0;
  let reportedImages = -1;
  let cancels: Cancel[] = [];
  let partitioned = false;
  const pods = options.pods ?? ownPodSource(client, clock, cfg.name);
  const lease = new NodeLease(client, clock, cfg.name, profile.leaseDurationSeconds);
  const services: NodeServices = {
    client,
    clock,
    random,
    recorder,
    images,
    ipam: new PodCIDRAllocator(cfg.podCIDR),
    logs,
    hostIP: cfg.address,
    profile,
    connected: () => connected,
  };
  const nodeRef = { apiVersion: 'v1', kind: 'Node', metadata: { name: cfg.name, uid: cfg.name } } as unknown as Frozen<KubeObject>;

  const imageList = () => {
    const list = images.list();
    return list.length > 0 ? list : undefined;
  };

  async function register(): Promise<void> {
    const now = clock.now();
    let stored: Frozen<Node>;
    try {
      stored = await client.create(NODES, initialNode(cfg, imageList(), now, bootId) as Frozen<Node>);
    } catch (e) {
      if (!isAlreadyExists(e)) throw e;
      stored = await client.get(NODES, '', cfg.name);
    }
    nodeUid = stored.metadata.uid;
    await writeNodeStatus(stored);
    for (const [reason, message] of [
      ['Starting', 'Starting kubelet.'],
      ['NodeHasSufficientMemory', `Node ${cfg.name} status is now: NodeHasSufficientMemory`],
      ['NodeHasNoDiskPressure', `Node ${cfg.name} status is now: NodeHasNoDiskPressure`],
      ['NodeHasSufficientPID', `Node ${cfg.name} status is now: NodeHasSufficientPID`],
      ['NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods'],
      ['NodeReady', `Node ${cfg.name} status is now: NodeReady`],
    ]) {
      void recorder.event(nodeRef, 'Normal', reason, message);
    }
  }

  async function writeNodeStatus(current?: Frozen<Node>): Promise<void> {
    const now = clock.now();
    const base = current ?? (await client.get(NODES, '', cfg.name));
    const status = nodeStatus(cfg, base.status as Node['status'], imageList(), now, bootId);
    if (!status.images) delete status.images;
    await client.updateStatus(NODES, { ...base, metadata: { ...base.metadata, resourceVersion: undefined }, status } as Frozen<Node>);
    lastReport = now;
    reportedImages = images.version;
  }

  async function statusTick(): Promise<void> {
    const due = clock.now() - lastReport >= profile.nodeStatusReportMs;
    if (!due && images.version === reportedImages) return;
    try {
      await writeNodeStatus();
    } catch (e) {
      if (!isNotFound(e)) console.error(`kubesim: kubelet ${cfg.name}: node status update failed:`, e);
    }
  }

  async function renewLease(): Promise<void> {
    try {
      await lease.renew(nodeUid);
    } catch (e) {
      console.error(`kubesim: kubelet ${cfg.name}: lease renewal failed:`, e);
    }
  }

  function onPod(pod: Frozen<Pod>): void {
    const key = objectKeyOf(pod);
    let runner = runners.get(key);
    if (runner && runner.uid !== pod.metadata.uid) {
      runner.teardown();
      runners.delete(key);
      runner = undefined;
    }
    if (!runner) {
      const phase = pod.status?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') return;
      runner = admit(pod);
      runners.set(key, runner);
    }
    runner.sync(pod);
  }

  function admit(pod: Frozen<Pod>): PodRunner {
    const model = newPodModel(pod, profile);
    const active = [...runners.values()].filter((r) => !r.model.terminal).map((r) => podRequests(r.model.spec));
    const verdict = admitPod(pod.spec, active, allocatable);
    if (verdict.admit) return new PodRunner(services, pod, model);
    const runner = new PodRunner(services, pod, rejectedModel(model, verdict.reason, `Pod was rejected: ${verdict.message}`));
    runner.event('Warning', verdict.reason, verdict.message);
    return runner;
  }

  function onPodDeleted(pod: Frozen<Pod>): void {
    const key = objectKeyOf(pod);
    const runner = runners.get(key);
    if (!runner || runner.uid !== pod.metadata.uid) return;
    runner.teardown();
    runners.delete(key);
  }

  /** Starts (or, after a fault, resumes) the kubelet; `fresh` is a new process that registers anew. */
  async function start(fresh = true): Promise<void> {
    connected = true;
    if (fresh) await register();
    else await writeNodeStatus().catch((e) => void (isNotFound(e) || console.error(`kubesim: kubelet ${cfg.name}: node status update failed:`, e)));
    await renewLease();
    const period = (profile.leaseDurationSeconds * 1000) / 4;
    cancels.push(clock.every(period, () => void renewLease()));
    cancels.push(clock.every(profile.nodeStatusUpdateMs, () => void statusTick()));
    // One timer for the node, not one per pod: the periodic sync of volume contents.
    cancels.push(
      clock.every(profile.volumeSyncMs, () => {
        for (const runner of runners.values()) runner.syncVolumes();
      }),
    );
    await pods.start({ onPod, onPodDeleted });
    // Pods deleted while the kubelet was away are gone from the list: stop what they left.
    const present = new Set(pods.list().map((p) => `${objectKeyOf(p)}/${p.metadata.uid}`));
    for (const [key, runner] of runners) {
      if (present.has(`${key}/${runner.uid}`)) continue;
      runner.teardown();
      runners.delete(key);
    }
    for (const runner of runners.values()) runner.flush();
  }

  function halt(): void {
    connected = false;
    for (const c of cancels) c();
    cancels = [];
    pods.stop();
  }

  const ready = start();
  return {
    name: cfg.name,
    logs,
    images,
    ready,
    get running() {
      return connected;
    },
    get partitioned() {
      return partitioned;
    },
    stopKubelet: halt,
    async restart() {
      halt();
      partitioned = false;
      bootId = uuidOf(hex(random, 16));
      await start();
    },
    disconnect() {
      partitioned = true;
      halt();
    },
    async reconnect() {
      if (connected) return;
      partitioned = false;
      await start(false);
    },
    async stop() {
      halt();
      for (const runner of runners.values()) runner.teardown();
      runners.clear();
    },
    runs(namespace, pod, container) {
      const runner = runners.get(keyOf(namespace, pod));
      return !!runner && runningContainer(runner.model, container) !== undefined;
    },
    exec(namespace, pod, container, command, stdin) {
      return runners.get(keyOf(namespace, pod))?.exec(container, command, stdin);
    },
  };
}
