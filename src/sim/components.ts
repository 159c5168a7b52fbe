// The parts of a cluster beyond the API server, each seeing the cluster only through a Client:
// the scheduler, the controllers and one kubelet per virtual node.
import type { ApiServer } from '../apiserver/apiserver.js';
import type { Clock } from '../clock/clock.js';
import type { Random } from '../clock/random.js';
import { Client, InProcessTransport } from '../client/index.js';
import { PodDispatcher, startNodeAgent, type NodeAgent, type PodLogStore } from '../kubelet/index.js';
import type { KubeSchedulerConfiguration } from '../scheduler/profile.js';
import { startScheduler, type RunningScheduler } from '../scheduler/scheduler.js';
import { startControllers, type LeaderElectionOptions, type RunningControllers } from '../controllers/manager.js';
import type { NodeLifecycleOptions } from '../controllers/nodelifecycle/index.js';
import type { KubeletProfile } from '../kubelet/index.js';
import { nodeConfigs, type NodePool } from './node-pool.js';

export interface ComponentOptions {
  pools: readonly NodePool[];
  schedulerConfig?: KubeSchedulerConfiguration;
  kubeletProfile?: Partial<KubeletProfile>;
  controllerManager?: ControllerManagerOptions;
}

export interface ControllerManagerOptions extends NodeLifecycleOptions {
  /** Lease-based leader election (default on, as kube-controller-manager); false runs without. */
  leaderElection?: LeaderElectionOptions | false;
}

export interface Components {
  scheduler: RunningScheduler;
  controllers: RunningControllers;
  nodes: NodeAgent[];
  stop(): Promise<void>;
}

export async function startComponents(api: ApiServer, clock: Clock, random: Random, logs: PodLogStore, options: ComponentOptions): Promise<Components> {
  // Each component has its own client, as each real component has its own connection.
  const client = (fieldManager: string) => new Client(new InProcessTransport(api), { fieldManager });
  const cm = options.controllerManager ?? {};
  const controllers = await startControllers({
    client: client('kube-controller-manager'),
    clock,
    random: random.fork(),
    nodeLifecycle: { nodeMonitorGracePeriodMs: cm.nodeMonitorGracePeriodMs, nodeMonitorPeriodMs: cm.nodeMonitorPeriodMs },
    leaderElection: cm.leaderElection === false ? undefined : (cm.leaderElection ?? {}),
  });
  const scheduler = await startScheduler({ client: client('kube-scheduler'), clock, random: random.fork(), config: options.schedulerConfig });
  // One pod watch for every kubelet, dispatched by spec.nodeName (each kubelet's own filtered watch, shared).
  const kubeletClient = client('kubelet');
  const pods = new PodDispatcher(kubeletClient, clock);
  const nodes = nodeConfigs(options.pools).map((node) =>
    startNodeAgent({ client: kubeletClient, clock, random: random.fork(), node, logs, profile: options.kubeletProfile, pods: pods.sourceFor(node.name) }),
  );
  await Promise.all(nodes.map((n) => n.ready));
  return {
    scheduler,
    controllers,
    nodes,
    async stop() {
      await Promise.all(nodes.map((n) => n.stop()));
      pods.stop();
      await scheduler.stop();
      await controllers.stop();
    },
  };
}
