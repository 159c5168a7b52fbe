// Properties of scoring: every normalised score stays in 0..100, whatever the raw scores.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleCycle } from '../../src/scheduler/cycle.js';
import { CycleState, defaultNormalizeScore } from '../../src/scheduler/framework.js';
import { defaultProfile } from '../../src/scheduler/profile.js';
import { assumePod, buildSnapshot } from '../../src/scheduler/snapshot.js';
import { arbNodes, arbPods } from './scheduler-arbitraries.js';

const inRange = (s: number) => Number.isInteger(s) && s >= 0 && s <= 100;

describe('NormalizeScore', () => {
  it('defaultNormalizeScore keeps non-negative raw scores in 0..100, reversed or not', () => {
    fc.assert(fc.property(fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 20 }), fc.boolean(), (raw, reverse) => {
      const out = defaultNormalizeScore(raw.map((score, i) => ({ name: `n${i}`, score })), reverse);
      expect(out.every((s) => inRange(s.score))).toBe(true);
    }));
  });

  it('every plugin of the default profile normalises into 0..100 on random clusters', () => {
    fc.assert(fc.property(arbNodes, arbPods, (nodes, pods) => {
      // Place all but the last pod, then score the last against every node with each plugin.
      let snap = buildSnapshot({ nodes, pods: [] });
      for (const p of pods.slice(0, -1)) {
        const out = scheduleCycle({ profile: defaultProfile(), snapshot: snap, pod: p });
        if (out.result.kind === 'scheduled') snap = assumePod(snap, p, out.result.nodeName);
      }
      const pod = pods[pods.length - 1];
      const state = new CycleState(snap);
      const profile = defaultProfile();
      for (const p of profile.preScore) p.preScore!(pod, snap.nodes, state);
      for (const { plugin } of profile.score) {
        if (state.skipScorePlugins.has(plugin.name)) continue;
        const raw = snap.nodes.map((n) => ({ name: n.name, score: plugin.score!(pod, n, state) }));
        const norm = plugin.normalizeScores ? plugin.normalizeScores(raw, state, pod) : raw;
        for (const s of norm) expect(inRange(s.score), `${plugin.name} gave ${s.score}`).toBe(true);
      }
    }), { numRuns: 150 });
  });
});
