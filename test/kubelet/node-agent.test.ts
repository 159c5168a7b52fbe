import { afterEach, describe, expect, it } from 'vitest';
import type { Lease } from '../../src/api/types/lease.js';
import { LEASES, NODES } from '../../src/client/resources.js';
import { NODE, startKubelet, type KubeletHarness } from './harness.js';

let h: KubeletHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('node agent', () => {
  it('registers a Ready node with capacity, addresses, labels and nodeInfo', async () => {
    h = await startKubelet();
    const node = await h.client.get(NODES, '', NODE);
    expect(node.metadata.labels).toMatchObject({
      'kubernetes.io/hostname': NODE,
      'kubernetes.io/os': 'linux',
      'kubernetes.io/arch': 'amd64',
      'topology.kubernetes.io/zone': 'zone-a',
      'topology.kubernetes.io/region': 'region-1',
    });
    expect(node.spec?.podCIDR).toBe('10.244.1.0/24');
    expect(node.status?.capacity).toMatchObject({ cpu: '4', memory: '8Gi', pods: '110' });
    expect(node.status?.allocatable).toMatchObject({ cpu: '4', memory: '8Gi', pods: '110' });
    expect(node.status?.addresses).toEqual([
      { type: 'InternalIP', address: '172.18.0.3' },
      { type: 'Hostname', address: NODE },
    ]);
    expect(node.status?.nodeInfo).toMatchObject({ kubeletVersion: 'v1.32.0', operatingSystem: 'linux', architecture: 'amd64' });
    expect(node.status?.nodeInfo?.containerRuntimeVersion).toMatch(/^containerd:\/\//);
    const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
    expect(ready).toMatchObject({ status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' });
    expect(node.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual(['MemoryPressure=False', 'DiskPressure=False', 'PIDPressure=False', 'Ready=True']);
  });

  it('renews its lease every 10 seconds, and stops when the kubelet stops', async () => {
    h = await startKubelet();
    const read = async () => (await h!.client.get(LEASES, 'kube-node-lease', NODE)) as Lease;
    const first = await read();
    expect(first.spec).toMatchObject({ holderIdentity: NODE, leaseDurationSeconds: 40 });
    expect(first.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: NODE });
    const t0 = Date.parse(first.spec!.renewTime!);
    await h.clock.advance(10_000);
    const second = await read();
    expect(Date.parse(second.spec!.renewTime!) - t0).toBe(10_000);
    expect(second.spec!.renewTime).toMatch(/\.\d{6}Z$/);
    h.agent.stopKubelet();
    await h.clock.advance(60_000);
    expect((await read()).spec!.renewTime).toBe(second.spec!.renewTime);
    await h.agent.restart();
    expect(Date.parse((await read()).spec!.renewTime!) - t0).toBe(70_000);
  });

  it('reports status at least every 5 minutes with a fresh heartbeat', async () => {
    h = await startKubelet();
    const beat = async () => (await h!.client.get(NODES, '', NODE)).status!.conditions!.find((c) => c.type === 'Ready')!;
    const before = await beat();
    await h.clock.advance(5 * 60_000 + 10_000);
    const after = await beat();
    expect(Date.parse(after.lastHeartbeatTime!)).toBeGreaterThan(Date.parse(before.lastHeartbeatTime!));
    expect(after.lastTransitionTime).toBe(before.lastTransitionTime);
  });
});
