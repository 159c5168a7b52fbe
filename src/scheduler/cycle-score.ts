// The scoring half of a cycle: PreScore, Score, NormalizeScore, weights, and picking the host.
// Kubernetes twins: pkg/scheduler/schedule_one.go (prioritizeNodes, selectHost) and
// framework/runtime/framework.go (RunPreScorePlugins, RunScorePlugins).
import type { Pod } from '../api/types/pod.js';
import { MAX_NODE_SCORE, MIN_NODE_SCORE, statusMessage, type CycleState, type NodeScore } from './framework.js';
import type { NodeInfo } from './node-info.js';
import type { Profile } from './profile.js';
import { nodeRecord, type CycleRecord } from './record.js';

export interface ScoredNodes {
  readonly totals: NodeScore[];
}

/**
 * prioritizeNodes. With no score plugins every node scores 1. Otherwise each plugin scores every
 * node, normalises, is checked to stay in 0..100, and is multiplied by its weight; totals add up.
 * Worked example: TaintToleration (weight 3) normalised 100 and NodeResourcesFit (weight 1) 40
 * give 3*100 + 1*40 = 340.
 */
export function scoreNodes(
  profile: Profile, pod: Pod, nodes: readonly NodeInfo[], state: CycleState, record?: CycleRecord,
): ScoredNodes | { error: string } {
  if (profile.score.length === 0) return { totals: nodes.map((n) => ({ name: n.name, score: 1 })) };
  for (const p of profile.preScore) {
    const s = p.preScore!(pod, nodes, state);
    record?.preScore.push({ plugin: p.name, status: s });
    if (s.code === 'Skip') state.skipScorePlugins.add(p.name);
    else if (s.code !== 'Success') return { error: `running PreScore plugin "${p.name}": ${statusMessage(s)}` };
  }
  const totals = nodes.map((n) => ({ name: n.name, score: 0 }));
  for (const { plugin, weight } of profile.score) {
    if (state.skipScorePlugins.has(plugin.name)) continue;
    const raw = nodes.map((n) => ({ name: n.name, score: plugin.score!(pod, n, state) }));
    const normalized = plugin.normalizeScores ? plugin.normalizeScores(raw, state, pod) : raw;
    for (let i = 0; i < nodes.length; i++) {
      const v = normalized[i].score;
      if (v > MAX_NODE_SCORE || v < MIN_NODE_SCORE) {
        return { error: `plugin "${plugin.name}" returns an invalid score ${v}, it should in the range of [${MIN_NODE_SCORE}, ${MAX_NODE_SCORE}] after normalizing` };
      }
      totals[i].score += v * weight;
      const rec = record && nodeRecord(record, nodes[i].name);
      rec?.scores.push({ plugin: plugin.name, raw: raw[i].score, normalized: v, weight, weighted: v * weight });
    }
  }
  if (record) for (const t of totals) nodeRecord(record, t.name).total = t.score;
  return { totals };
}

/**
 * The node with the highest total; among equal totals, `tieBreak` in [0, 1) picks one, each
 * equally likely (kube-scheduler samples them with its own generator). Example: totals
 * [a:300, b:340, c:340], tieBreak 0.7 -> two tied, index floor(0.7*2) = 1 -> c.
 */
export function selectHost(totals: readonly NodeScore[], tieBreak: number): string {
  let best = -Infinity;
  for (const t of totals) if (t.score > best) best = t.score;
  const tied = totals.filter((t) => t.score === best);
  const i = Math.min(tied.length - 1, Math.max(0, Math.floor(tieBreak * tied.length)));
  return tied[i].name;
}
