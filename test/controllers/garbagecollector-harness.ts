// A cluster on a virtual clock and a Client that counts its writes, for the controller tests
// (garbage collector, namespace, service accounts, endpoints, slices, load balancers).
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Client } from '../../src/client/client.js';
import { InProcessTransport } from '../../src/client/in-process-transport.js';
import type { ApiRequest, Transport } from '../../src/client/transport.js';
import { createCluster, type Cluster } from '../../src/sim/cluster.js';

export class WriteCounter implements Transport {
  writes: string[] = [];
  constructor(private readonly inner: Transport) {}
  request(req: ApiRequest) {
    if (req.method !== 'GET') this.writes.push(`${req.method} ${req.path}`);
    return this.inner.request(req);
  }
}

export interface Env {
  clock: VirtualClock;
  cluster: Cluster;
  client: Client;
  counter: WriteCounter;
}

export async function startEnv(): Promise<Env> {
  const clock = new VirtualClock();
  const cluster = await createCluster({ clock });
  const counter = new WriteCounter(new InProcessTransport(cluster.apiServer));
  return { clock, cluster, client: new Client(counter), counter };
}

/** Advances virtual time in small steps until `check` holds. */
export async function until(clock: VirtualClock, check: () => boolean | Promise<boolean>, what: string, stepMs = 10, tries = 600): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await clock.advance(stepMs);
  }
  throw new Error(`never converged: ${what}`);
}

/** Lets queued work run without moving time much. */
export async function settle(clock: VirtualClock, steps = 20): Promise<void> {
  for (let i = 0; i < steps; i++) await clock.advance(1);
}
