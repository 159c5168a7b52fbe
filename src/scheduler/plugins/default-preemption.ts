// Twin of pkg/scheduler/framework/plugins/defaultpreemption and framework/preemption: when a pod
// fits nowhere, find nodes where evicting lower-priority pods would make room, choose the victims
// (as few and as unimportant as possible, sparing PodDisruptionBudgets first) and the node. This
// PostFilter only computes the decision; the caller evicts the victims and sets
// status.nominatedNodeName.
import type { Pod } from '../../api/types/pod.js';
import { labelSelectorFromObject } from '../../api/selectors/label-selector-object.js';
import { FitError, newDiagnosis } from '../fit-error.js';
import { success, unresolvable, unschedulable, type Plugin, type PostFilterContext, type PostFilterResult, type Status } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import { withNodePods, type DisruptionBudget, type Snapshot } from '../snapshot.js';
import { podPriority } from './priority-sort.js';

export const NAME = 'DefaultPreemption';
export const MSG_PREEMPTION_POLICY_NEVER = 'not eligible due to preemptionPolicy=Never.';
export const MSG_TERMINATING_ON_NOMINATED = 'not eligible due to a terminating pod on the nominated node.';
export const MSG_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const MSG_NO_VICTIMS = 'No preemption victims found for incoming pod';

export interface DefaultPreemptionArgs {
  readonly minCandidateNodesPercentage?: number;
  readonly minCandidateNodesAbsolute?: number;
}

interface Candidate {
  readonly node: string;
  readonly victims: Pod[];
  readonly pdbViolations: number;
}

const startTime = (p: Pod): number => (p.status?.startTime ? Date.parse(p.status.startTime) : Number.POSITIVE_INFINITY);
/** util.MoreImportantPod: higher priority, then started earlier (not started counts as latest). */
export const moreImportant = (a: Pod, b: Pod): number => podPriority(b) - podPriority(a) || startTime(a) - startTime(b);

/** spec.preemptionPolicy, or the PriorityClass's when the pod carries none. */
function preemptionPolicy(pod: Pod, snap: Snapshot): string | undefined {
  if (pod.spec.preemptionPolicy) return pod.spec.preemptionPolicy;
  return snap.input.priorityClasses?.find((c) => c.name === pod.spec.priorityClassName)?.preemptionPolicy;
}

const terminatingByPreemption = (p: Pod) =>
  !!p.metadata.deletionTimestamp &&
  (p.status?.conditions ?? []).some((c) => c.type === 'DisruptionTarget' && c.status === 'True' && c.reason === 'PreemptionByScheduler');

/** PodEligibleToPreemptOthers: the reason the pod may not preempt, or undefined. */
export function ineligibility(pod: Pod, snap: Snapshot, statuses: ReadonlyMap<string, Status>): string | undefined {
  if (preemptionPolicy(pod, snap) === 'Never') return MSG_PREEMPTION_POLICY_NEVER;
  const nominated = pod.status?.nominatedNodeName;
  if (!nominated || statuses.get(nominated)?.code === 'UnschedulableAndUnresolvable') return undefined;
  const node = snap.get(nominated);
  const prio = podPriority(pod);
  if (node?.pods.some((p) => podPriority(p.pod) < prio && terminatingByPreemption(p.pod))) return MSG_TERMINATING_ON_NOMINATED;
  return undefined;
}

/**
 * filterPodsWithPDBViolation: walking victims in order, each matching budget (same namespace,
 * non-empty selector, pod not already disrupted) loses one allowed disruption; a pod that takes
 * one below zero violates it.
 */
export function splitByPdb(pods: readonly Pod[], pdbs: readonly DisruptionBudget[]): { violating: Pod[]; nonViolating: Pod[] } {
  const allowed = pdbs.map((p) => p.disruptionsAllowed);
  const violating: Pod[] = [];
  const nonViolating: Pod[] = [];
  for (const pod of pods) {
    let violated = false;
    const labels = pod.metadata.labels ?? {};
    if (Object.keys(labels).length > 0) {
      pdbs.forEach((pdb, i) => {
        if (pdb.namespace !== (pod.metadata.namespace ?? 'default')) return;
        let sel;
        try {
          sel = labelSelectorFromObject(pdb.selector);
        } catch {
          return;
        }
        if (sel.empty || !sel.matches(labels)) return;
        if ((pdb.disruptedPods ?? []).includes(pod.metadata.name ?? '')) return;
        if (--allowed[i] < 0) violated = true;
      });
    }
    (violated ? violating : nonViolating).push(pod);
  }
  return { violating, nonViolating };
}

/**
 * SelectVictimsOnNode: remove every lower-priority pod; if the pod then fits, add them back one
 * by one, most important first (PDB-protected ones before the rest), keeping each that still
 * lets the pod fit. What cannot come back are the victims.
 */
export function selectVictimsOnNode(pod: Pod, snap: Snapshot, node: NodeInfo, ctx: PostFilterContext): { victims: Pod[]; pdbViolations: number } | Status {
  const prio = podPriority(pod);
  const all = node.pods.map((p) => p.pod);
  const potential = all.filter((p) => podPriority(p) < prio).sort(moreImportant);
  if (potential.length === 0) return unresolvable(MSG_NO_VICTIMS);
  let kept = all.filter((p) => podPriority(p) >= prio);
  const fits = (pods: Pod[]) => ctx.filterOn(pod, withNodePods(snap, node.name, pods), node.name);
  const first = fits(kept);
  if (first.code !== 'Success') return first;
  const { violating, nonViolating } = splitByPdb(potential, snap.input.pdbs ?? []);
  const victims: Pod[] = [];
  let pdbViolations = 0;
  const reprieve = (p: Pod) => {
    const attempt = [...kept, p];
    if (fits(attempt).code === 'Success') {
      kept = attempt;
      return true;
    }
    victims.push(p);
    return false;
  };
  for (const p of violating) if (!reprieve(p)) pdbViolations++;
  for (const p of nonViolating) reprieve(p);
  if (violating.length > 0 && nonViolating.length > 0) victims.sort(moreImportant);
  return { victims, pdbViolations };
}

/** Earliest start among the victims sharing the highest priority (GetEarliestPodStartTime). */
function earliestTopStart(victims: readonly Pod[]): number {
  const top = podPriority(victims[0]);
  return Math.min(...victims.filter((v) => podPriority(v) === top).map(startTime));
}

/**
 * pickOneNodeForPreemption: keep the best candidates by each rule in turn until one is left —
 * fewest PDB violations; lowest highest-victim priority; lowest sum of priorities (each shifted
 * by 2^31 so negatives compare fairly); fewest victims; latest start of the top-priority victims;
 * then the first. Example: victims {a: [prio 5]}, {b: [prio 1, prio 1]} -> b (highest 1 < 5).
 */
export function pickOneNode(candidates: readonly Candidate[]): Candidate | undefined {
  const rules: ((c: Candidate) => number)[] = [
    (c) => -c.pdbViolations,
    (c) => -podPriority(c.victims[0]),
    (c) => -c.victims.reduce((s, v) => s + podPriority(v) + 2 ** 31, 0),
    (c) => -c.victims.length,
    (c) => earliestTopStart(c.victims),
  ];
  let left = [...candidates];
  for (const rule of rules) {
    if (left.length <= 1) break;
    const best = Math.max(...left.map(rule));
    left = left.filter((c) => rule(c) === best);
  }
  return left[0];
}

/** How many candidates to look for: max(nodes * percentage / 100, absolute), at most all nodes. */
export function numCandidates(numNodes: number, args: DefaultPreemptionArgs): number {
  const n = Math.max(Math.trunc((numNodes * (args.minCandidateNodesPercentage ?? 10)) / 100), args.minCandidateNodesAbsolute ?? 100);
  return Math.min(n, numNodes);
}

function noCandidates(pod: Pod, snap: Snapshot, explicit: Map<string, Status>): PostFilterResult {
  const d = newDiagnosis();
  for (const [k, v] of explicit) d.nodeToStatus.set(k, v);
  d.absentStatus = unresolvable(MSG_NOT_HELPFUL);
  const msg = new FitError(pod, snap.nodes.length, d).message;
  return { status: unschedulable(`preemption: ${msg}`), nominatedNodeName: '' };
}

export function newDefaultPreemption(args: DefaultPreemptionArgs = {}): Plugin {
  return {
    name: NAME,
    postFilter(pod, state, statuses, ctx) {
      const snap = state.snapshot;
      const why = ineligibility(pod, snap, statuses);
      if (why) return { status: unschedulable(`preemption: ${why}`) };
      const potential = snap.nodes.filter((n) => statuses.get(n.name)?.code === 'Unschedulable');
      if (potential.length === 0) return noCandidates(pod, snap, new Map());
      const want = numCandidates(potential.length, args);
      const offset = Math.min(potential.length - 1, Math.floor(ctx.random * potential.length));
      const nonViolating: Candidate[] = [];
      const violating: Candidate[] = [];
      const failed = new Map<string, Status>();
      for (let i = 0; i < potential.length; i++) {
        const node = potential[(offset + i) % potential.length];
        const r = selectVictimsOnNode(pod, snap, node, ctx);
        if ('code' in r) failed.set(node.name, r);
        else (r.pdbViolations === 0 ? nonViolating : violating).push({ node: node.name, ...r });
        if (nonViolating.length > 0 && nonViolating.length + violating.length >= want) break;
      }
      const chosen = pickOneNode([...nonViolating, ...violating]);
      if (!chosen) return noCandidates(pod, snap, failed);
      return { status: success, nominatedNodeName: chosen.node, victims: chosen.victims };
    },
  };
}

export const defaultPreemption: Plugin = newDefaultPreemption();
