// The constraints PodTopologySpread works with: the pod's own (for one whenUnsatisfiable), or
// the profile's default constraints with a selector built from the Services and controller that
// select the pod. Kubernetes twins: pkg/scheduler/framework/plugins/podtopologyspread/common.go
// (filterTopologySpreadConstraints, buildDefaultConstraints) and plugins/helper/spread.go
// (DefaultSelector).
import type { Pod, TopologySpreadConstraint } from '../../api/types/pod.js';
import type { LabelSelector, LabelSelectorRequirement } from '../../api/types.js';
import { labelSelectorFromObject } from '../../api/selectors/label-selector-object.js';
import { matchesNothing, nothing, type Selector } from '../../api/selectors/label-matcher.js';
import type { NodeInfo, PodInfo } from '../node-info.js';
import { podMatchesNodeRequirements } from '../node-selector.js';
import type { Snapshot } from '../snapshot.js';
import { findUntoleratedTaint } from '../tolerations.js';

export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_TOPOLOGY_ZONE = 'topology.kubernetes.io/zone';

/** The cluster default for soft spreading (defaultingType: System). */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly TopologySpreadConstraint[] = [
  { topologyKey: LABEL_HOSTNAME, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: LABEL_TOPOLOGY_ZONE, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

export interface SpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly selector: Selector;
  readonly minDomains: number;
  readonly nodeAffinityPolicy: string;
  readonly nodeTaintsPolicy: string;
}

function safeSelector(sel: LabelSelector | undefined): Selector {
  try {
    return labelSelectorFromObject(sel);
  } catch {
    return nothing();
  }
}

/** matchLabelKeys: the pod's own values for those keys become `key in (value)` requirements. */
function withMatchLabelKeys(sel: LabelSelector | undefined, keys: readonly string[], podLabels: Record<string, string>): LabelSelector | undefined {
  const extra: LabelSelectorRequirement[] = keys.filter((k) => k in podLabels).map((k) => ({ key: k, operator: 'In', values: [podLabels[k]] }));
  if (!sel || extra.length === 0) return sel;
  return { ...sel, matchExpressions: [...(sel.matchExpressions ?? []), ...extra] };
}

/** The constraints with the given whenUnsatisfiable; minDomains 1, Honor / Ignore policies by default. */
export function constraintsFor(list: readonly TopologySpreadConstraint[], podLabels: Record<string, string>, action: string): SpreadConstraint[] {
  return list
    .filter((c) => c.whenUnsatisfiable === action)
    .map((c) => ({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector: safeSelector(withMatchLabelKeys(c.labelSelector, c.matchLabelKeys ?? [], podLabels)),
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy ?? 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy ?? 'Ignore',
    }));
}

/**
 * helper.DefaultSelector: the labels of every Service selecting the pod, merged, plus the
 * selector of the ReplicaSet / StatefulSet / ReplicationController that controls it.
 */
export function defaultSelector(pod: Pod, snapshot: Snapshot): Selector {
  const ns = pod.metadata.namespace ?? 'default';
  const labels = pod.metadata.labels ?? {};
  const merged: Record<string, string> = {};
  for (const s of snapshot.input.services ?? []) {
    if (s.namespace !== ns) continue;
    if (Object.entries(s.selector).every(([k, v]) => labels[k] === v)) Object.assign(merged, s.selector);
  }
  const expressions: LabelSelectorRequirement[] = [];
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller);
  const ctrl = owner && (snapshot.input.controllers ?? []).find((c) => c.kind === owner.kind && c.namespace === ns && c.name === owner.name);
  if (ctrl) {
    if (ctrl.kind === 'ReplicationController') Object.assign(merged, ctrl.selector.matchLabels ?? {});
    else {
      for (const [k, v] of Object.entries(ctrl.selector.matchLabels ?? {})) expressions.push({ key: k, operator: 'In', values: [v] });
      expressions.push(...(ctrl.selector.matchExpressions ?? []));
    }
  }
  return safeSelector({ matchLabels: merged, matchExpressions: expressions });
}

/** buildDefaultConstraints: none when the default selector is empty (nothing to spread against). */
export function defaultConstraintsFor(defaults: readonly TopologySpreadConstraint[], pod: Pod, snapshot: Snapshot, action: string): SpreadConstraint[] {
  const cs = constraintsFor(defaults, pod.metadata.labels ?? {}, action);
  if (cs.length === 0) return [];
  const selector = defaultSelector(pod, snapshot);
  if (selector.empty || matchesNothing(selector)) return [];
  return cs.map((c) => ({ ...c, selector }));
}

/** The pod's own constraints when it has any, else the defaults. */
export function podConstraints(defaults: readonly TopologySpreadConstraint[], pod: Pod, snapshot: Snapshot, action: string): SpreadConstraint[] {
  const own = pod.spec.topologySpreadConstraints ?? [];
  return own.length > 0 ? constraintsFor(own, pod.metadata.labels ?? {}, action) : defaultConstraintsFor(defaults, pod, snapshot, action);
}

export const nodeHasAllKeys = (labels: Readonly<Record<string, string>>, cs: readonly SpreadConstraint[]): boolean =>
  cs.every((c) => Object.hasOwn(labels, c.topologyKey));

/** nodeAffinityPolicy Honor: the node must pass the pod's node selection; nodeTaintsPolicy Honor: its taints. */
export function nodeIncluded(c: SpreadConstraint, pod: Pod, node: NodeInfo): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !podMatchesNodeRequirements(pod, node.node)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && findUntoleratedTaint(node.taints, pod.spec.tolerations)) return false;
  return true;
}

/** Pods in the pod's namespace, not terminating, whose labels match. */
export function countMatching(pods: readonly PodInfo[], selector: Selector, namespace: string): number {
  let n = 0;
  for (const p of pods) {
    const m = p.pod.metadata;
    if (m.deletionTimestamp || (m.namespace ?? 'default') !== namespace) continue;
    if (selector.matches(m.labels ?? {})) n++;
  }
  return n;
}
