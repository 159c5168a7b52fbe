// Twin of pkg/scheduler/framework/plugins/interpodaffinity (filtering.go, scoring.go): required
// pod affinity / anti-affinity of the incoming pod, required anti-affinity of the pods already
// running, and preferred terms of both as scores.
import type { Pod } from '../../api/types/pod.js';
import { termMatches, matchesAllTerms, type AffinityTerm } from '../affinity-term.js';
import { MAX_NODE_SCORE, skip, StateKey, success, unresolvable, unschedulable, type CycleState, type Plugin } from '../framework.js';
import { podAffinityInfoOf, type NodeInfo, type PodAffinityInfo } from '../node-info.js';

export const NAME = 'InterPodAffinity';
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";

export interface InterPodAffinityArgs {
  readonly hardPodAffinityWeight?: number;
  readonly ignorePreferredTermsOfExistingPods?: boolean;
}

/** topology "key\u0000value" -> count. */
type Counts = Map<string, number>;
const pair = (k: string, v: string) => `${k}\u0000${v}`;

interface FilterState {
  readonly podInfo: PodAffinityInfo;
  readonly podNsLabels: Readonly<Record<string, string>> | undefined;
  readonly existingAntiAffinityCounts: Counts;
  readonly affinityCounts: Counts;
  readonly antiAffinityCounts: Counts;
}
const filterKey = new StateKey<FilterState>(`PreFilter${NAME}`);
const scoreKey = new StateKey<Map<string, Map<string, number>>>(`PreScore${NAME}`);

function bump(m: Counts, node: NodeInfo, key: string, by: number) {
  if (!Object.hasOwn(node.labels, key)) return;
  const k = pair(key, node.labels[key]);
  const v = (m.get(k) ?? 0) + by;
  if (v === 0) m.delete(k);
  else m.set(k, v);
}

const nsLabelsOf = (state: CycleState, pod: Pod) => state.snapshot.namespaceLabels(pod.metadata.namespace ?? 'default');

function computeFilterState(pod: Pod, state: CycleState): FilterState {
  const podInfo = podAffinityInfoOf(pod);
  const snap = state.snapshot;
  const podNsLabels = nsLabelsOf(state, pod);
  const existing: Counts = new Map();
  // Existing pods' required anti-affinity terms that the incoming pod matches.
  for (const node of snap.havePodsWithRequiredAntiAffinity) {
    for (const ep of node.podsWithRequiredAntiAffinity) {
      for (const t of ep.requiredAntiAffinityTerms) if (termMatches(t, pod, podNsLabels)) bump(existing, node, t.topologyKey, 1);
    }
  }
  const affinity: Counts = new Map();
  const anti: Counts = new Map();
  const req = podInfo.requiredAffinityTerms;
  const reqAnti = podInfo.requiredAntiAffinityTerms;
  if (req.length > 0 || reqAnti.length > 0) {
    for (const node of snap.nodes) {
      for (const ep of node.pods) {
        const epNs = nsLabelsOf(state, ep.pod);
        if (matchesAllTerms(req, ep.pod, epNs)) for (const t of req) bump(affinity, node, t.topologyKey, 1);
        for (const t of reqAnti) if (termMatches(t, ep.pod, epNs)) bump(anti, node, t.topologyKey, 1);
      }
    }
  }
  return { podInfo, podNsLabels, existingAntiAffinityCounts: existing, affinityCounts: affinity, antiAffinityCounts: anti };
}

/**
 * Every required affinity term needs its topology key on the node and a matching pod in the
 * node's domain. Exception: when no pod anywhere matches and the pod matches its own terms, it
 * may start the group (the first pod of a self-affine set).
 */
function satisfiesAffinity(s: FilterState, node: NodeInfo): boolean {
  let podsExist = true;
  for (const t of s.podInfo.requiredAffinityTerms) {
    if (!Object.hasOwn(node.labels, t.topologyKey)) return false;
    if ((s.affinityCounts.get(pair(t.topologyKey, node.labels[t.topologyKey])) ?? 0) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  return s.affinityCounts.size === 0 && matchesAllTerms(s.podInfo.requiredAffinityTerms, s.podInfo.pod, s.podNsLabels);
}

function satisfiesAntiAffinity(s: FilterState, node: NodeInfo): boolean {
  for (const t of s.podInfo.requiredAntiAffinityTerms) {
    if (Object.hasOwn(node.labels, t.topologyKey) && (s.antiAffinityCounts.get(pair(t.topologyKey, node.labels[t.topologyKey])) ?? 0) > 0) return false;
  }
  return true;
}

function satisfiesExistingAntiAffinity(s: FilterState, node: NodeInfo): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true;
  for (const [k, v] of Object.entries(node.labels)) if ((s.existingAntiAffinityCounts.get(pair(k, v)) ?? 0) > 0) return false;
  return true;
}

/** Adds `weight * sign` to the existing pod's domain when `target` matches the term. */
function addTerm(scores: Map<string, Map<string, number>>, t: AffinityTerm, weight: number, target: Pod, nsLabels: Readonly<Record<string, string>> | undefined, node: NodeInfo, sign: number) {
  if (!termMatches(t, target, nsLabels) || !Object.hasOwn(node.labels, t.topologyKey)) return;
  const m = scores.get(t.topologyKey) ?? new Map<string, number>();
  scores.set(t.topologyKey, m);
  const v = node.labels[t.topologyKey];
  m.set(v, (m.get(v) ?? 0) + weight * sign);
}

function scoreExistingPod(
  scores: Map<string, Map<string, number>>, incoming: PodAffinityInfo, existing: PodAffinityInfo, node: NodeInfo, state: CycleState, hardWeight: number,
) {
  if (Object.keys(node.labels).length === 0) return;
  const exNs = nsLabelsOf(state, existing.pod);
  const inNs = nsLabelsOf(state, incoming.pod);
  for (const t of incoming.preferredAffinityTerms) addTerm(scores, t, t.weight, existing.pod, exNs, node, 1);
  for (const t of incoming.preferredAntiAffinityTerms) addTerm(scores, t, t.weight, existing.pod, exNs, node, -1);
  if (hardWeight > 0) for (const t of existing.requiredAffinityTerms) addTerm(scores, t, hardWeight, incoming.pod, inNs, node, 1);
  for (const t of existing.preferredAffinityTerms) addTerm(scores, t, t.weight, incoming.pod, inNs, node, 1);
  for (const t of existing.preferredAntiAffinityTerms) addTerm(scores, t, t.weight, incoming.pod, inNs, node, -1);
}

export function newInterPodAffinity(args: InterPodAffinityArgs = {}): Plugin {
  const hardWeight = args.hardPodAffinityWeight ?? 1;
  return {
    name: NAME,
    preFilter(pod, state) {
      const s = computeFilterState(pod, state);
      const p = s.podInfo;
      if (p.requiredAffinityTerms.length === 0 && p.requiredAntiAffinityTerms.length === 0 && s.existingAntiAffinityCounts.size === 0) {
        return { status: skip };
      }
      state.write(filterKey, s);
      return { status: success };
    },
    filter(pod, node, state) {
      const s = state.read(filterKey) ?? computeFilterState(pod, state);
      if (!satisfiesAffinity(s, node)) return unresolvable(ERR_REASON_AFFINITY_RULES_NOT_MATCH);
      if (!satisfiesAntiAffinity(s, node)) return unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
      if (!satisfiesExistingAntiAffinity(s, node)) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
      return success;
    },
    preScore(pod, nodes, state) {
      if (nodes.length === 0) return skip;
      const incoming = podAffinityInfoOf(pod);
      const hasConstraints = incoming.preferredAffinityTerms.length > 0 || incoming.preferredAntiAffinityTerms.length > 0;
      if (args.ignorePreferredTermsOfExistingPods && !hasConstraints) return skip;
      const scores = new Map<string, Map<string, number>>();
      const candidates = hasConstraints ? state.snapshot.nodes : state.snapshot.havePodsWithAffinity;
      for (const node of candidates) {
        for (const ep of hasConstraints ? node.pods : node.podsWithAffinity) scoreExistingPod(scores, incoming, ep, node, state, hardWeight);
      }
      // No term touched any domain: every node would score 0 and normalise to 0, so, as
      // kube-scheduler does, Score is skipped for the cycle rather than run on every node.
      if (scores.size === 0) return skip;
      state.write(scoreKey, scores);
      return success;
    },
    /** Sum of the domain scores of every topology key the node has. */
    score(_pod, node, state) {
      const s = state.read(scoreKey);
      let score = 0;
      for (const [k, values] of s ?? []) if (Object.hasOwn(node.labels, k)) score += values.get(node.labels[k]) ?? 0;
      return score;
    },
    /**
     * Min-max scaling: 100 * (score - min) / (max - min), truncated; all 0 when max == min.
     * Worked example: [-5, 0, 15] -> [0, 100*5/20 = 25, 100].
     */
    normalizeScores(scores, state) {
      const s = state.read(scoreKey);
      if (!s || s.size === 0) return scores;
      let min = Infinity;
      let max = -Infinity;
      for (const x of scores) (min = Math.min(min, x.score)), (max = Math.max(max, x.score));
      const diff = max - min;
      for (const x of scores) x.score = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((x.score - min) / diff)) : 0;
      return scores;
    },
  };
}

export const interPodAffinity: Plugin = newInterPodAffinity();
