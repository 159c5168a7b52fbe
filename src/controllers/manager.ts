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

export interface ControllerDeps {
  client: Client;
  clock: Clock;
  random: Random;
}

export interface RunningControllers {
  /** Names of the controllers running, in start order. */
  readonly names: readonly string[];
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
];

export async function startControllers(deps: ControllerDeps): Promise<RunningControllers> {
  const running: Started[] = [];
  for (const [, start] of CONTROLLERS) running.push(start({ ...deps, random: deps.random.fork() }));
  await Promise.all(running.map((r) => r.started));
  return {
    names: CONTROLLERS.map(([name]) => name),
    async stop() {
      await Promise.all(running.map((r) => r.stop()));
    },
  };
}
