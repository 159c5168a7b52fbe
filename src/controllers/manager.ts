// The controller manager: starts every controller kube-controller-manager runs that kubesim
// models, each with its own informers and work queue. Kubernetes twin: cmd/kube-controller-manager.
import type { Clock } from '../clock/clock.js';
import type { Random } from '../clock/random.js';
import type { Client } from '../client/index.js';

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

type Starter = (deps: ControllerDeps) => Promise<{ stop(): Promise<void> }> | { stop(): Promise<void> };

/** Every controller, by the name kube-controller-manager gives it. */
const CONTROLLERS: readonly [string, Starter][] = [];

export async function startControllers(deps: ControllerDeps): Promise<RunningControllers> {
  const running: { stop(): Promise<void> }[] = [];
  for (const [, start] of CONTROLLERS) running.push(await start({ ...deps, random: deps.random.fork() }));
  return {
    names: CONTROLLERS.map(([name]) => name),
    async stop() {
      await Promise.all(running.map((r) => r.stop()));
    },
  };
}
