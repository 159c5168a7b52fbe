// Twin of pkg/scheduler/framework/plugins/nodeaffinity: Filter enforces spec.nodeSelector and
// required node affinity (and the profile's addedAffinity); PreFilter narrows the search to the
// nodes named by matchFields metadata.name; Score sums the weights of matching preferred terms.
import type { NodeAffinity as NodeAffinitySpec, PreferredSchedulingTerm } from '../../api/types/pod.js';
import { defaultNormalizeScoreInPlace, skip, success, unresolvable, type Plugin, type PreFilterResult } from '../framework.js';
import { nodeSelectorTermsMatch, podMatchesNodeRequirements, preferredTermsScore } from '../node-selector.js';

export const NAME = 'NodeAffinity';
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
export const ERR_REASON_ENFORCED = "node(s) didn't match scheduler-enforced node affinity";
export const ERR_REASON_CONFLICT = 'pod affinity terms conflict';

export interface NodeAffinityArgs {
  /** Applied to every pod of the profile on top of its own (NodeAffinityArgs.addedAffinity). */
  readonly addedAffinity?: NodeAffinitySpec;
}

/**
 * The node names a pod's required terms pin it to, when every term has a matchFields
 * metadata.name In requirement (intersected within a term, unioned across terms); undefined
 * when any term leaves all nodes possible.
 */
function pinnedNodeNames(terms: readonly { matchFields?: { key: string; operator: string; values?: string[] }[] }[]): Set<string> | undefined {
  let names: Set<string> | undefined;
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const r of t.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      const s = new Set(r.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
    }
    if (!termNames) return undefined;
    names = new Set([...(names ?? []), ...termNames]);
  }
  return names;
}

export function newNodeAffinity(args: NodeAffinityArgs = {}): Plugin {
  const addedRequired = args.addedAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  const addedPreferred: readonly PreferredSchedulingTerm[] | undefined = args.addedAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
  return {
    name: NAME,
    preFilter(pod): PreFilterResult {
      const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
      if (!required && !addedRequired && !pod.spec.nodeSelector) return { status: skip };
      const terms = required?.nodeSelectorTerms ?? [];
      if (terms.length === 0) return { status: success };
      const names = pinnedNodeNames(terms);
      if (names && names.size === 0) return { status: unresolvable(ERR_REASON_CONFLICT) };
      return names ? { status: success, nodeNames: names } : { status: success };
    },
    filter(pod, node) {
      if (addedRequired && !nodeSelectorTermsMatch(addedRequired.nodeSelectorTerms ?? [], node.node)) {
        return unresolvable(ERR_REASON_ENFORCED);
      }
      return podMatchesNodeRequirements(pod, node.node) ? success : unresolvable(ERR_REASON_POD);
    },
    preScore(pod, nodes) {
      if (nodes.length === 0) return success;
      const preferred = pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution;
      return !preferred?.length && !addedPreferred?.length ? skip : success;
    },
    /** Sum of matching preferred weights. Example: terms {zone=a: 80}, {ssd: 20}; a node in zone a without ssd scores 80. */
    score(pod, node) {
      const preferred = pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
      return preferredTermsScore(addedPreferred ?? [], node.node) + preferredTermsScore(preferred, node.node);
    },
    /** Example: [80, 20, 0] -> [100, 25, 0]. */
    normalizeScores: (scores) => defaultNormalizeScoreInPlace(scores, false),
  };
}

export const nodeAffinity: Plugin = newNodeAffinity();
