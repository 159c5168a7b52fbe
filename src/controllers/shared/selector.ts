// A workload's structured selector as a matcher, and label-set equality.
// Kubernetes twins: metav1.LabelSelectorAsSelector; reflect.DeepEqual over two label maps.
import { labelSelectorFromObject, type Selector } from '../../api/selectors/label-selector.js';
import type { Frozen, LabelSelector } from '../../api/types.js';

/**
 * Matchers by selector object. Event handlers and syncs ask for the same set's selector over
 * and over; a frozen object's selector never changes, so it is parsed once per object version.
 */
const matcherBySelector = new WeakMap<Frozen<LabelSelector>, Selector>();

/**
 * One matcher per canonical text, so that every version of a set (each status write makes one)
 * hands out the same matcher, and answers remembered per pod (PodFacts.matches) stay found.
 * Grows with the distinct selectors ever seen: a few per workload.
 */
const internedSelectors = new Map<string, Selector>();

function intern(selector: Selector): Selector {
  // Everything and nothing are singletons already (and both print as "").
  if (selector.requirements.length === 0) return selector;
  const text = selector.toString();
  const known = internedSelectors.get(text);
  if (known) return known;
  internedSelectors.set(text, selector);
  return selector;
}

/** A missing selector selects nothing, an empty one everything (validation forbids both on workloads). */
export function selectorFor(s: Frozen<LabelSelector> | undefined): Selector {
  if (!s) return labelSelectorFromObject(undefined);
  let matcher = matcherBySelector.get(s);
  if (!matcher) {
    matcher = intern(labelSelectorFromObject(s as LabelSelector));
    // A selector a caller builds and may still edit is parsed afresh each time.
    if (isDeepFrozen(s)) matcherBySelector.set(s, matcher);
  }
  return matcher;
}

const matcherByLabels = new WeakMap<Frozen<Record<string, string>>, Selector>();

/**
 * "Has every one of these labels" as a selector (a pod template's labels: fullyLabeledReplicas
 * counts the pods that carry them all). Undefined when a label would not parse as a selector
 * (never for labels that passed validation): the caller compares the labels itself.
 */
export function selectorForLabels(labels: Frozen<Record<string, string>>): Selector | undefined {
  let matcher = matcherByLabels.get(labels);
  if (matcher) return matcher;
  try {
    matcher = selectorFor({ matchLabels: labels } as Frozen<LabelSelector>);
  } catch {
    return undefined;
  }
  if (Object.isFrozen(labels)) matcherByLabels.set(labels, matcher);
  return matcher;
}

function isDeepFrozen(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (!Object.isFrozen(value)) return false;
  return Object.values(value).every(isDeepFrozen);
}

type Labels = Readonly<Record<string, string>> | undefined;

/** Same keys and values, in any order; missing and empty are the same. */
export function sameLabels(a: Labels, b: Labels): boolean {
  if (a === b) return true;
  const keysA = Object.keys(a ?? {});
  if (keysA.length !== Object.keys(b ?? {}).length) return false;
  for (const k of keysA) if (a![k] !== b?.[k]) return false;
  return true;
}
