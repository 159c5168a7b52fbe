// A pod (anti-)affinity term made ready for matching: its label selector, the namespaces it
// names and its namespace selector. Kubernetes twin: pkg/scheduler/framework/types.go
// (AffinityTerm, WeightedAffinityTerm, newAffinityTerm, getNamespacesFromPodAffinityTerm).
import type { PodAffinityTerm, Pod } from '../api/types/pod.js';
import { labelSelectorFromObject } from '../api/selectors/label-selector-object.js';
import { nothing, type Selector } from '../api/selectors/label-matcher.js';

export interface AffinityTerm {
  readonly namespaces: ReadonlySet<string>;
  readonly selector: Selector;
  readonly topologyKey: string;
  readonly namespaceSelector: Selector;
}
export interface WeightedAffinityTerm extends AffinityTerm {
  readonly weight: number;
}

/** A selector that fails to parse matches nothing (the real code drops such terms with an error). */
function safeSelector(sel: PodAffinityTerm['labelSelector'] | null | undefined): Selector {
  try {
    return labelSelectorFromObject(sel);
  } catch {
    return nothing();
  }
}

/**
 * Namespaces default to the owning pod's own namespace when the term names none and has no
 * namespaceSelector. matchLabelKeys / mismatchLabelKeys (beta in 1.32) add `key in (v)` /
 * `key notin (v)` for the owning pod's labels.
 */
export function affinityTermOf(owner: Pod, term: PodAffinityTerm): AffinityTerm {
  const ns = owner.metadata.namespace ?? 'default';
  const namespaces = new Set(term.namespaces ?? []);
  if (namespaces.size === 0 && !term.namespaceSelector) namespaces.add(ns);
  const labels = owner.metadata.labels ?? {};
  const expressions = [...(term.labelSelector?.matchExpressions ?? [])];
  for (const k of term.matchLabelKeys ?? []) if (k in labels) expressions.push({ key: k, operator: 'In', values: [labels[k]] });
  for (const k of term.mismatchLabelKeys ?? []) if (k in labels) expressions.push({ key: k, operator: 'NotIn', values: [labels[k]] });
  const selectorObj = term.labelSelector ? { ...term.labelSelector, matchExpressions: expressions } : undefined;
  return {
    namespaces,
    selector: safeSelector(selectorObj),
    topologyKey: term.topologyKey,
    namespaceSelector: term.namespaceSelector ? safeSelector(term.namespaceSelector) : nothing(),
  };
}

/**
 * AffinityTerm.Matches: the pod is in one of the term's namespaces (by name, or by its
 * namespace's labels matching the namespaceSelector) and its labels match the selector.
 */
export function termMatches(term: AffinityTerm, pod: Pod, nsLabels: Readonly<Record<string, string>> | undefined): boolean {
  const ns = pod.metadata.namespace ?? 'default';
  if (term.namespaces.has(ns) || term.namespaceSelector.matches(nsLabels)) {
    return term.selector.matches(pod.metadata.labels ?? {});
  }
  return false;
}

/** podMatchesAllAffinityTerms: every term matches (and there is at least one). */
export function matchesAllTerms(terms: readonly AffinityTerm[], pod: Pod, nsLabels?: Readonly<Record<string, string>>): boolean {
  return terms.length > 0 && terms.every((t) => termMatches(t, pod, nsLabels));
}
