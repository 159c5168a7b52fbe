// Pods nominated to a node (after preempting there) keep their room: filtering counts those of
// equal or higher priority as present, then checks the node once more without them.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/types/pod.js';
import { filterOnSnapshot, scheduleCycle } from '../../src/scheduler/cycle.js';
import { Nominator } from '../../src/scheduler/nominator.js';
import { nominatedPodsToAdd } from '../../src/scheduler/nominated-pods.js';
import { defaultProfile } from '../../src/scheduler/profile.js';
import { buildSnapshot } from '../../src/scheduler/snapshot.js';
import { node, pod, type PodOpts } from './fixtures.js';

const profile = defaultProfile();
const nominated = (name: string, to: string, o: PodOpts = {}): Pod => ({ ...pod(name, o), status: { nominatedNodeName: to } });

describe('filtering with nominated pods', () => {
  const nodes = [node('n1', { cpu: '2' })];

  it('keeps the room of a nominated pod of higher priority', () => {
    const snapshot = buildSnapshot({ nodes, pods: [], nominatedPods: [nominated('big', 'n1', { cpu: '1500m', priority: 10 })] });
    const out = scheduleCycle({ profile, snapshot, pod: pod('small', { cpu: '1', priority: 5 }) });
    expect(out.result.kind).toBe('unschedulable');
    if (out.result.kind === 'unschedulable') expect(out.result.fitError.message).toMatch(/^0\/1 nodes are available: 1 Insufficient cpu\./);
    // The record shows the pass that turned the node away: the one with the nominated pod.
    expect(out.record.nodes.get('n1')!.filters.at(-1)).toMatchObject({ plugin: 'NodeResourcesFit', status: { reasons: ['Insufficient cpu'] } });
  });

  it('counts nominated pods of equal priority too', () => {
    const snapshot = buildSnapshot({ nodes, pods: [], nominatedPods: [nominated('big', 'n1', { cpu: '1500m', priority: 5 })] });
    expect(scheduleCycle({ profile, snapshot, pod: pod('small', { cpu: '1', priority: 5 }) }).result.kind).toBe('unschedulable');
  });

  it('lets a pod of higher priority take the room of a lower one', () => {
    const snapshot = buildSnapshot({ nodes, pods: [], nominatedPods: [nominated('big', 'n1', { cpu: '1500m', priority: 1 })] });
    const out = scheduleCycle({ profile, snapshot, pod: pod('small', { cpu: '1', priority: 5 }) });
    expect(out.result).toMatchObject({ kind: 'scheduled', nodeName: 'n1' });
  });

  it('only holds the node it is nominated to', () => {
    const snapshot = buildSnapshot({ nodes: [...nodes, node('n2', { cpu: '2' })], pods: [], nominatedPods: [nominated('big', 'n1', { cpu: '1500m', priority: 10 })] });
    const out = scheduleCycle({ profile, snapshot, pod: pod('small', { cpu: '1' }) });
    expect(out.result).toMatchObject({ kind: 'scheduled', nodeName: 'n2', feasibleNodes: 1 });
  });

  it('does not count a pod against itself', () => {
    const self = nominated('big', 'n1', { cpu: '1500m', priority: 10 });
    const snapshot = buildSnapshot({ nodes, pods: [], nominatedPods: [self] });
    expect(nominatedPodsToAdd(snapshot, self, 'n1')).toEqual([]);
    expect(scheduleCycle({ profile, snapshot, pod: self }).result).toMatchObject({ kind: 'scheduled', nodeName: 'n1' });
  });

  it('turns a node away when anti-affinity is broken by a nominated pod', () => {
    const two = [node('n1'), node('n2')];
    const anti = { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'db' } } }] } };
    const snapshot = buildSnapshot({ nodes: two, pods: [], nominatedPods: [nominated('db-0', 'n1', { labels: { app: 'db' } })] });
    const out = scheduleCycle({ profile, snapshot, pod: pod('db-1', { labels: { app: 'db' }, affinity: anti }) });
    expect(out.result).toMatchObject({ kind: 'scheduled', nodeName: 'n2' });
    expect(out.record.nodes.get('n1')!.filters.at(-1)).toMatchObject({ plugin: 'InterPodAffinity', status: { code: 'Unschedulable' } });
  });

  it('also needs the node to pass without them (required affinity to a pod that is only nominated)', () => {
    const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'cache' } } }] } };
    const snapshot = buildSnapshot({ nodes, pods: [], nominatedPods: [nominated('cache-0', 'n1', { labels: { app: 'cache' } })] });
    const out = scheduleCycle({ profile, snapshot, pod: pod('web', { labels: { app: 'web' }, affinity }) });
    expect(out.result.kind).toBe('unschedulable');
    if (out.result.kind === 'unschedulable') expect(out.result.fitError.message).toContain("node(s) didn't match pod affinity rules");
  });

  it('holds in preemption dry runs as well', () => {
    const snapshot = buildSnapshot({ nodes, pods: [], nominatedPods: [nominated('big', 'n1', { cpu: '1500m', priority: 10 })] });
    expect(filterOnSnapshot(profile, pod('small', { cpu: '1' }), snapshot, 'n1')).toMatchObject({ code: 'Unschedulable', plugin: 'NodeResourcesFit' });
    expect(filterOnSnapshot(profile, pod('tiny', { cpu: '500m' }), snapshot, 'n1').code).toBe('Success');
  });
});

describe('Nominator', () => {
  it('keeps pods that carry a nominated node, and one list until something changes', () => {
    const n = new Nominator();
    const empty = n.list();
    n.set('default/a', pod('a'));
    expect(n.list()).toBe(empty);
    const a = nominated('a', 'n1');
    n.set('default/a', a);
    const list = n.list();
    expect(list).toEqual([a]);
    n.set('default/a', a);
    expect(n.list()).toBe(list);
    n.set('default/a', undefined);
    expect(n.list()).toEqual([]);
  });
});
