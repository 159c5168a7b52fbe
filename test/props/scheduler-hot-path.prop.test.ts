// The cycle's fast paths against plain restatements of what they stand for. Scoring runs node by
// node into number arrays and lets NormalizeScore rewrite one shared list; the reference here
// scores plugin by plugin with a fresh NodeScore list each time, as the framework reads in
// kube-scheduler. NodeInfo's hot facts must say what its pods and sums say.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Node } from '../../src/api/types/node.js';
import type { Pod } from '../../src/api/types/pod.js';
import { runPreFilter, runFilters, scheduleCycle, scoreTotals } from '../../src/scheduler/cycle.js';
import { CycleState, MAX_NODE_SCORE, MIN_NODE_SCORE } from '../../src/scheduler/framework.js';
import type { NodeInfo } from '../../src/scheduler/node-info.js';
import { defaultProfile, type Profile } from '../../src/scheduler/profile.js';
import { assumePod, buildSnapshot, type Snapshot } from '../../src/scheduler/snapshot.js';
import { arbNodes, arbRichPods, arbTieBreaks } from './scheduler-arbitraries.js';

const profile = defaultProfile();

/** prioritizeNodes spelled out: PreScore, then each plugin scores all nodes, normalises a list of its own, weighs. */
function referenceTotals(p: Profile, pod: Pod, nodes: readonly NodeInfo[], state: CycleState): number[] | 'error' {
  for (const plugin of p.preScore) {
    const s = plugin.preScore!(pod, nodes, state);
    if (s.code === 'Skip') state.skipScorePlugins.add(plugin.name);
    else if (s.code !== 'Success') return 'error';
  }
  const totals = nodes.map(() => 0);
  for (const { plugin, weight } of p.score) {
    if (state.skipScorePlugins.has(plugin.name)) continue;
    const raw = nodes.map((n) => ({ name: n.name, score: plugin.score!(pod, n, state) }));
    const normalized = plugin.normalizeScores ? plugin.normalizeScores(raw.map((s) => ({ ...s })), state, pod) : raw;
    for (let i = 0; i < nodes.length; i++) {
      const v = normalized[i].score;
      if (v > MAX_NODE_SCORE || v < MIN_NODE_SCORE) return 'error';
      totals[i] += v * weight;
    }
  }
  return totals;
}

/** The nodes passing PreFilter and Filter, and the state they leave, as a cycle over all of them would. */
function feasible(snap: Snapshot, pod: Pod): { nodes: NodeInfo[]; state: CycleState } | undefined {
  const state = new CycleState(snap);
  const pre = runPreFilter(profile, pod, state);
  if (pre.status.code !== 'Success') return undefined;
  const nodes = snap.nodes.filter((n) => (!pre.nodeNames || pre.nodeNames.has(n.name)) && runFilters(profile, pod, n, state).code === 'Success');
  return { nodes, state };
}

/** Places pods one after another, handing each cycle's snapshot and pod to `check` first. */
function placeAll(nodes: readonly Node[], pods: readonly Pod[], ties: readonly number[], check: (snap: Snapshot, pod: Pod) => void): Snapshot {
  let snap = buildSnapshot({ nodes, pods: [], services: [{ namespace: 'default', selector: { app: 'web' } }] });
  pods.forEach((pod, i) => {
    check(snap, pod);
    const out = scheduleCycle({ profile, snapshot: snap, pod, tieBreak: ties[i % ties.length] });
    if (out.result.kind === 'scheduled') snap = assumePod(snap, pod, out.result.nodeName);
  });
  return snap;
}

describe('scoring fast path', () => {
  it('gives every node the total a plugin-by-plugin reference gives', () => {
    fc.assert(fc.property(arbNodes, arbRichPods, arbTieBreaks, (nodes, pods, ties) => {
      placeAll(nodes, pods, ties, (snap, pod) => {
        const fast = feasible(snap, pod);
        const slow = feasible(snap, pod);
        if (!fast || !slow || fast.nodes.length === 0) return;
        const got = scoreTotals(profile, pod, fast.nodes, fast.state);
        const want = referenceTotals(profile, pod, slow.nodes, slow.state);
        expect('error' in got ? 'error' : got).toEqual(want);
        expect([...fast.state.skipScorePlugins].sort()).toEqual([...slow.state.skipScorePlugins].sort());
      });
    }), { numRuns: 300 });
  });
});

describe('NodeInfo hot facts', () => {
  it('agree with the pods and the sums they copy, in every snapshot of a run', () => {
    fc.assert(fc.property(arbNodes, arbRichPods, arbTieBreaks, (nodes, pods, ties) => {
      const check = (snap: Snapshot) => {
        for (const n of snap.nodes) {
          expect(n.podCount).toBe(n.pods.length);
          expect([n.requestedMilliCPU, n.requestedMemory]).toEqual([n.requested.milliCPU, n.requested.memory]);
          expect([n.nonZeroMilliCPU, n.nonZeroMemory]).toEqual([n.nonZeroRequested.milliCPU, n.nonZeroRequested.memory]);
          expect(n.unschedulable).toBe(!!n.node.spec?.unschedulable);
        }
      };
      check(placeAll(nodes, pods, ties, check));
    }), { numRuns: 150 });
  });
});
