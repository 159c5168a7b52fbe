import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { Pod } from '../../src/api/types/pod.js';
import { faultRoutes } from '../../src/apiserver/routes/faults.js';
import { runFaultCommand } from '../../src/cli/fault-command.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { Client } from '../../src/client/client.js';
import { InProcessTransport } from '../../src/client/in-process-transport.js';
import { LEASES, PODS } from '../../src/client/resources.js';
import { createCluster, type Cluster } from '../../src/sim/cluster.js';
import { Faults } from '../../src/sim/faults.js';

let cluster: Cluster | undefined;
afterEach(async () => {
  await cluster?.stop();
  cluster = undefined;
});

async function setup() {
  const clock = new VirtualClock();
  cluster = await createCluster({ clock, nodes: 1, seed: 5 });
  const client = new Client(new InProcessTransport(cluster.apiServer));
  const faults = new Faults(cluster.components!.nodes);
  const renewed = async () => (await client.get(LEASES, 'kube-node-lease', 'node-1')).spec?.renewTime;
  return { clock, client, faults, renewed };
}

describe('faults', () => {
  it('cuts a node off (lease stops, pods keep running and are reported on healing)', async () => {
    const { clock, client, faults, renewed } = await setup();
    await client.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'job', namespace: 'default' }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox', command: ['sleep', '30'] }] } } as Frozen<Pod>);
    for (let i = 0; i < 40 && (await client.get(PODS, 'default', 'job')).status?.phase !== 'Running'; i++) await clock.advance(100);
    expect(faults.partition('node-1')).toEqual({ node: 'node-1', kubelet: 'partitioned' });
    const before = await renewed();
    await clock.advance(60_000);
    expect(await renewed()).toBe(before);
    // The container finished while the node was away; nobody could hear of it.
    expect((await client.get(PODS, 'default', 'job')).status?.phase).toBe('Running');
    expect(await faults.heal('node-1')).toEqual({ node: 'node-1', kubelet: 'running' });
    await clock.advance(100);
    expect(await renewed()).not.toBe(before);
    expect((await client.get(PODS, 'default', 'job')).status?.phase).toBe('Succeeded');
  });

  it('stops and restarts a kubelet, forgetting pods deleted meanwhile', async () => {
    const { clock, client, faults } = await setup();
    await client.create(PODS, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as Frozen<Pod>);
    for (let i = 0; i < 40 && (await client.get(PODS, 'default', 'web')).status?.phase !== 'Running'; i++) await clock.advance(100);
    expect(faults.stopKubelet('node-1').kubelet).toBe('stopped');
    await client.delete(PODS, 'default', 'web');
    await clock.advance(5000);
    // No kubelet confirms the deletion: the pod stays, terminating.
    expect((await client.get(PODS, 'default', 'web')).metadata.deletionTimestamp).toBeDefined();
    expect((await faults.apply('node-1', 'restart-kubelet')).ok).toBe(true);
    for (let i = 0; i < 40; i++) await clock.advance(100);
    await expect(client.get(PODS, 'default', 'web')).rejects.toThrow();
    expect(await faults.apply('node-9', 'heal')).toMatchObject({ ok: false, reason: 'NotFound' });
    expect(await faults.apply('node-1', 'explode')).toMatchObject({ ok: false, reason: 'BadRequest' });
  });

  it('serves /kubesim/v1/faults for `kubesim fault`', async () => {
    const { faults } = await setup();
    const app = Fastify();
    await app.register(faultRoutes, { faults: () => faults });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    try {
      const dir = mkdtempSync(join(tmpdir(), 'kubesim-fault-'));
      const kubeconfig = join(dir, 'kubeconfig');
      writeFileSync(kubeconfig, `apiVersion: v1\nkind: Config\ncurrent-context: k\nclusters:\n- name: k\n  cluster:\n    server: ${address}\ncontexts:\n- name: k\n  context:\n    cluster: k\n    user: k\nusers:\n- name: k\n  user: {}\n`);
      let out = '';
      let err = '';
      const run = (...argv: string[]) => runFaultCommand([...argv, '--kubeconfig', kubeconfig], (s) => (out += s), (s) => (err += s));
      expect(await run('stop-kubelet', 'node-1')).toBe(0);
      expect(out).toBe('NODE     KUBELET\nnode-1   stopped\n');
      out = '';
      expect(await run('list')).toBe(0);
      expect(out).toContain('node-1   stopped');
      expect(await run('heal', 'node-1')).toBe(0);
      expect(out).toContain('node-1   running');
      expect(await run('partition', 'node-7')).toBe(1);
      expect(err).toBe('Error from server: node "node-7" not found\n');
      expect(await run('bogus')).toBe(2);
    } finally {
      await app.close();
    }
  });
});
