// The last scheduling decision for a pod as plain JSON, for `kubesim explain pod` and the web
// view: per node the filter verdicts (why it was turned away) or the per-plugin scores. No
// Kubernetes twin: kube-scheduler only logs this at high verbosity (-v=10).
import type { CycleResult } from './cycle.js';
import type { Status } from './framework.js';
import type { CycleRecord, PluginScoreRecord } from './record.js';

export const EXPLAIN_API_VERSION = 'kubesim.io/v1';
export const EXPLAIN_KIND = 'SchedulingDecision';

/** What the scheduler keeps per pod: the cycle's result and record, when and by which profile. */
export interface Decision {
  readonly outcome: CycleResult;
  readonly record: CycleRecord;
  readonly time?: string;
  readonly schedulerName?: string;
}

export interface StatusJson {
  readonly plugin?: string;
  readonly code: string;
  readonly reasons: readonly string[];
}

export interface NodeDecisionJson {
  readonly node: string;
  /** Selected (the chosen one), Feasible (passed every filter) or Rejected. */
  readonly verdict: 'Selected' | 'Feasible' | 'Rejected';
  readonly filters: readonly StatusJson[];
  /** The filter that turned the node away, when Rejected. */
  readonly rejectedBy?: StatusJson;
  readonly scores: readonly PluginScoreRecord[];
  readonly total?: number;
}

export interface DecisionJson {
  readonly apiVersion: string;
  readonly kind: string;
  readonly pod: { readonly namespace: string; readonly name: string };
  readonly schedulerName?: string;
  readonly time?: string;
  readonly result: 'Scheduled' | 'Unschedulable' | 'Error';
  readonly nodeName?: string;
  readonly message?: string;
  readonly startIndex?: number;
  readonly numFeasibleNodesToFind?: number;
  readonly preFilter: readonly (StatusJson & { readonly nodeNames?: readonly string[] })[];
  readonly preScore: readonly StatusJson[];
  readonly nodes: readonly NodeDecisionJson[];
  readonly postFilter?: StatusJson & { readonly nominatedNodeName?: string; readonly victims?: readonly string[] };
}

const statusJson = (plugin: string | undefined, s: Status): StatusJson => ({ plugin: plugin ?? s.plugin, code: s.code, reasons: [...s.reasons] });

function resultFields(outcome: CycleResult): Pick<DecisionJson, 'result' | 'nodeName' | 'message'> {
  if (outcome.kind === 'scheduled') return { result: 'Scheduled', nodeName: outcome.nodeName };
  if (outcome.kind === 'unschedulable') return { result: 'Unschedulable', message: outcome.fitError.message };
  return { result: 'Error', message: outcome.message };
}

/** The decision as JSON; nodes in the order the cycle looked at them. */
export function decisionJson(namespace: string, name: string, d: Decision): DecisionJson {
  const r = d.record;
  const nodes: NodeDecisionJson[] = [];
  for (const n of r.nodes.values()) {
    const filters = n.filters.map((f) => statusJson(f.plugin, f.status));
    const failed = filters.find((f) => f.code !== 'Success');
    const verdict = failed ? 'Rejected' : r.selected === n.node ? 'Selected' : 'Feasible';
    nodes.push({ node: n.node, verdict, filters, rejectedBy: failed, scores: [...n.scores], total: n.total });
  }
  return {
    apiVersion: EXPLAIN_API_VERSION,
    kind: EXPLAIN_KIND,
    pod: { namespace, name },
    schedulerName: d.schedulerName,
    time: d.time,
    ...resultFields(d.outcome),
    startIndex: r.startIndex,
    numFeasibleNodesToFind: r.numFeasibleNodesToFind,
    preFilter: r.preFilter.map((p) => ({ ...statusJson(p.plugin, p.status), nodeNames: p.nodeNames })),
    preScore: r.preScore.map((p) => statusJson(p.plugin, p.status)),
    nodes,
    postFilter: r.postFilter && { ...statusJson(r.postFilter.status.plugin, r.postFilter.status), nominatedNodeName: r.postFilter.nominatedNodeName, victims: r.postFilter.victims },
  };
}
