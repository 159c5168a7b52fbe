// Scheduling constraints in a pod spec: node affinity, pod (anti-)affinity, topology spread,
// and the label selectors inside them.
// Kubernetes twins: pkg/apis/core/validation/validation.go (validateAffinity, ValidateNodeSelector,
// validatePodAffinityTerm, validateTopologySpreadConstraints) and
// apimachinery pkg/apis/meta/v1/validation (ValidateLabelSelector).
import { duplicate, forbidden, invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import type { LabelSelector } from '../types.js';
import type { Affinity, NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, PodAffinity, PodAffinityTerm, TopologySpreadConstraint } from '../types/pod.js';
import { isQualifiedName, isValidLabelValue, nameIsDNSLabel, nameIsDNSSubdomain } from './names.js';
import { validateLabels } from './object-meta.js';

const labelName = (key: string, path: FieldPath): FieldError[] => isQualifiedName(key).map((m) => invalid(path, key, m));

export function validateLabelSelector(selector: LabelSelector | undefined, path: FieldPath): FieldError[] {
  if (!selector) return [];
  const errs = validateLabels(selector.matchLabels, path.child('matchLabels'));
  (selector.matchExpressions ?? []).forEach((req, i) => {
    const at = path.child('matchExpressions').index(i);
    const values = req.values ?? [];
    if (req.operator === 'In' || req.operator === 'NotIn') {
      if (!values.length) errs.push(required(at.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (req.operator === 'Exists' || req.operator === 'DoesNotExist') {
      if (values.length) errs.push(forbidden(at.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else errs.push(invalid(at.child('operator'), req.operator, 'not a valid selector operator'));
    errs.push(...labelName(req.key, at.child('key')));
    values.forEach((v, vi) => errs.push(...isValidLabelValue(v).map((m) => invalid(at.child('values').index(vi), v, m))));
  });
  return errs;
}

function validateNodeSelectorRequirement(rq: NodeSelectorRequirement, checkValues: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const n = rq.values?.length ?? 0;
  switch (rq.operator) {
    case 'In':
    case 'NotIn':
      if (n === 0) errs.push(required(path.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (n > 0) errs.push(forbidden(path.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    case 'Gt':
    case 'Lt':
      if (n !== 1) errs.push(required(path.child('values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"));
      break;
    default:
      errs.push(invalid(path.child('operator'), rq.operator, 'not a valid selector operator'));
  }
  errs.push(...labelName(rq.key, path.child('key')));
  if (checkValues) (rq.values ?? []).forEach((v, i) => errs.push(...isValidLabelValue(v).map((m) => invalid(path.child('values').index(i), v, m))));
  return errs;
}

/** matchFields may only select on metadata.name, with exactly one value. */
function validateNodeFieldRequirement(rq: NodeSelectorRequirement, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (rq.operator === 'In' || rq.operator === 'NotIn') {
    if (rq.values?.length !== 1) errs.push(required(path.child('values'), "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"));
  } else errs.push(invalid(path.child('operator'), rq.operator, 'not a valid selector operator'));
  if (rq.key !== 'metadata.name') errs.push(invalid(path.child('key'), rq.key, 'not a valid field selector key'));
  else (rq.values ?? []).forEach((v, i) => errs.push(...nameIsDNSSubdomain(v, false).map((m) => invalid(path.child('values').index(i), v, m))));
  return errs;
}

function validateNodeSelectorTerm(term: NodeSelectorTerm, checkValues: boolean, path: FieldPath): FieldError[] {
  return [
    ...(term.matchExpressions ?? []).flatMap((r, j) => validateNodeSelectorRequirement(r, checkValues, path.child('matchExpressions').index(j))),
    ...(term.matchFields ?? []).flatMap((r, j) => validateNodeFieldRequirement(r, path.child('matchFields').index(j))),
  ];
}

export function validateNodeSelector(selector: NodeSelector, path: FieldPath): FieldError[] {
  const terms = path.child('nodeSelectorTerms');
  if (!selector.nodeSelectorTerms?.length) return [required(terms, 'must have at least one node selector term')];
  return selector.nodeSelectorTerms.flatMap((t, i) => validateNodeSelectorTerm(t, true, terms.index(i)));
}

const weightError = (weight: number, path: FieldPath): FieldError[] =>
  weight <= 0 || weight > 100 || weight === undefined ? [invalid(path, weight, 'must be in the range 1-100')] : [];

function validateLabelKeys(keys: readonly string[] | undefined, selector: LabelSelector | undefined, path: FieldPath): FieldError[] {
  if (!keys?.length) return [];
  if (!selector) return [forbidden(path, 'must not be specified when labelSelector is not set')];
  return keys.flatMap((k, i) => labelName(k, path.index(i)));
}

function validatePodAffinityTerm(term: PodAffinityTerm, path: FieldPath): FieldError[] {
  const errs = [...validateLabelSelector(term.labelSelector, path.child('labelSelector'))];
  errs.push(...validateLabelSelector(term.namespaceSelector, path.child('namespaceSelector')));
  for (const ns of term.namespaces ?? []) errs.push(...nameIsDNSLabel(ns, false).map((m) => invalid(path.child('namespace'), ns, m)));
  errs.push(...validateLabelKeys(term.matchLabelKeys, term.labelSelector, path.child('matchLabelKeys')));
  errs.push(...validateLabelKeys(term.mismatchLabelKeys, term.labelSelector, path.child('mismatchLabelKeys')));
  const mismatch = new Set(term.mismatchLabelKeys ?? []);
  (term.matchLabelKeys ?? []).forEach((k, i) => {
    if (mismatch.has(k)) errs.push(invalid(path.child('matchLabelKeys').index(i), k, 'exists in both matchLabelKeys and mismatchLabelKeys'));
  });
  if (!term.topologyKey) errs.push(required(path.child('topologyKey'), 'can not be empty'));
  return [...errs, ...labelName(term.topologyKey ?? '', path.child('topologyKey'))];
}

function validatePodAffinity(pa: PodAffinity, path: FieldPath): FieldError[] {
  const req = path.child('requiredDuringSchedulingIgnoredDuringExecution');
  const pref = path.child('preferredDuringSchedulingIgnoredDuringExecution');
  return [
    ...(pa.requiredDuringSchedulingIgnoredDuringExecution ?? []).flatMap((t, i) => validatePodAffinityTerm(t, req.index(i))),
    ...(pa.preferredDuringSchedulingIgnoredDuringExecution ?? []).flatMap((w, i) => [
      ...weightError(w.weight, pref.index(i).child('weight')),
      ...validatePodAffinityTerm(w.podAffinityTerm ?? ({} as PodAffinityTerm), pref.index(i).child('podAffinityTerm')),
    ]),
  ];
}

export function validateAffinity(affinity: Affinity | undefined, path: FieldPath): FieldError[] {
  if (!affinity) return [];
  const errs: FieldError[] = [];
  const na = affinity.nodeAffinity;
  if (na?.requiredDuringSchedulingIgnoredDuringExecution) {
    errs.push(...validateNodeSelector(na.requiredDuringSchedulingIgnoredDuringExecution, path.child('nodeAffinity').child('requiredDuringSchedulingIgnoredDuringExecution')));
  }
  const pref = path.child('nodeAffinity').child('preferredDuringSchedulingIgnoredDuringExecution');
  (na?.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((t, i) => {
    errs.push(...weightError(t.weight, pref.index(i).child('weight')));
    // Preferred terms may carry label values that are not valid: they just never match.
    errs.push(...validateNodeSelectorTerm(t.preference ?? {}, false, pref.index(i).child('preference')));
  });
  if (affinity.podAffinity) errs.push(...validatePodAffinity(affinity.podAffinity, path.child('podAffinity')));
  if (affinity.podAntiAffinity) errs.push(...validatePodAffinity(affinity.podAntiAffinity, path.child('podAntiAffinity')));
  return errs;
}

const SCHEDULE_ACTIONS = ['DoNotSchedule', 'ScheduleAnyway'];
const INCLUSION_POLICIES = ['Honor', 'Ignore'];

function validateSpreadConstraint(c: TopologySpreadConstraint, rest: readonly TopologySpreadConstraint[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!(c.maxSkew > 0)) errs.push(invalid(path.child('maxSkew'), c.maxSkew ?? 0, 'must be greater than zero'));
  if (!c.topologyKey) errs.push(required(path.child('topologyKey'), 'can not be empty'));
  if (!SCHEDULE_ACTIONS.includes(c.whenUnsatisfiable)) errs.push(notSupported(path.child('whenUnsatisfiable'), c.whenUnsatisfiable ?? '', SCHEDULE_ACTIONS));
  if (rest.some((r) => r.topologyKey === c.topologyKey && r.whenUnsatisfiable === c.whenUnsatisfiable)) {
    errs.push(duplicate(path.child('{topologyKey, whenUnsatisfiable}'), `{${c.topologyKey}, ${c.whenUnsatisfiable}}`));
  }
  if (c.minDomains !== undefined && c.minDomains !== null) {
    if (c.minDomains <= 0) errs.push(invalid(path.child('minDomains'), c.minDomains, 'must be greater than zero'));
    if (c.whenUnsatisfiable !== 'DoNotSchedule') {
      errs.push(invalid(path.child('minDomains'), c.minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${c.whenUnsatisfiable}`));
    }
  }
  for (const key of ['nodeAffinityPolicy', 'nodeTaintsPolicy'] as const) {
    const policy = c[key];
    if (policy !== undefined && policy !== null && !INCLUSION_POLICIES.includes(policy)) errs.push(notSupported(path.child(key), policy, INCLUSION_POLICIES));
  }
  if (c.matchLabelKeys?.length && !c.labelSelector) errs.push(forbidden(path.child('matchLabelKeys'), 'must not be specified when labelSelector is not set'));
  return [...errs, ...validateLabelSelector(c.labelSelector, path.child('labelSelector'))];
}

export function validateTopologySpreadConstraints(constraints: readonly TopologySpreadConstraint[] | undefined, path: FieldPath): FieldError[] {
  const list = constraints ?? [];
  return list.flatMap((c, i) => validateSpreadConstraint(c, list.slice(i + 1), path.index(i)));
}
