// Properties of whole scheduling cycles over random small clusters: placements respect
// allocatable, node selection, taints and hard spread constraints, and are reproducible.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Node } from '../../src/api/types/node.js';
import type { Pod } from '../../src/api/types/pod.js';
import { scheduleCycle } from '../../src/scheduler/cycle.js';
import { podRequests } from '../../src/scheduler/pod-requests.js';
import { defaultProfile } from '../../src/scheduler/profile.js';
import { assumePod, buildSnapshot, type Snapshot } from '../../src/scheduler/snapshot.js';
import { podMatchesNodeRequirements } from '../../src/scheduler/node-selector.js';
import { findUntoleratedTaint } from '../../src/scheduler/tolerations.js';
import { arbNodes, arbPods, arbTieBreaks } from './scheduler-arbitraries.js';

const profile = defaultProfile();

/** Schedules the pods one after another (no preemption acted on), returning placements and snapshots. */
function placeAll(nodes: readonly Node[], pods: readonly Pod[], ties: readonly number[]) {
  let snap = buildSnapshot({ nodes, pods: [] });
  let start = 0;
  const steps: { pod: Pod; before: Snapshot; node?: string }[] = [];
  pods.forEach((pod, i) => {
    const out = scheduleCycle({ profile, snapshot: snap, pod, startIndex: start, tieBreak: ties[i % ties.length] });
    start = out.nextStartIndex;
    const node = out.result.kind === 'scheduled' ? out.result.nodeName : undefined;
    steps.push({ pod, before: snap, node });
    if (node) snap = assumePod(snap, pod, node);
  });
  return { steps, final: snap };
}

/** Matching pods per domain over nodes eligible for the pod (selector/affinity honoured, key present). */
function domainCounts(snap: Snapshot, pod: Pod, key: string): Map<string, number> {
  const counts = new Map<string, number>();
  const app = pod.metadata.labels?.app;
  for (const n of snap.nodes) {
    if (!(key in n.labels) || !podMatchesNodeRequirements(pod, n.node)) continue;
    const v = n.labels[key];
    counts.set(v, (counts.get(v) ?? 0) + n.pods.filter((p) => p.pod.metadata.labels?.app === app).length);
  }
  return counts;
}

describe('scheduler placement properties', () => {
  it('never puts a node over its allocatable cpu, memory or pod count', () => {
    fc.assert(fc.property(arbNodes, arbPods, arbTieBreaks, (nodes, pods, ties) => {
      const { final } = placeAll(nodes, pods, ties);
      for (const n of final.nodes) {
        expect(n.requested.milliCPU).toBeLessThanOrEqual(n.allocatable.milliCPU);
        expect(n.requested.memory).toBeLessThanOrEqual(n.allocatable.memory);
        expect(n.pods.length).toBeLessThanOrEqual(n.allocatable.allowedPodNumber);
      }
    }), { numRuns: 150 });
  });

  it('respects nodeSelector, required node affinity, NoSchedule/NoExecute taints and cordons', () => {
    fc.assert(fc.property(arbNodes, arbPods, arbTieBreaks, (nodes, pods, ties) => {
      for (const { pod, before, node } of placeAll(nodes, pods, ties).steps) {
        if (!node) continue;
        const n = before.get(node)!;
        expect(podMatchesNodeRequirements(pod, n.node)).toBe(true);
        expect(findUntoleratedTaint(n.taints, pod.spec.tolerations)).toBeUndefined();
        expect(n.node.spec?.unschedulable ?? false).toBe(false);
      }
    }), { numRuns: 150 });
  });

  it('never exceeds a hard topology spread constraint\'s skew', () => {
    fc.assert(fc.property(arbNodes, arbPods, arbTieBreaks, (nodes, pods, ties) => {
      for (const { pod, before, node } of placeAll(nodes, pods, ties).steps) {
        const c = pod.spec.topologySpreadConstraints?.[0];
        if (!node || !c) continue;
        const counts = domainCounts(before, pod, c.topologyKey);
        const min = Math.min(...counts.values());
        const domain = before.get(node)!.labels[c.topologyKey];
        expect((counts.get(domain) ?? 0) + 1 - min).toBeLessThanOrEqual(c.maxSkew);
      }
    }), { numRuns: 150 });
  });

  it('gives the same placements for the same inputs and tie-break numbers', () => {
    fc.assert(fc.property(arbNodes, arbPods, arbTieBreaks, (nodes, pods, ties) => {
      const a = placeAll(nodes, pods, ties).steps.map((s) => s.node);
      const b = placeAll(nodes, pods, ties).steps.map((s) => s.node);
      expect(b).toEqual(a);
    }), { numRuns: 100 });
  });

  it('places a pod whenever some node passes every filter (no feasible node is missed under 100 nodes)', () => {
    fc.assert(fc.property(arbNodes, arbPods, (nodes, pods) => {
      const snap = buildSnapshot({ nodes, pods: [] });
      const pod = pods[0];
      const out = scheduleCycle({ profile, snapshot: snap, pod });
      const anyFits = snap.nodes.some((n) =>
        podMatchesNodeRequirements(pod, n.node) && !findUntoleratedTaint(n.taints, pod.spec.tolerations) && !n.node.spec?.unschedulable &&
        n.allocatable.allowedPodNumber >= 1 &&
        n.allocatable.milliCPU >= Number.parseInt(String(pod.spec.containers[0].resources!.requests!.cpu)) &&
        n.allocatable.memory >= Number.parseInt(String(pod.spec.containers[0].resources!.requests!.memory)) * 1024 * 1024);
      expect(out.result.kind === 'scheduled').toBe(anyFits);
    }), { numRuns: 150 });
  });

  it('leaves room for pods nominated with equal or higher priority', () => {
    const arbNominations = fc.array(fc.nat({ max: 7 }), { minLength: 12, maxLength: 12 });
    fc.assert(fc.property(arbNodes, arbPods, arbNominations, (nodes, pods, to) => {
      // Every pod but the last is pending and nominated somewhere; the last one is scheduled.
      const others = pods.slice(0, -1).map((p, i) => ({ ...p, status: { nominatedNodeName: nodes[to[i] % nodes.length].metadata.name } }));
      const snap = buildSnapshot({ nodes, pods: [], nominatedPods: others });
      const pod = pods[pods.length - 1];
      const out = scheduleCycle({ profile, snapshot: snap, pod });
      if (out.result.kind !== 'scheduled') return;
      const n = snap.get(out.result.nodeName)!;
      const held = others.filter((o) => o.status.nominatedNodeName === n.name && (o.spec.priority ?? 0) >= (pod.spec.priority ?? 0));
      const withHeld = assumePod(held.reduce((s, o) => assumePod(s, o, n.name), snap), pod, n.name).get(n.name)!;
      // As NodeResourcesFit, a resource the pod does not request is not checked: the held pods
      // alone may already exceed it (a nominated pod need not fit where it is nominated).
      const asks = podRequests(pod);
      if (asks.milliCPU > 0) expect(withHeld.requested.milliCPU).toBeLessThanOrEqual(withHeld.allocatable.milliCPU);
      if (asks.memory > 0) expect(withHeld.requested.memory).toBeLessThanOrEqual(withHeld.allocatable.memory);
      expect(withHeld.pods.length).toBeLessThanOrEqual(withHeld.allocatable.allowedPodNumber);
    }), { numRuns: 150 });
  });
});
