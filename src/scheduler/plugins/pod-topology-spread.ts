// Twin of pkg/scheduler/framework/plugins/podtopologyspread (filtering.go, scoring.go): hard
// constraints (DoNotSchedule) reject a node when placing the pod there would make its domain
// exceed the least-loaded domain by more than maxSkew; soft ones (ScheduleAnyway, and the
// cluster defaults) score nodes in less crowded domains higher.
import type { Pod, TopologySpreadConstraint } from '../../api/types/pod.js';
import { MAX_NODE_SCORE, skip, StateKey, success, unresolvable, unschedulable, type Plugin } from '../framework.js';
import type { NodeInfo } from '../node-info.js';
import {
  countMatching, LABEL_HOSTNAME, nodeHasAllKeys, nodeIncluded, podConstraints, SYSTEM_DEFAULT_CONSTRAINTS, type SpreadConstraint,
} from './topology-spread-constraints.js';

export const NAME = 'PodTopologySpread';
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

export interface PodTopologySpreadArgs {
  readonly defaultConstraints?: readonly TopologySpreadConstraint[];
  readonly defaultingType?: 'System' | 'List';
}

interface FilterState {
  readonly constraints: readonly SpreadConstraint[];
  /** Per constraint: domain value -> matching pods in it. */
  readonly matchNum: readonly Map<string, number>[];
}
interface ScoreState {
  readonly constraints: readonly SpreadConstraint[];
  readonly ignoredNodes: ReadonlySet<string>;
  /** "key\u0000value" -> matching pods in that domain (hostname domains are counted per node). */
  readonly pairCounts: ReadonlyMap<string, number>;
  readonly weights: readonly number[];
}
const filterKey = new StateKey<FilterState>(`PreFilter${NAME}`);
const scoreKey = new StateKey<ScoreState>(`PreScore${NAME}`);
const pair = (k: string, v: string) => `${k}\u0000${v}`;

/** Counts matching pods per domain over every node that has all the keys and passes the policies. */
function filterState(pod: Pod, nodes: readonly NodeInfo[], constraints: readonly SpreadConstraint[]): FilterState {
  const matchNum = constraints.map(() => new Map<string, number>());
  const ns = pod.metadata.namespace ?? 'default';
  for (const node of nodes) {
    if (!nodeHasAllKeys(node.labels, constraints)) continue;
    constraints.forEach((c, i) => {
      if (!nodeIncluded(c, pod, node)) return;
      const v = node.labels[c.topologyKey];
      matchNum[i].set(v, (matchNum[i].get(v) ?? 0) + countMatching(node.pods, c.selector, ns));
    });
  }
  return { constraints, matchNum };
}

/** The global minimum; 0 while there are fewer domains than minDomains. */
function minMatch(s: FilterState, i: number): number {
  const domains = s.matchNum[i];
  if (domains.size < s.constraints[i].minDomains || domains.size === 0) return 0;
  return Math.min(...domains.values());
}

/**
 * Filter: for each hard constraint, matches in the node's domain + 1 (if the pod matches its own
 * selector) - global minimum must not exceed maxSkew.
 * Worked example: maxSkew 1, zones a:2 b:1 c:1 matching pods -> zone a: 2 + 1 - 1 = 2 > 1,
 * rejected; zone b: 1 + 1 - 1 = 1, accepted.
 */
function filterNode(pod: Pod, node: NodeInfo, s: FilterState) {
  const podLabels = pod.metadata.labels ?? {};
  for (let i = 0; i < s.constraints.length; i++) {
    const c = s.constraints[i];
    if (!Object.hasOwn(node.labels, c.topologyKey)) return unresolvable(ERR_REASON_NODE_LABEL_NOT_MATCH);
    const self = c.selector.matches(podLabels) ? 1 : 0;
    const skew = (s.matchNum[i].get(node.labels[c.topologyKey]) ?? 0) + self - minMatch(s, i);
    if (skew > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
  }
  return success;
}

/** log(domains + 2): weighs a constraint by how many domains it has (hostname: one per node). */
export const topologyNormalizingWeight = (size: number): number => Math.log(size + 2);

function scoreState(pod: Pod, filtered: readonly NodeInfo[], all: readonly NodeInfo[], cs: readonly SpreadConstraint[], requireAll: boolean): ScoreState {
  const ignored = new Set<string>();
  const counts = new Map<string, number>();
  const sizes = cs.map(() => 0);
  for (const n of filtered) {
    if (requireAll && !nodeHasAllKeys(n.labels, cs)) {
      ignored.add(n.name);
      continue;
    }
    cs.forEach((c, i) => {
      if (c.topologyKey === LABEL_HOSTNAME) return;
      const k = pair(c.topologyKey, n.labels[c.topologyKey]);
      if (!counts.has(k)) {
        counts.set(k, 0);
        sizes[i]++;
      }
    });
  }
  const ns = pod.metadata.namespace ?? 'default';
  for (const n of all) {
    if (requireAll && !nodeHasAllKeys(n.labels, cs)) continue;
    for (const c of cs) {
      if (!nodeIncluded(c, pod, n)) continue;
      const k = pair(c.topologyKey, n.labels[c.topologyKey]);
      if (counts.has(k)) counts.set(k, counts.get(k)! + countMatching(n.pods, c.selector, ns));
    }
  }
  const weights = cs.map((c, i) => topologyNormalizingWeight(c.topologyKey === LABEL_HOSTNAME ? filtered.length - ignored.size : sizes[i]));
  return { constraints: cs, ignoredNodes: ignored, pairCounts: counts, weights };
}

export function newPodTopologySpread(args: PodTopologySpreadArgs = {}): Plugin {
  const systemDefaulted = (args.defaultingType ?? 'System') === 'System';
  const defaults = systemDefaulted ? SYSTEM_DEFAULT_CONSTRAINTS : (args.defaultConstraints ?? []);
  return {
    name: NAME,
    preFilter(pod, state) {
      const cs = podConstraints(defaults, pod, state.snapshot, 'DoNotSchedule');
      if (cs.length === 0) return { status: skip };
      state.write(filterKey, filterState(pod, state.snapshot.nodes, cs));
      return { status: success };
    },
    filter(pod, node, state) {
      const s = state.read(filterKey);
      return s ? filterNode(pod, node, s) : success;
    },
    preScore(pod, nodes, state) {
      if (nodes.length === 0 || state.snapshot.nodes.length === 0) return skip;
      const cs = podConstraints(defaults, pod, state.snapshot, 'ScheduleAnyway');
      if (cs.length === 0) return skip;
      const requireAll = (pod.spec.topologySpreadConstraints?.length ?? 0) > 0 || !systemDefaulted;
      state.write(scoreKey, scoreState(pod, nodes, state.snapshot.nodes, cs, requireAll));
      return success;
    },
    /**
     * Sum over soft constraints of count * weight + (maxSkew - 1), rounded; fewer is better.
     * Worked example: zone constraint, maxSkew 1, 3 zones (weight ln 5 = 1.609), 2 matching pods
     * in the node's zone -> 2 * 1.609 + 0 = 3.22 -> 3.
     */
    score(pod, node, state) {
      const s = state.read(scoreKey);
      if (!s || s.ignoredNodes.has(node.name)) return 0;
      const ns = pod.metadata.namespace ?? 'default';
      let score = 0;
      s.constraints.forEach((c, i) => {
        if (!Object.hasOwn(node.labels, c.topologyKey)) return;
        const cnt = c.topologyKey === LABEL_HOSTNAME
          ? countMatching(node.pods, c.selector, ns)
          : s.pairCounts.get(pair(c.topologyKey, node.labels[c.topologyKey])) ?? 0;
        score += cnt * s.weights[i] + (c.maxSkew - 1);
      });
      return Math.round(score);
    },
    /**
     * 100 * (max + min - score) / max over the nodes not ignored; ignored nodes get 0.
     * Worked example: scores [3, 5, 8] -> [100*(11-3)/8 = 100, 75, 37].
     */
    normalizeScores(scores, state) {
      const s = state.read(scoreKey);
      if (!s) return scores;
      let min = Number.MAX_SAFE_INTEGER;
      let max = 0;
      for (const x of scores) {
        if (s.ignoredNodes.has(x.name)) continue;
        min = Math.min(min, x.score);
        max = Math.max(max, x.score);
      }
      for (const x of scores) {
        if (s.ignoredNodes.has(x.name)) x.score = 0;
        else if (max === 0) x.score = MAX_NODE_SCORE;
        else x.score = Math.trunc((MAX_NODE_SCORE * (max + min - x.score)) / max);
      }
      return scores;
    },
  };
}

export const podTopologySpread: Plugin = newPodTopologySpread();
