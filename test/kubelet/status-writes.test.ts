import { afterEach, describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { PodStatus } from '../../src/api/types/pod.js';
import { Client } from '../../src/client/client.js';
import type { ApiRequest, ApiResponse, Transport } from '../../src/client/transport.js';
import { SeededRandom } from '../../src/clock/random.js';
import { startNodeAgent } from '../../src/kubelet/index.js';
import { podStatusPatch } from '../../src/kubelet/pod-status-patch.js';
import { startKubelet, type KubeletHarness } from './harness.js';

describe('podStatusPatch', () => {
  const cond = (type: string, status: string, extra: Record<string, unknown> = {}) => ({ type, status, lastProbeTime: null, lastTransitionTime: '2024-01-01T00:00:00Z', ...extra });

  it('is undefined when the server already has the status (null fields count as absent)', () => {
    const server = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: '2024-01-01T00:00:00Z' }] } as Frozen<PodStatus>;
    expect(podStatusPatch('u', server, { phase: 'Running', conditions: [cond('Ready', 'True')] } as PodStatus)).toBeUndefined();
  });

  it('sends changed conditions by type with their order, deletes lost fields, and leaves foreign conditions alone', () => {
    const server = {
      phase: 'Pending',
      conditions: [cond('Ready', 'False', { reason: 'ContainersNotReady', message: 'containers with unready status: [c]' }), cond('PodScheduled', 'True'), cond('DisruptionTarget', 'True')],
      nominatedNodeName: 'n1',
    } as Frozen<PodStatus>;
    const patch = podStatusPatch('u', server, { phase: 'Running', conditions: [cond('Ready', 'True'), cond('PodScheduled', 'True')] } as PodStatus);
    expect(patch).toEqual({
      metadata: { uid: 'u' },
      status: {
        phase: 'Running',
        '$setElementOrder/conditions': [{ type: 'Ready' }, { type: 'PodScheduled' }],
        conditions: [{ ...cond('Ready', 'True'), reason: null, message: null }],
      },
    });
  });

  it('is undefined when only conditions others set differ, and sends the order alone when only it changed', () => {
    const own = [cond('Initialized', 'True'), cond('Ready', 'True')];
    const server = { phase: 'Running', conditions: [...own, cond('PodScheduled', 'True')] } as Frozen<PodStatus>;
    expect(podStatusPatch('u', server, { phase: 'Running', conditions: own } as PodStatus)).toBeUndefined();
    expect(podStatusPatch('u', server, { phase: 'Running', conditions: [own[1], own[0]] } as PodStatus)).toEqual({
      metadata: { uid: 'u' },
      status: { '$setElementOrder/conditions': [{ type: 'Ready' }, { type: 'Initialized' }] },
    });
  });

  it('removes fields the kubelet wrote and no longer wants, and IPs by key', () => {
    const server = { phase: 'Failed', reason: 'OutOfcpu', podIPs: [{ ip: '10.0.0.2' }, { ip: 'fd00::2' }] } as Frozen<PodStatus>;
    expect(podStatusPatch('u', server, { phase: 'Failed', podIPs: [{ ip: '10.0.0.2' }] } as PodStatus)).toEqual({
      metadata: { uid: 'u' },
      status: { reason: null, '$setElementOrder/podIPs': [{ ip: '10.0.0.2' }], podIPs: [{ ip: 'fd00::2', $patch: 'delete' }] },
    });
  });
});

/** Counts the kubelet's writes of pods/status. */
class Counting implements Transport {
  statusWrites: string[] = [];
  constructor(private readonly inner: Transport) {}
  request(req: ApiRequest): Promise<ApiResponse> {
    if (req.path.endsWith('/status') && req.path.includes('/pods/')) this.statusWrites.push(`${req.method} ${String(req.body)}`);
    return this.inner.request(req);
  }
}

let h: KubeletHarness;
afterEach(async () => {
  await h?.close();
});

describe('status writes', () => {
  it('writes a starting pod twice: Pending when its sync begins, Running once the runtime is done', async () => {
    h = await startKubelet();
    const counting = new Counting(h.client.transport);
    await h.agent.stop();
    // The node's kubelet again, on a transport that counts its writes.
    const agent = startNodeAgent({
      client: new Client(counting),
      clock: h.clock,
      random: new SeededRandom(1),
      node: { name: 'node-1', cpu: '4', memory: '8Gi', pods: 110, podCIDR: '10.244.1.0/24', address: '172.18.0.3' },
    });
    await agent.ready;
    await h.run('web', { containers: [{ name: 'nginx', image: 'nginx:1.27' }] });
    await h.until(async () => (await h.pod('web'))?.status?.phase === 'Running', 'Running', 10);
    await h.clock.advance(1_000);
    expect(counting.statusWrites).toHaveLength(2);
    expect(counting.statusWrites.every((w) => w.startsWith('PATCH '))).toBe(true);
    expect(counting.statusWrites[0]).toContain('"waiting":{"reason":"ContainerCreating"}');
    expect(counting.statusWrites[0]).not.toContain('podIP');
    expect(counting.statusWrites[1]).toContain('"phase":"Running"');
    await agent.stop();
  });
});
