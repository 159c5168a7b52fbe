// The scoring half of a cycle: PreScore, Score, NormalizeScore, weights, and picking the host.
// Kubernetes twins: pkg/scheduler/schedule_one.go (prioritizeNodes, selectHost) and
// framework/runtime/framework.go (RunPreScorePlugins, RunScorePlugins).
// Scores are kept as number arrays, one per plugin: a cycle scores hundreds of nodes with
// several plugins, and an object per node per plugin was most of its garbage. One NodeScore list
// is built per cycle, and only when a plugin normalises (its interface takes one).
import type { Pod } from '../api/types/pod.js';
import { MAX_NODE_SCORE, MIN_NODE_SCORE, statusMessage, type CycleState, type NodeScore, type Plugin } from './framework.js';
import type { NodeInfo } from './node-info.js';
import type { Profile, ScorePluginEntry } from './profile.js';
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
 * n zeros in an array allocated at its final size (growing one by push allocates it several
 * times over). A plain array rather than a Float64Array: a typed array of this size keeps its
 * numbers outside the heap, and allocating and freeing that per plugin per cycle cost more.
 */
const zeros = (n: number): number[] => new Array<number>(n).fill(0);

/** The score plugins PreScore left on for this cycle, in profile order. */
function activeScorePlugins(profile: Profile, state: CycleState): ScorePluginEntry[] {
  const active: ScorePluginEntry[] = [];
  for (const entry of profile.score) if (!state.skipScorePlugins.has(entry.plugin.name)) active.push(entry);
  return active;
}

/**
 * Every active plugin's raw score of every node, one array per plugin. The loop runs node by
 * node, every plugin on a node in turn, so a node's NodeInfo is fetched from memory once rather
 * than once per plugin; Score is a pure function of (pod, node, state), so the order changes
 * nothing in what it returns.
 */
function rawScores(active: readonly ScorePluginEntry[], pod: Pod, nodes: readonly NodeInfo[], state: CycleState): number[][] {
  const raw = active.map(() => zeros(nodes.length));
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i];
    for (let p = 0; p < active.length; p++) raw[p][i] = active[p].plugin.score!(pod, node, state);
  }
  return raw;
}

/**
 * `raw` through the plugin's NormalizeScore. `list` is the cycle's one NodeScore per node,
 * refilled for each plugin that normalises (NormalizeScore may rewrite it in place).
 */
function normalizedScores(plugin: Plugin, pod: Pod, raw: readonly number[], state: CycleState, list: () => NodeScore[]): number[] {
  const scores = list();
  for (let i = 0; i < raw.length; i++) scores[i].score = raw[i];
  const out = plugin.normalizeScores!(scores, state, pod);
  const normalized = zeros(raw.length);
  for (let i = 0; i < out.length && i < raw.length; i++) normalized[i] = out[i].score;
  return normalized;
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
  const active = activeScorePlugins(profile, state);
  const raw = rawScores(active, pod, nodes, state);
  let scores: NodeScore[] | undefined;
  const list = (): NodeScore[] => (scores ??= nodes.map((x) => ({ name: x.name, score: 0 })));
  for (let p = 0; p < active.length; p++) {
    const { plugin, weight } = active[p];
    const normalized = plugin.normalizeScores ? normalizedScores(plugin, pod, raw[p], state, list) : raw[p];
    for (let i = 0; i < n; i++) {
      const v = normalized[i];
      if (v > MAX_NODE_SCORE || v < MIN_NODE_SCORE) {
        record?.scored(plugin.name, weight, nodes, raw[p], normalized, i);
        return { error: `plugin "${plugin.name}" returns an invalid score ${v}, it should in the range of [${MIN_NODE_SCORE}, ${MAX_NODE_SCORE}] after normalizing` };
      }
      totals[i] += v * weight;
    }
    record?.scored(plugin.name, weight, nodes, raw[p], normalized);
  }
  record?.totalled(nodes, totals);
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
