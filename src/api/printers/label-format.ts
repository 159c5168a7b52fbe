// Label maps and label selectors as one-line strings, the way the printers show them.
// Kubernetes twins: labels.FormatLabels and Set.String (k8s.io/apimachinery/pkg/labels/labels.go),
// metav1.LabelSelectorAsSelector and FormatLabelSelector
// (k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go), Requirement.String (labels/selector.go).
import type { Frozen, LabelSelector, LabelSelectorRequirement } from '../types.js';

type Labels = Frozen<Record<string, string>> | null | undefined;
type Selector = Frozen<LabelSelector> | null | undefined;

/** "app=web,tier=front" with keys sorted; "<none>" for no labels. */
export function formatLabels(labels: Labels): string {
  const text = labelsString(labels);
  return text === '' ? '<none>' : text;
}

/** "app=web,tier=front" with keys sorted; "" for no labels. */
export function labelsString(labels: Labels): string {
  if (!labels) return '';
  return Object.keys(labels)
    .sort(byCodeUnit)
    .map((key) => `${key}=${labels[key]}`)
    .join(',');
}

/**
 * A selector as the apiserver's Selector.String(): requirements sorted by key,
 * matchLabels as "k=v", In/NotIn as "k in (a,b)", Exists as "k", DoesNotExist as "!k".
 * A nil selector selects nothing and an empty one everything; both print as "".
 */
export function labelSelectorString(selector: Selector): string {
  if (!selector) return '';
  const requirements: { key: string; text: string }[] = [];
  for (const key of Object.keys(selector.matchLabels ?? {})) {
    requirements.push({ key, text: `${key}=${selector.matchLabels?.[key]}` });
  }
  for (const expression of selector.matchExpressions ?? []) {
    requirements.push({ key: expression.key, text: requirementString(expression) });
  }
  // Array.prototype.sort is stable, so same-key requirements keep their input order.
  return requirements
    .sort((a, b) => byCodeUnit(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** metav1.FormatLabelSelector: the selector string, "<none>" when it is empty. */
export function formatLabelSelector(selector: Selector): string {
  const text = labelSelectorString(selector);
  return text === '' ? '<none>' : text;
}

function requirementString(expression: Frozen<LabelSelectorRequirement>): string {
  const values = [...(expression.values ?? [])].sort(byCodeUnit).join(',');
  switch (expression.operator) {
    case 'In':
      return `${expression.key} in (${values})`;
    case 'NotIn':
      return `${expression.key} notin (${values})`;
    case 'Exists':
      return expression.key;
    case 'DoesNotExist':
      return `!${expression.key}`;
  }
}

/** Go compares strings bytewise; for the ASCII of label keys that is code-unit order. */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
