// The controller manager: starts every controller kube-controller-manager runs that kubesim
// models, each with its own informers and work queue. Kubernetes twin: cmd/kube-controller-manager.
import type { Clock } from '../clock/clock.js';
import type { Random } from '../clock/random.js';
import type { Client } from '../client/index.js';
import { startDeploymentController } from './deployment/index.js';
import { startEndpointsController } from './endpoints/index.js';
import { startReplicaSetController } from './replicaset/index.js';
import { startEndpointSliceController } from './endpointslice/index.js';
import { startGarbageCollectorController } from './garbagecollector/index.js';
import { startNamespaceController } from './namespace/index.js';
import { startServiceAccountControllers } from './serviceaccount/index.js';
import { startServiceLBController } from './service-lb/index.js';
import { startNodeLifecycleController, startTaintEvictionController, type NodeLifecycleOptions } from './nodelifecycle/index.js';
import { LeaderElector, type LeaderElectionConfig } from '../client/leader-election.js';
import { NameGenerator } from '../clock/names.js';
import { fencedClient } from './lease-fence.js';
import { SharedInformers } from './shared/shared-informers.js';

export interface ControllerDeps {
  client: Client;
  clock: Clock;
  random: Random;
  /** kube-controller-manager's node monitor flags (grace period, period). */
  nodeLifecycle?: NodeLifecycleOptions;
  /**
   * Run the controllers only while holding the kube-system/kube-controller-manager Lease, so
   * that several managers sharing one cluster never both act. Omitted: run at once, alone.
   */
  leaderElection?: LeaderElectionOptions;
  /** The field manager of the controllers' writes under leader election (default kube-controller-manager). */
  fieldManager?: string;
  /** Set by the manager for the controllers it starts: their shared informers. */
  informers?: SharedInformers;
}

export type LeaderElectionOptions = Partial<Pick<LeaderElectionConfig, 'identity' | 'leaseDurationMs' | 'renewDeadlineMs' | 'retryPeriodMs' | 'releaseOnCancel'>>;

export interface RunningControllers {
  /** Names of the controllers running, in start order. */
  readonly names: readonly string[];
  /** True while the controllers run (always, without leader election). */
  readonly leading: boolean;
  /** The leader election candidate, when there is one. */
  readonly elector?: LeaderElector;
  stop(): Promise<void>;
}

interface Started {
  /** Resolves once the controller's informers have synced. */
  started?: Promise<unknown>;
  stop(): Promise<void>;
}

type Starter = (deps: ControllerDeps) => Started;

/** Every controller, by the name kube-controller-manager gives it. */
const CONTROLLERS: readonly [string, Starter][] = [
  ['replicaset-controller', (d) => startReplicaSetController(d)],
  ['deployment-controller', (d) => startDeploymentController(d)],
  ['garbage-collector-controller', (d) => startGarbageCollectorController(d)],
  ['namespace-controller', (d) => startNamespaceController(d)],
  ['serviceaccount-controller', (d) => startServiceAccountControllers(d)],
  ['endpoints-controller', (d) => startEndpointsController(d)],
  ['endpointslice-controller', (d) => startEndpointSliceController(d)],
  ['service-lb-controller', (d) => startServiceLBController(d)],
  ['node-lifecycle-controller', (d) => startNodeLifecycleController({ ...d, ...d.nodeLifecycle })],
  ['taint-eviction-controller', (d) => startTaintEvictionController(d)],
];

async function runAll(deps: ControllerDeps): Promise<Started[]> {
  // One informer per resource for all of them, as kube-controller-manager's informer factory.
  const informers = new SharedInformers(deps.client, deps.clock);
  const running: Started[] = [];
  for (const [, start] of CONTROLLERS) running.push(start({ ...deps, informers, random: deps.random.fork() }));
  await Promise.all(running.map((r) => r.started));
  running.push({ stop: async () => informers.stop() });
  return running;
}

export async function startControllers(deps: ControllerDeps): Promise<RunningControllers> {
  const names = CONTROLLERS.map(([name]) => name);
  if (!deps.leaderElection) {
    const running = await runAll(deps);
    return { names, leading: true, stop: () => stopAll(running) };
  }
  // As kube-controller-manager: campaign for the lease, start everything on winning, stop on
  // losing. Each term's controllers write through a fence that closes when the term ends (the
  // elector gave up the lease, or the manager is stopping), so a reconcile still in flight
  // cannot act for a leader that no longer is one; then they are stopped, and we campaign again.
  let running: Started[] = [];
  let term = 0;
  let standingDown = false;
  const identity = deps.leaderElection.identity ?? `kubesim_${new NameGenerator(deps.random.fork()).uid()}`;
  const standDown = async (): Promise<void> => {
    term++;
    const stopping = running;
    running = [];
    await stopAll(stopping);
  };
  const elector: LeaderElector = new LeaderElector({
    client: deps.client,
    clock: deps.clock,
    namespace: 'kube-system',
    name: 'kube-controller-manager',
    ...deps.leaderElection,
    identity,
    async onStartedLeading() {
      const ours = ++term;
      const holdsLease = (): boolean => !standingDown && elector.isLeader && term === ours;
      const started = await runAll({ ...deps, client: fencedClient(deps.client, holdsLease, deps.fieldManager) });
      // The term may have ended while the informers synced: those controllers never act.
      if (term === ours) running = started;
      else await stopAll(started);
    },
    onStoppedLeading: standDown,
  });
  await elector.start();
  return {
    names,
    elector,
    get leading() {
      return elector.isLeader;
    },
    async stop() {
      // Controllers first, the lease last: a released lease must find nothing of ours still acting.
      standingDown = true;
      await standDown();
      await elector.stop();
    },
  };
}

async function stopAll(running: readonly Started[]): Promise<void> {
  await Promise.all(running.map((r) => r.stop()));
}
