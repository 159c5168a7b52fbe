// createCluster: the one place where kubesim's parts are wired together.
import { ApiServer } from '../apiserver/apiserver.js';
import { MemoryStorage } from '../apiserver/storage/memory-storage.js';
import { createHttpApp, listen, type RunningServer } from '../apiserver/server.js';
import { builtinRegistry } from '../api/registry/registry.js';
import type { Clock } from '../clock/clock.js';
import { NameGenerator } from '../clock/names.js';
import { SeededRandom } from '../clock/random.js';
import { RealClock } from '../clock/real-clock.js';
import { podUsage } from '../kubelet/runtime/container-usage.js';
import { PodLogStore } from '../kubelet/runtime/pod-log-store.js';
import { decisionJson } from '../scheduler/explain.js';
import { Faults } from './faults.js';
import type { KubeSchedulerConfiguration } from '../scheduler/profile.js';
import { createKubernetesService, createSystemNamespaces, publishApiServerEndpoint } from './bootstrap.js';
import type { Components, ControllerManagerOptions } from './components.js';
import type { KubeletProfile } from '../kubelet/index.js';
import type { NodePool } from './node-pool.js';

/** Where in-cluster clients would reach the API server: a kind-like control-plane address. */
export const DEFAULT_ADVERTISE_ADDRESS = '172.18.0.2';

export interface ClusterOptions {
  clock?: Clock;
  /** Seeds every random choice (uids, generated names); the same seed replays the same run. */
  seed?: number;
  /** Events kept per resource for watches and consistent lists. */
  historyCapacity?: number;
  bookmarkIntervalMs?: number;
  /** The address the `kubernetes` Service's Endpoints name, as kube-apiserver's --advertise-address. */
  advertiseAddress?: string;
  /**
   * Virtual nodes: a count (of the default pool) or pools. With any, the scheduler, the
   * controllers and a kubelet per node run too; without, the cluster is the API server alone.
   */
  nodes?: number | NodePool[];
  schedulerConfig?: KubeSchedulerConfiguration;
  /** Timing overrides for every kubelet (e.g. instant image pulls, a short lease). */
  kubeletProfile?: Partial<KubeletProfile>;
  /** kube-controller-manager's flags: node monitor grace period, leader election (on by default). */
  controllerManager?: ControllerManagerOptions;
  /**
   * Leave the scheduler, controllers and kubelets to a later `startComponents()`: `kubesim
   * start` serves the API (and /readyz) first, as kube-apiserver is up before nodes register.
   */
  deferComponents?: boolean;
}

export interface Cluster {
  clock: Clock;
  apiServer: ApiServer;
  storage: MemoryStorage;
  /** The scheduler, controllers and kubelets, once started, when the cluster has nodes. */
  readonly components: Components | undefined;
  /** Starts the components (once; createCluster does it unless told to defer). */
  startComponents(): Promise<Components | undefined>;
  /** Serves the API over HTTP. */
  listen(host?: string, port?: number): Promise<RunningServer>;
  stop(): Promise<void>;
}

export async function createCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const clock = options.clock ?? new RealClock();
  const random = new SeededRandom(options.seed ?? 1);
  const storage = new MemoryStorage({ historyCapacity: options.historyCapacity });
  const logs = new PodLogStore();
  let components: Components | undefined;
  // kubectl exec reaches the kubelet that runs the pod's container.
  const nodeRunning = (namespace: string, pod: string, container: string) => components?.nodes.find((n) => n.runs(namespace, pod, container));
  const apiServer = new ApiServer({
    storage,
    clock,
    random: random.fork(),
    names: new NameGenerator(random.fork()),
    registry: builtinRegistry(),
    bookmarkIntervalMs: options.bookmarkIntervalMs,
    logs,
    usage: { podUsage: (pod, now) => podUsage(pod as Parameters<typeof podUsage>[0], now) },
    exec: {
      running: (namespace, pod, container) => nodeRunning(namespace, pod, container) !== undefined,
      exec: (namespace, pod, container, command, stdin) => nodeRunning(namespace, pod, container)?.exec(namespace, pod, container, command, stdin),
    },
  });
  await createSystemNamespaces(apiServer);
  await createKubernetesService(apiServer, 6443);
  const pools = typeof options.nodes === 'number' ? [{ count: options.nodes }] : (options.nodes ?? []);
  const hasNodes = pools.some((p) => p.count > 0);
  let starting: Promise<Components | undefined> | undefined;
  let faults: Faults | undefined;
  const startComponents = (): Promise<Components | undefined> =>
    (starting ??= (async () => {
      if (!hasNodes) return undefined;
      // Loaded on demand: the API server alone starts faster without them.
      const { startComponents: start } = await import('./components.js');
      const opts = { pools, schedulerConfig: options.schedulerConfig, kubeletProfile: options.kubeletProfile, controllerManager: options.controllerManager };
      components = await start(apiServer, clock, random.fork(), logs, opts);
      faults = new Faults(components.nodes);
      return components;
    })());
  if (!options.deferComponents) await startComponents();
  const servers: RunningServer[] = [];
  return {
    clock,
    apiServer,
    storage,
    get components() {
      return components;
    },
    startComponents,
    async listen(host = '127.0.0.1', port = 0) {
      const schedulerExplain = (ns: string, name: string) => {
        const d = components?.scheduler.explain(`${ns}/${name}`);
        return d && decisionJson(ns, name, d);
      };
      const server = await listen(createHttpApp(apiServer, { schedulerExplain, faults: () => faults }), host, port);
      apiServer.serverAddress = `${server.host}:${server.port}`;
      if (servers.length === 0) await publishApiServerEndpoint(apiServer, options.advertiseAddress ?? DEFAULT_ADVERTISE_ADDRESS, server.port);
      servers.push(server);
      return server;
    },
    async stop() {
      await starting;
      await components?.stop();
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
