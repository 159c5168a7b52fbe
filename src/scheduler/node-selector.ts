// Matching nodes against nodeSelector and node affinity terms.
// Kubernetes twin: k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go
// (NodeSelector, PreferredSchedulingTerms, RequiredNodeAffinity).
import type { Node } from '../api/types/node.js';
import type { NodeSelectorRequirement, NodeSelectorTerm, Pod, PreferredSchedulingTerm } from '../api/types/pod.js';
import { requirementMatches, type LabelOperator } from '../api/selectors/label-requirement.js';

const operators: Readonly<Record<string, LabelOperator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
  Gt: 'gt',
  Lt: 'lt',
};

/**
 * One requirement against a label map; undefined when the requirement is malformed (unknown
 * operator, In/NotIn without values, Exists/DoesNotExist with values, Gt/Lt without exactly one
 * integer), which makes its whole term unusable, as the real parser drops it.
 */
function requirementHolds(r: NodeSelectorRequirement, labels: Readonly<Record<string, string>>): boolean | undefined {
  const op = Object.hasOwn(operators, r.operator) ? operators[r.operator] : undefined;
  const values = r.values ?? [];
  if (op === undefined) return undefined;
  if ((op === 'in' || op === 'notin') && values.length === 0) return undefined;
  if ((op === 'exists' || op === '!') && values.length > 0) return undefined;
  if ((op === 'gt' || op === 'lt') && (values.length !== 1 || !/^[+-]?[0-9]+$/.test(values[0]))) return undefined;
  return requirementMatches({ key: r.key, operator: op, values }, labels);
}

/** matchFields supports only metadata.name with In / NotIn. */
function fieldHolds(r: NodeSelectorRequirement, node: Node): boolean | undefined {
  if (r.key !== 'metadata.name' || (r.operator !== 'In' && r.operator !== 'NotIn')) return undefined;
  const values = r.values ?? [];
  if (values.length !== 1) return undefined; // the field selector accepts exactly one value
  const name = node.metadata.name ?? '';
  return r.operator === 'In' ? values.includes(name) : !values.includes(name);
}

/** A term matches when all its requirements hold; a term with none, or a malformed one, matches nothing. */
export function termMatchesNode(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  return exprs.every((r) => requirementHolds(r, labels) === true) && fields.every((r) => fieldHolds(r, node) === true);
}

/** Terms are ORed; no terms match nothing. */
export const nodeSelectorTermsMatch = (terms: readonly NodeSelectorTerm[], node: Node): boolean =>
  terms.some((t) => termMatchesNode(t, node));

/** RequiredNodeAffinity.Match: spec.nodeSelector (every pair) AND required node affinity terms. */
export function podMatchesNodeRequirements(pod: Pod, node: Node): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(pod.spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required) return nodeSelectorTermsMatch(required.nodeSelectorTerms ?? [], node);
  return true;
}

/** Sum of the weights of the preferred terms the node matches (terms of weight 0 are dropped). */
export function preferredTermsScore(terms: readonly PreferredSchedulingTerm[], node: Node): number {
  let sum = 0;
  for (const t of terms) if (t.weight !== 0 && termMatchesNode(t.preference ?? {}, node)) sum += t.weight;
  return sum;
}
