// The scoring half of a cycle: PreScore, Score, NormalizeScore, weights, and picking the host.
// Kubernetes twins: pkg/scheduler/schedule_one.go (prioritizeNodes, selectHost) and
// framework/runtime/framework.go (RunPreScorePlugins, RunScorePlugins).
// Scores are kept as plain number arrays, one per plugin: a cycle scores hundreds of nodes with
// several plugins, and an object per node per plugin was most of its garbage. NodeScore lists
// are built only for the plugins that normalise (their interface takes one).
import type { Pod } from '../api/types/pod.js';
import { MAX_NODE_SCORE, MIN_NODE_SCORE, statusMessage, type CycleState, type NodeScore, type Plugin } from './framework.js';
import type { NodeInfo } from './node-info.js';
import type { Profile } from './profile.js';
import type { CycleRecord } from './record.js';

export interface ScoredNodes {
  readonly totals: NodeScore[];
}

/** RunPreScorePlugins: Skip turns the plugin's Score off for this cycle; anything else but Success is an error. */
function runPreScore(profile: Profile, pod: Pod, nodes: readonly NodeInfo[], state: CycleState, record?: CycleRecord): string | undefined {
  for (const p of profile.preScore) {
    const s = p.preScore!(pod, nodes, state);
    record?.preScore.push({ plugin: p.name, status: s });
    if (s.code === 'Skip') state.skipScorePlugins.add(p.name);
    else if (s.code !== 'Success') return `running PreScore plugin "${p.name}": ${statusMessage(s)}`;
  }
  return undefined;
}

/**
 * One plugin's raw scores and, through its NormalizeScore when it has one, the normalised ones.
 * `list` is the cycle's one NodeScore per node, refilled for each plugin that normalises.
 */
function pluginScores(plugin: Plugin, pod: Pod, nodes: readonly NodeInfo[], state: CycleState, list: () => NodeScore[]): { raw: number[]; normalized: number[] } {
  const raw: number[] = [];
  for (let i = 0; i < nodes.length; i++) raw.push(plugin.score!(pod, nodes[i], state));
  if (!plugin.normalizeScores) return { raw, normalized: raw };
  const scores = list();
  for (let i = 0; i < nodes.length; i++) scores[i].score = raw[i];
  const out = plugin.normalizeScores(scores, state, pod);
  const normalized: number[] = [];
  for (let i = 0; i < out.length; i++) normalized.push(out[i].score);
  return { raw, normalized };
}

/**
 * prioritizeNodes as numbers: each node's total, in the order of `nodes`. With no score plugins
 * every node scores 1. Otherwise each plugin scores every node, normalises, is checked to stay in
 * 0..100, and is multiplied by its weight; totals add up.
 * Worked example: TaintToleration (weight 3) normalised 100 and NodeResourcesFit (weight 1) 40
 * give 3*100 + 1*40 = 340.
 */
export function scoreTotals(
  profile: Profile, pod: Pod, nodes: readonly NodeInfo[], state: CycleState, record?: CycleRecord,
): number[] | { error: string } {
  const n = nodes.length;
  const totals: number[] = [];
  for (let i = 0; i < n; i++) totals.push(profile.score.length === 0 ? 1 : 0);
  if (profile.score.length === 0) return totals;
  const error = runPreScore(profile, pod, nodes, state, record);
  if (error !== undefined) return { error };
  const names = record && nodes.map((x) => x.name);
  let scores: NodeScore[] | undefined;
  const list = (): NodeScore[] => (scores ??= nodes.map((x) => ({ name: x.name, score: 0 })));
  for (const { plugin, weight } of profile.score) {
    if (state.skipScorePlugins.has(plugin.name)) continue;
    const { raw, normalized } = pluginScores(plugin, pod, nodes, state, list);
    for (let i = 0; i < n; i++) {
      const v = normalized[i];
      if (v > MAX_NODE_SCORE || v < MIN_NODE_SCORE) {
        if (names) record!.scored(plugin.name, weight, names, raw, normalized, i);
        return { error: `plugin "${plugin.name}" returns an invalid score ${v}, it should in the range of [${MIN_NODE_SCORE}, ${MAX_NODE_SCORE}] after normalizing` };
      }
      totals[i] += v * weight;
    }
    if (names) record!.scored(plugin.name, weight, names, raw, normalized);
  }
  if (names) record!.totalled(names, totals);
  return totals;
}

/** prioritizeNodes with the totals named: NodeScores in the order of `nodes`. */
export function scoreNodes(
  profile: Profile, pod: Pod, nodes: readonly NodeInfo[], state: CycleState, record?: CycleRecord,
): ScoredNodes | { error: string } {
  const totals = scoreTotals(profile, pod, nodes, state, record);
  if ('error' in totals) return totals;
  return { totals: nodes.map((x, i) => ({ name: x.name, score: totals[i] })) };
}

/**
 * The index of the highest total; among equal totals, `tieBreak` in [0, 1) picks one, each
 * equally likely (kube-scheduler samples them with its own generator). Example: totals
 * [300, 340, 340], tieBreak 0.7 -> two tied, the tie at floor(0.7*2) = 1 -> index 2.
 */
export function selectHostIndex(totals: readonly number[], tieBreak: number): number {
  let best = -Infinity;
  let ties = 0;
  for (const t of totals) {
    if (t > best) (best = t), (ties = 1);
    else if (t === best) ties++;
  }
  let want = Math.min(ties - 1, Math.max(0, Math.floor(tieBreak * ties)));
  for (let i = 0; i < totals.length; i++) if (totals[i] === best && want-- === 0) return i;
  return -1;
}

/** selectHost over named totals. Example: [a:300, b:340, c:340], tieBreak 0.7 -> c. */
export function selectHost(totals: readonly NodeScore[], tieBreak: number): string {
  return totals[selectHostIndex(totals.map((t) => t.score), tieBreak)].name;
}
