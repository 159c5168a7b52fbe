// A cluster on a virtual clock with one simulated node, and helpers to bind pods to it.
import type { Frozen } from '../../src/api/types.js';
import type { Pod, PodSpec } from '../../src/api/types/pod.js';
import { SeededRandom } from '../../src/clock/random.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Client } from '../../src/client/client.js';
import { InProcessTransport } from '../../src/client/in-process-transport.js';
import { PODS } from '../../src/client/resources.js';
import { startNodeAgent, type NodeAgent, type NodeAgentOptions } from '../../src/kubelet/index.js';
import { createCluster, type Cluster } from '../../src/sim/cluster.js';

export interface KubeletHarness {
  cluster: Cluster;
  clock: VirtualClock;
  client: Client;
  agent: NodeAgent;
  /** Creates the pod in "default" and binds it to the node. */
  run(name: string, spec: Partial<PodSpec> & { containers: PodSpec['containers'] }): Promise<void>;
  pod(name: string): Promise<Frozen<Pod> | undefined>;
  /** Advances the clock in `stepMs` steps until `check` holds. */
  until(check: () => boolean | Promise<boolean>, what: string, stepMs?: number, maxMs?: number): Promise<void>;
  events(name: string): Promise<string[]>;
  close(): Promise<void>;
}

export const NODE = 'node-1';

export async function startKubelet(extra: Partial<NodeAgentOptions> = {}): Promise<KubeletHarness> {
  const clock = new VirtualClock();
  const cluster = await createCluster({ clock, seed: 7 });
  const client = new Client(new InProcessTransport(cluster.apiServer));
  const agent = startNodeAgent({
    client,
    clock,
    random: new SeededRandom(42),
    node: { name: NODE, cpu: '4', memory: '8Gi', pods: 110, zone: 'zone-a', region: 'region-1', podCIDR: '10.244.1.0/24', address: '172.18.0.3' },
    ...extra,
  });
  await agent.ready;
  const h: KubeletHarness = {
    cluster,
    clock,
    client,
    agent,
    async run(name, spec) {
      await client.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' }, spec } as Frozen<Pod>);
      await client.createSubresource(PODS, 'default', name, 'binding', {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name },
        target: { apiVersion: 'v1', kind: 'Node', name: NODE },
      });
    },
    async pod(name) {
      try {
        return await client.get(PODS, 'default', name);
      } catch {
        return undefined;
      }
    },
    async until(check, what, stepMs = 50, maxMs = 120_000) {
      for (let t = 0; t <= maxMs; t += stepMs) {
        if (await check()) return;
        await clock.advance(stepMs);
      }
      throw new Error(`timed out waiting for ${what}`);
    },
    async events(name) {
      const list = await client.list({ group: '', version: 'v1', resource: 'events', kind: 'Event', namespaced: true }, { namespace: 'default' });
      return list.items
        .filter((e) => (e as unknown as { involvedObject: { name: string } }).involvedObject.name === name)
        .map((e) => {
          const ev = e as unknown as { reason: string; message: string; count?: number };
          return `${ev.reason}: ${ev.message}`;
        });
    },
    async close() {
      await agent.stop();
      await cluster.stop();
    },
  };
  return h;
}
