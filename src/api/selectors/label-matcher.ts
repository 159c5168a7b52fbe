// A label selector as a matcher: all requirements must hold (AND), kept sorted by key.
// Kubernetes twin: k8s.io/apimachinery/pkg/labels/selector.go (internalSelector, Everything, Nothing).

import { compareGoStrings, requirementMatches, requirementToString, type LabelRequirement, type Labels } from './label-requirement.js';

export interface Selector {
  /** True when the selector does not restrict anything (it matches every object). */
  readonly empty: boolean;
  /** The requirements, sorted by key as Go keeps them; empty for both everything and nothing. */
  readonly requirements: readonly LabelRequirement[];
  matches(labels: Labels): boolean;
  /** The value a key must have when the selector pins it to exactly one (k=v, k==v, k in (v)). */
  requiresExactMatch(key: string): string | undefined;
  /** Canonical text: requirements joined by ","; parses back to an equivalent selector. */
  toString(): string;
}

function exactValue(requirements: readonly LabelRequirement[], key: string): string | undefined {
  // Go looks only at the first requirement on the key, whatever its operator.
  const r = requirements.find((req) => req.key === key);
  if (!r || r.values.length !== 1) return undefined;
  return r.operator === '=' || r.operator === '==' || r.operator === 'in' ? r.values[0] : undefined;
}

/** A selector over requirements; they are sorted by key (stably) as labels.Parse and Add do. */
export function selectorOf(requirements: readonly LabelRequirement[]): Selector {
  const sorted = Object.freeze([...requirements].sort((a, b) => compareGoStrings(a.key, b.key)));
  return Object.freeze({
    empty: sorted.length === 0,
    requirements: sorted,
    matches: (labels: Labels) => sorted.every((r) => requirementMatches(r, labels)),
    requiresExactMatch: (key: string) => exactValue(sorted, key),
    toString: () => sorted.map(requirementToString).join(','),
  });
}

const everythingSelector = selectorOf([]);

/** labels.Everything(): matches every label set, even none. */
export const everything = (): Selector => everythingSelector;

const nothingSelector: Selector = Object.freeze({
  empty: false,
  requirements: Object.freeze([]),
  matches: () => false,
  requiresExactMatch: () => undefined,
  toString: () => '',
});

/** labels.Nothing(): what a nil metav1.LabelSelector means; matches no object. */
export const nothing = (): Selector => nothingSelector;

/** True only for nothing(), as labels.MatchesNothing. */
export const matchesNothing = (selector: Selector): boolean => selector === nothingSelector;
