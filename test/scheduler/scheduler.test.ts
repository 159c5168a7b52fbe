// The scheduler against an in-process cluster: pending pods get bound where they fit, a pod
// that fits nowhere gets FailedScheduling and the Unschedulable condition, and a new node
// makes it schedule.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, EVENTS, InProcessTransport, NODES, PODS } from '../../src/client/index.js';
import { VirtualClock } from '../../src/clock/virtual-clock.js';
import { SeededRandom } from '../../src/clock/random.js';
import { startScheduler, type RunningScheduler } from '../../src/scheduler/scheduler.js';
import { createCluster, type Cluster } from '../../src/sim/cluster.js';

let cluster: Cluster;
let client: Client;
let clock: VirtualClock;
let scheduler: RunningScheduler;

const node = (name: string, cpu: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
  status: {
    capacity: { cpu, memory: '8Gi', pods: '110' },
    allocatable: { cpu, memory: '8Gi', pods: '110' },
    conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
  },
});
const pod = (name: string, cpu: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu } } }], ...extra },
});

async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i++) await clock.advance(10);
}

beforeEach(async () => {
  clock = new VirtualClock(Date.UTC(2026, 0, 1));
  cluster = await createCluster({ clock });
  client = new Client(new InProcessTransport(cluster.apiServer));
  scheduler = await startScheduler({ client, clock, random: new SeededRandom(7) });
});
afterEach(async () => {
  await scheduler.stop();
  await cluster.stop();
});

describe('scheduler', () => {
  it('binds pending pods where they fit and says so in an event', async () => {
    await client.create(NODES, node('small', '1') as never);
    await client.create(NODES, node('big', '4') as never);
    await client.create(PODS, pod('p', '2') as never);
    await settle();
    const bound = await client.get(PODS, 'default', 'p');
    expect(bound.spec?.nodeName).toBe('big');
    expect(bound.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
    const events = await client.list(EVENTS, { namespace: 'default', fieldSelector: 'involvedObject.name=p' });
    expect(events.items.map((e) => [e.type, e.reason, e.message, e.source?.component])).toEqual([
      ['Normal', 'Scheduled', 'Successfully assigned default/p to big', 'default-scheduler'],
    ]);
  });

  it('leaves a pod that fits nowhere Pending with the real FailedScheduling message, then places it on a new node', async () => {
    await client.create(NODES, node('a', '1') as never);
    await client.create(NODES, { ...node('b', '8'), spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] } } as never);
    await client.create(PODS, pod('big', '4') as never);
    await settle();
    const pending = await client.get(PODS, 'default', 'big');
    expect(pending.spec?.nodeName).toBeUndefined();
    const condition = pending.status?.conditions?.find((c) => c.type === 'PodScheduled');
    const message = '0/2 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {dedicated: gpu}. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling.';
    expect(condition).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
    const events = await client.list(EVENTS, { namespace: 'default', fieldSelector: 'involvedObject.name=big,reason=FailedScheduling' });
    expect(events.items[0]).toMatchObject({ type: 'Warning', message });
    await client.create(NODES, node('c', '8') as never);
    await clock.advance(11_000);
    await settle();
    expect((await client.get(PODS, 'default', 'big')).spec?.nodeName).toBe('c');
  });

  it('honours nodeSelector', async () => {
    await client.create(NODES, node('x', '4', { disk: 'ssd' }) as never);
    await client.create(NODES, node('y', '4') as never);
    for (let i = 0; i < 5; i++) await client.create(PODS, pod(`ssd-${i}`, '100m', { nodeSelector: { disk: 'ssd' } }) as never);
    await settle();
    const placed = (await client.list(PODS, { namespace: 'default' })).items.map((p) => p.spec?.nodeName);
    expect(placed).toEqual(['x', 'x', 'x', 'x', 'x']);
  });

  it('keeps the room of a pod nominated to a node for a lower-priority newcomer', async () => {
    await client.create(NODES, node('n1', '2') as never);
    // The holder outranks big, so big cannot preempt it; small (priority 0) ranks below both.
    await client.create(PODS, pod('holder', '1', { nodeName: 'n1', priorityClassName: 'system-node-critical' }) as never);
    // Pending, nominated to n1 (as after preemption), waiting for room it does not have yet.
    await client.create(PODS, pod('big', '1500m', { priorityClassName: 'system-cluster-critical' }) as never);
    await client.patch(PODS, 'default', 'big', 'merge', { status: { nominatedNodeName: 'n1' } }, { subresource: 'status' });
    await settle();
    await client.create(PODS, pod('small', '1') as never);
    await settle();
    expect((await client.get(PODS, 'default', 'small')).spec?.nodeName).toBeUndefined();
    const events = await client.list(EVENTS, { namespace: 'default', fieldSelector: 'involvedObject.name=small,reason=FailedScheduling' });
    expect(events.items[0]?.message).toMatch(/^0\/1 nodes are available: 1 Insufficient cpu\./);
    // Once the nominated pod is gone, the room is free to take (at the next retry of small).
    await client.delete(PODS, 'default', 'big');
    await clock.advance(6 * 60_000);
    await settle();
    expect((await client.get(PODS, 'default', 'small')).spec?.nodeName).toBe('n1');
  });
});
