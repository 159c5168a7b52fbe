// One scheduling cycle over a snapshot, as a pure function: PreFilter -> Filter (over a window
// of nodes) -> PreScore -> Score -> NormalizeScore -> weights -> select; PostFilter on failure.
// Kubernetes twins: pkg/scheduler/schedule_one.go (schedulePod, findNodesThatFitPod,
// numFeasibleNodesToFind, prioritizeNodes, selectHost) and framework/runtime/framework.go.
import type { Pod } from '../api/types/pod.js';
import { scoreTotals, selectHostIndex } from './cycle-score.js';
import {
  CycleState, errorStatus, isRejected, statusMessage, success, unresolvable, withPlugin, type Plugin, type PostFilterResult, type Status,
} from './framework.js';
import { FitError, newDiagnosis, statusOfNode, type Diagnosis } from './fit-error.js';
import type { NodeInfo } from './node-info.js';
import type { Profile } from './profile.js';
import { haveNominatedPods, nominatedPodsToAdd, withNominatedPods } from './nominated-pods.js';
import { newCycleRecord, type CycleRecord } from './record.js';
import type { Snapshot } from './snapshot.js';

export { scoreNodes, scoreTotals, selectHost, selectHostIndex } from './cycle-score.js';

export const MIN_FEASIBLE_NODES_TO_FIND = 100;
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
export const ERR_NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/**
 * How many feasible nodes to find before the search stops. Under 100 nodes: all of them.
 * Otherwise `percentage` (0 = adaptive: 50 - nodes/125, at least 5) of the nodes, at least 100.
 * Worked examples: 500 nodes -> 50 - 4 = 46% -> 230; 5000 nodes -> 50 - 40 = 10% -> 500;
 * 6000 nodes -> 50 - 48 = 2%, raised to 5% -> 300; 150 nodes -> 49% -> 73, raised to 100.
 */
export function numFeasibleNodesToFind(percentage: number | undefined, numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = percentage ?? 0;
  if (pct === 0) pct = Math.max(50 - Math.trunc(numAllNodes / 125), MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND);
  const n = Math.trunc((numAllNodes * pct) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

export interface CycleInput {
  readonly profile: Profile;
  readonly snapshot: Snapshot;
  readonly pod: Pod;
  /** Where the filter search starts (kube-scheduler's nextStartNodeIndex). */
  readonly startIndex?: number;
  /** A number in [0, 1) from the caller's seeded generator: picks among equal best scores. */
  readonly tieBreak?: number;
  /** A number in [0, 1) for PostFilter (preemption's random start offset). */
  readonly postFilterRandom?: number;
}

export type CycleResult =
  | { readonly kind: 'scheduled'; readonly nodeName: string; readonly evaluatedNodes: number; readonly feasibleNodes: number }
  | { readonly kind: 'unschedulable'; readonly fitError: FitError; readonly postFilter?: PostFilterResult }
  | { readonly kind: 'error'; readonly message: string };

export interface CycleOutcome {
  readonly result: CycleResult;
  readonly nextStartIndex: number;
  readonly state: CycleState;
  readonly record: CycleRecord;
}

interface PreFilterOutcome {
  readonly status: Status;
  readonly nodeNames?: ReadonlySet<string>;
  readonly pluginsWithNodes: string[];
}

/** Runs PreFilter plugins; Skip marks the plugin's Filter as skipped; node subsets intersect. */
export function runPreFilter(profile: Profile, pod: Pod, state: CycleState, record?: CycleRecord): PreFilterOutcome {
  let names: Set<string> | undefined;
  const pluginsWithNodes: string[] = [];
  let returned: Status = success;
  for (const p of profile.preFilter) {
    const r = p.preFilter!(pod, state);
    record?.preFilter.push({ plugin: p.name, status: r.status, nodeNames: r.nodeNames && [...r.nodeNames] });
    if (r.status.code === 'Skip') {
      state.skipFilterPlugins.add(p.name);
      continue;
    }
    if (r.status.code !== 'Success') {
      const s = withPlugin(r.status, p.name);
      // Unresolvable ends PreFilter at once; Unschedulable lets the rest run (preemption may help).
      if (s.code === 'UnschedulableAndUnresolvable') return { status: s, pluginsWithNodes };
      if (s.code === 'Unschedulable') {
        returned = s;
        continue;
      }
      return { status: errorStatus(`running PreFilter plugin "${p.name}": ${statusMessage(s)}`), pluginsWithNodes };
    }
    if (r.nodeNames) {
      pluginsWithNodes.push(p.name);
      names = names ? new Set([...names].filter((n) => r.nodeNames!.has(n))) : new Set(r.nodeNames);
      if (names.size === 0) {
        const msg = pluginsWithNodes.length === 1
          ? `node(s) didn't satisfy plugin ${pluginsWithNodes[0]}`
          : `node(s) didn't satisfy plugin(s) [${pluginsWithNodes.join(' ')}] simultaneously`;
        return { status: unresolvable(msg), nodeNames: names, pluginsWithNodes };
      }
    }
  }
  return { status: returned, nodeNames: names, pluginsWithNodes };
}

/** The Filter plugins this cycle runs (those PreFilter did not Skip), with their names for the record. */
interface ActiveFilters {
  readonly plugins: readonly Plugin[];
  readonly names: readonly string[];
}

function activeFilters(profile: Profile, state: CycleState): ActiveFilters {
  const plugins = profile.filter.filter((p) => !state.skipFilterPlugins.has(p.name));
  return { plugins, names: plugins.map((p) => p.name) };
}

/** What RunFilterPlugins returns for the plugin that said `s` (not Success). */
const verdict = (plugin: string, s: Status): Status =>
  s.code === 'Error' ? errorStatus(`running "${plugin}" filter plugin: ${statusMessage(s)}`) : withPlugin(s, plugin);

/** RunFilterPlugins over the active filters: stops at the first plugin that does not say Success. */
function filterNode(active: ActiveFilters, pod: Pod, node: NodeInfo, state: CycleState, record?: CycleRecord): Status {
  const plugins = active.plugins;
  for (let i = 0; i < plugins.length; i++) {
    const s = plugins[i].filter!(pod, node, state);
    if (s.code !== 'Success') {
      record?.filtered(node.name, active.names, i, s);
      return verdict(plugins[i].name, s);
    }
  }
  record?.filtered(node.name, active.names);
  return success;
}

/**
 * RunFilterPluginsWithNominatedPods: with pods nominated to the node (priority >= the pod's)
 * counted as present first; if that passes, once more as the node is. The record keeps the pass
 * that decided.
 */
function filterNodeWithNominated(
  active: ActiveFilters, profile: Profile, pod: Pod, node: NodeInfo, state: CycleState, record?: CycleRecord,
): Status {
  const added = nominatedPodsToAdd(state.snapshot, pod, node.name);
  if (added.length === 0) return filterNode(active, pod, node, state, record);
  const withAdded = withNominatedPods(profile, pod, state, node, added);
  if ('code' in withAdded) return withAdded;
  for (let i = 0; i < active.plugins.length; i++) {
    const s = active.plugins[i].filter!(pod, withAdded.node, withAdded.state);
    if (s.code !== 'Success') {
      record?.filtered(node.name, active.names, i, s);
      return verdict(active.plugins[i].name, s);
    }
  }
  return filterNode(active, pod, node, state, record);
}

/** RunFilterPlugins: stops at the first plugin that does not say Success. */
export function runFilters(profile: Profile, pod: Pod, node: NodeInfo, state: CycleState, record?: CycleRecord): Status {
  return filterNode(activeFilters(profile, state), pod, node, state, record);
}

/**
 * PreFilter over `snapshot`, then the filters on one of its nodes, nominated pods counted
 * (preemption's dry runs: SelectVictimsOnNode runs RunFilterPluginsWithNominatedPods).
 */
export function filterOnSnapshot(profile: Profile, pod: Pod, snapshot: Snapshot, nodeName: string): Status {
  const state = new CycleState(snapshot);
  const pre = runPreFilter(profile, pod, state);
  if (pre.status.code !== 'Success') return pre.status;
  if (pre.nodeNames && !pre.nodeNames.has(nodeName)) return unresolvable(`node(s) didn't satisfy plugin(s) [${[...pre.pluginsWithNodes].sort().join(' ')}]`);
  const node = snapshot.get(nodeName);
  return node ? filterNodeWithNominated(activeFilters(profile, state), profile, pod, node, state) : unresolvable('node not found');
}

interface FilterPass {
  feasible: NodeInfo[];
  error?: string;
}

/** Walks `nodes` from `start`, filtering, until enough feasible nodes are found. */
function findNodesThatPassFilters(
  input: CycleInput, state: CycleState, d: Diagnosis, nodes: readonly NodeInfo[], start: number, record: CycleRecord,
): FilterPass {
  const { profile, pod } = input;
  let toFind = numFeasibleNodesToFind(profile.percentageOfNodesToScore, nodes.length);
  if (profile.score.length === 0) toFind = 1; // no scoring: any feasible node will do
  record.numFeasibleNodesToFind = toFind;
  const feasible: NodeInfo[] = [];
  const active = activeFilters(profile, state);
  const nominated = haveNominatedPods(state.snapshot);
  for (let i = 0; i < nodes.length && feasible.length < toFind; i++) {
    const node = nodes[(start + i) % nodes.length];
    const s = nominated ? filterNodeWithNominated(active, profile, pod, node, state, record) : filterNode(active, pod, node, state, record);
    if (s.code === 'Success') feasible.push(node);
    else if (s.code === 'Error') return { feasible, error: statusMessage(s) };
    else {
      d.nodeToStatus.set(node.name, s);
      if (s.plugin) d.unschedulablePlugins.add(s.plugin);
    }
  }
  return { feasible };
}

/** RunPostFilterPlugins: the first Success or Unresolvable wins; otherwise reasons add up. */
export function runPostFilter(input: CycleInput, state: CycleState, d: Diagnosis): PostFilterResult {
  const { profile, pod, snapshot } = input;
  const statuses = new Map<string, Status>();
  for (const n of snapshot.nodes) {
    const s = statusOfNode(d, n.name);
    if (s) statuses.set(n.name, s);
  }
  const ctx = {
    filterOn: (p: Pod, snap: Snapshot, nodeName: string) => filterOnSnapshot(profile, p, snap, nodeName),
    random: input.postFilterRandom ?? 0,
  };
  let last: PostFilterResult | undefined;
  const reasons: string[] = [];
  let rejector = '';
  for (const p of profile.postFilter) {
    const r = p.postFilter!(pod, state, statuses, ctx);
    if (r.status.code === 'Success') return r;
    if (r.status.code === 'UnschedulableAndUnresolvable') return { ...r, status: withPlugin(r.status, p.name) };
    if (!isRejected(r.status)) return { status: withPlugin(errorStatus(statusMessage(r.status)), p.name) };
    if (r.nominatedNodeName !== undefined) last = r;
    reasons.push(...r.status.reasons);
    if (rejector === '') rejector = p.name;
  }
  return { ...last, status: { code: 'Unschedulable', reasons, plugin: rejector || undefined } };
}

function unschedulable(input: CycleInput, state: CycleState, d: Diagnosis, record: CycleRecord): CycleResult {
  const fitError = new FitError(input.pod, input.snapshot.nodes.length, d);
  if (input.profile.postFilter.length === 0) return { kind: 'unschedulable', fitError };
  const post = runPostFilter(input, state, d);
  record.postFilter = { status: post.status, nominatedNodeName: post.nominatedNodeName, victims: post.victims?.map((v) => `${v.metadata.namespace}/${v.metadata.name}`) };
  if (post.status.code === 'Error') return { kind: 'error', message: statusMessage(post.status) };
  d.postFilterMsg = statusMessage(post.status);
  return { kind: 'unschedulable', fitError, postFilter: post };
}

/** Tries the pod's nominated node first; returns it when it passes every filter. */
function tryNominated(input: CycleInput, state: CycleState, d: Diagnosis, record: CycleRecord): NodeInfo | undefined {
  const nominated = input.pod.status?.nominatedNodeName;
  const node = nominated ? input.snapshot.get(nominated) : undefined;
  if (!node) return undefined;
  const s = filterNodeWithNominated(activeFilters(input.profile, state), input.profile, input.pod, node, state, record);
  if (s.code === 'Success') return node;
  if (s.code !== 'Error') d.nodeToStatus.set(node.name, s);
  return undefined;
}

/** schedulePod plus the PostFilter step of schedulingCycle. */
export function scheduleCycle(input: CycleInput): CycleOutcome {
  const { profile, snapshot, pod } = input;
  const state = new CycleState(snapshot);
  const record = newCycleRecord();
  const start = input.startIndex ?? 0;
  record.startIndex = start;
  const done = (result: CycleResult, next = start): CycleOutcome => ({ result, nextStartIndex: next, state, record });
  const all = snapshot.nodes;
  if (all.length === 0) return done({ kind: 'error', message: ERR_NO_NODES_AVAILABLE });

  const d = newDiagnosis();
  const pre = runPreFilter(profile, pod, state, record);
  if (pre.status.code !== 'Success') {
    if (!isRejected(pre.status)) return done({ kind: 'error', message: statusMessage(pre.status) });
    d.absentStatus = pre.status;
    d.preFilterMsg = statusMessage(pre.status);
    if (pre.status.plugin) d.unschedulablePlugins.add(pre.status.plugin);
    else for (const p of pre.pluginsWithNodes) d.unschedulablePlugins.add(p);
    return done(unschedulable(input, state, d, record));
  }
  const nominated = tryNominated(input, state, d, record);
  if (nominated) {
    record.selected = nominated.name;
    return done({ kind: 'scheduled', nodeName: nominated.name, evaluatedNodes: 1 + d.nodeToStatus.size, feasibleNodes: 1 });
  }
  let nodes = all;
  if (pre.nodeNames) {
    nodes = all.filter((n) => pre.nodeNames!.has(n.name));
    d.absentStatus = unresolvable(`node(s) didn't satisfy plugin(s) [${[...pre.pluginsWithNodes].sort().join(' ')}]`);
  }
  const pass = findNodesThatPassFilters(input, state, d, nodes, start, record);
  const next = (start + pass.feasible.length + d.nodeToStatus.size) % all.length;
  if (pass.error !== undefined) return done({ kind: 'error', message: pass.error }, next);
  const feasible = pass.feasible;
  if (feasible.length === 0) return done(unschedulable(input, state, d, record), next);
  const evaluatedNodes = feasible.length + d.nodeToStatus.size;
  if (feasible.length === 1) {
    record.selected = feasible[0].name;
    return done({ kind: 'scheduled', nodeName: feasible[0].name, evaluatedNodes, feasibleNodes: 1 }, next);
  }
  const totals = scoreTotals(profile, pod, feasible, state, record);
  if ('error' in totals) return done({ kind: 'error', message: totals.error }, next);
  const nodeName = feasible[selectHostIndex(totals, input.tieBreak ?? 0)].name;
  record.selected = nodeName;
  return done({ kind: 'scheduled', nodeName, evaluatedNodes, feasibleNodes: feasible.length }, next);
}
