// What one scheduling cycle decided and why, node by node and plugin by plugin, kept for
// `kubesim explain`. kube-scheduler logs this at high verbosity; we keep it as data.
// A cycle looks at hundreds of nodes and nobody reads most records, so the cycle only appends
// to flat logs (a node name and the status that stopped it; one array of scores per plugin)
// and the per-node view (`nodes`) is built from them the first time it is read.
import { success, type Status } from './framework.js';

export interface PluginScoreRecord {
  readonly plugin: string;
  /** What Score returned. */
  readonly raw: number;
  /** After NormalizeScore (equal to raw when the plugin has none). */
  readonly normalized: number;
  readonly weight: number;
  /** normalized * weight: what is added to the node's total. */
  readonly weighted: number;
}

export interface NodeRecord {
  readonly node: string;
  /** Filter verdicts in plugin order, up to and including the first failure. */
  readonly filters: { readonly plugin: string; readonly status: Status }[];
  readonly scores: PluginScoreRecord[];
  total?: number;
}

/**
 * The scored nodes, in the order the cycle scored them. The cycle hands its list of NodeInfos
 * rather than building a list of names per cycle; only `name` is read, when the view is built.
 */
type Named = readonly { readonly name: string }[];

/** One plugin's scores over the scored nodes, in their order; `count` of them were kept. */
interface ScoreLog {
  readonly plugin: string;
  readonly weight: number;
  readonly nodes: Named;
  readonly raw: ArrayLike<number>;
  readonly normalized: ArrayLike<number>;
  readonly count: number;
}

export class CycleRecord {
  readonly preFilter: { readonly plugin: string; readonly status: Status; readonly nodeNames?: readonly string[] }[] = [];
  readonly preScore: { readonly plugin: string; readonly status: Status }[] = [];
  numFeasibleNodesToFind?: number;
  startIndex?: number;
  selected?: string;
  postFilter?: { readonly status: Status; readonly nominatedNodeName?: string; readonly victims?: readonly string[] };
  // The filter log: the nodes filtered, in order; which filters ran for them (a list that changes
  // rarely, so kept once per run of visits); and, for the few that failed, where and why. A node
  // not listed as failed passed every filter of its list.
  readonly #visited: string[] = [];
  readonly #pluginRuns: { readonly from: number; readonly plugins: readonly string[] }[] = [];
  readonly #failures: { readonly visit: number; readonly failedAt: number; readonly status: Status }[] = [];
  readonly #scores: ScoreLog[] = [];
  #totals: { readonly nodes: Named; readonly totals: ArrayLike<number> } | undefined;
  #nodes: Map<string, NodeRecord> | undefined;

  /**
   * The node passed `plugins` (the filters that ran, in order) when `failed` is undefined;
   * otherwise the plugin at `failedAt` answered `failed` after the ones before it succeeded.
   */
  filtered(node: string, plugins: readonly string[], failedAt = plugins.length, failed?: Status): void {
    const runs = this.#pluginRuns;
    if (runs.length === 0 || runs[runs.length - 1].plugins !== plugins) runs.push({ from: this.#visited.length, plugins });
    if (failed) this.#failures.push({ visit: this.#visited.length, failedAt, status: failed });
    this.#visited.push(node);
    this.#nodes = undefined;
  }

  /** One score plugin's raw and normalised scores for `nodes`; only the first `count` are kept. */
  scored(plugin: string, weight: number, nodes: Named, raw: ArrayLike<number>, normalized: ArrayLike<number>, count = nodes.length): void {
    this.#scores.push({ plugin, weight, nodes, raw, normalized, count });
    this.#nodes = undefined;
  }

  /** Each scored node's total, once every plugin has scored. */
  totalled(nodes: Named, totals: ArrayLike<number>): void {
    this.#totals = { nodes, totals };
    this.#nodes = undefined;
  }

  /** Only the nodes the cycle looked at, in the order it looked at them. */
  get nodes(): Map<string, NodeRecord> {
    return (this.#nodes ??= this.#build());
  }

  #build(): Map<string, NodeRecord> {
    const nodes = new Map<string, NodeRecord>();
    let run = -1;
    let failure = 0;
    for (let v = 0; v < this.#visited.length; v++) {
      while (run + 1 < this.#pluginRuns.length && this.#pluginRuns[run + 1].from <= v) run++;
      const plugins = this.#pluginRuns[run].plugins;
      const f = this.#failures[failure]?.visit === v ? this.#failures[failure++] : undefined;
      const rec = nodeRecord(nodes, this.#visited[v]);
      const passed = f ? f.failedAt : plugins.length;
      for (let i = 0; i < passed; i++) rec.filters.push({ plugin: plugins[i], status: success });
      if (f) rec.filters.push({ plugin: plugins[f.failedAt], status: f.status });
    }
    for (const s of this.#scores) {
      for (let i = 0; i < s.count; i++) {
        const v = s.normalized[i];
        nodeRecord(nodes, s.nodes[i].name).scores.push({ plugin: s.plugin, raw: s.raw[i], normalized: v, weight: s.weight, weighted: v * s.weight });
      }
    }
    const t = this.#totals;
    if (t) for (let i = 0; i < t.nodes.length; i++) nodeRecord(nodes, t.nodes[i].name).total = t.totals[i];
    return nodes;
  }
}

export const newCycleRecord = (): CycleRecord => new CycleRecord();

/** The node's entry in `nodes`, created (at the end of the order) on first use. */
export function nodeRecord(nodes: Map<string, NodeRecord>, node: string): NodeRecord {
  let r = nodes.get(node);
  if (!r) {
    r = { node, filters: [], scores: [] };
    nodes.set(node, r);
  }
  return r;
}
