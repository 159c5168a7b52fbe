// What one scheduling cycle decided and why, node by node and plugin by plugin, kept for
// `kubesim explain`. kube-scheduler logs this at high verbosity; we keep it as data.
import type { Status } from './framework.js';

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

export interface CycleRecord {
  readonly preFilter: { readonly plugin: string; readonly status: Status; readonly nodeNames?: readonly string[] }[];
  readonly preScore: { readonly plugin: string; readonly status: Status }[];
  /** Only the nodes the cycle looked at, in the order it looked at them. */
  readonly nodes: Map<string, NodeRecord>;
  numFeasibleNodesToFind?: number;
  startIndex?: number;
  selected?: string;
  postFilter?: { readonly status: Status; readonly nominatedNodeName?: string; readonly victims?: readonly string[] };
}

export const newCycleRecord = (): CycleRecord => ({ preFilter: [], preScore: [], nodes: new Map() });

export function nodeRecord(record: CycleRecord, node: string): NodeRecord {
  let r = record.nodes.get(node);
  if (!r) {
    r = { node, filters: [], scores: [] };
    record.nodes.set(node, r);
  }
  return r;
}
