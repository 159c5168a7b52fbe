// Node validation. Kubernetes twin: pkg/apis/core/validation/validation.go (ValidateNode, ValidateNodeUpdate,
// validateNodeTaints, ValidateNodeResources).

import { duplicate, FieldPath, forbidden, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import type { Frozen } from '../types.js';
import type { Node, Taint } from '../types/node.js';
import { quantityError } from '../quantity.js';
import { ipFamilyOf, isValidCIDR } from './ip.js';
import { isQualifiedName, isValidLabelValue, nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

type N = Frozen<Node>;
export const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] as const;

export function validateTaintEffect(effect: string | undefined, allowEmpty: boolean, path: FieldPath): FieldError[] {
  if (!allowEmpty && !effect) return [required(path)];
  return (TAINT_EFFECTS as readonly string[]).includes(effect ?? '') ? [] : [notSupported(path, effect ?? '', TAINT_EFFECTS)];
}

/** Taints: qualified keys, label-like values, a known effect, unique per (key, effect). */
export function validateNodeTaints(taints: readonly Frozen<Taint>[], path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  taints.forEach((t, i) => {
    const p = path.index(i);
    for (const msg of isQualifiedName(t.key ?? '')) errs.push(invalid(p.child('key'), t.key ?? '', msg));
    const valueErrs = isValidLabelValue(t.value ?? '');
    if (valueErrs.length) errs.push(invalid(p.child('value'), t.value ?? '', valueErrs.join(';')));
    errs.push(...validateTaintEffect(t.effect, false, p.child('effect')));
    const id = `${t.effect}\u0000${t.key}`;
    if (seen.has(id)) errs.push({ ...duplicate(p, t), detail: 'taints must be unique by key and effect pair' });
    seen.add(id);
  });
  return errs;
}

/** Capacity and allocatable must parse as quantities (a negative one is not a resource). */
function validateNodeResources(node: N): FieldError[] {
  const errs: FieldError[] = [];
  for (const kind of ['capacity', 'allocatable'] as const) {
    for (const [name, value] of Object.entries(node.status?.[kind] ?? {})) {
      const path = FieldPath.root('status').child(kind).child(name);
      const err = quantityError(value);
      if (err) errs.push(invalid(path, value, err));
      else if (String(value).trim().startsWith('-')) errs.push(invalid(path, value, 'must be greater than or equal to 0'));
    }
  }
  return errs;
}

function validatePodCIDRs(cidrs: readonly string[]): FieldError[] {
  const path = FieldPath.root('spec').child('podCIDRs');
  const errs: FieldError[] = [];
  cidrs.forEach((c, i) => errs.push(...isValidCIDR(c).map((m) => invalid(path.index(i), c, m))));
  if (cidrs.length > 1) {
    const families = new Set(cidrs.map((c) => ipFamilyOf(c.split('/')[0])));
    if (cidrs.length > 2 || families.size !== 2) errs.push(invalid(path, cidrs, 'may specify no more than one CIDR for each IP family'));
    cidrs.forEach((c, i) => {
      if (cidrs.indexOf(c) < i) errs.push(duplicate(path.index(i), c));
    });
  }
  return errs;
}

export function validateNode(node: N): FieldError[] {
  const meta = FieldPath.root('metadata');
  const errs = validateObjectMeta(node.metadata, { namespaced: false, validateName: nameIsDNSSubdomain });
  // kube reports spec.taints under "metadata.taints": its path is built from the metadata path.
  if (node.spec?.taints?.length) errs.push(...validateNodeTaints(node.spec.taints, meta.child('taints')));
  errs.push(...validateNodeResources(node));
  if (node.spec?.podCIDRs?.length) errs.push(...validatePodCIDRs(node.spec.podCIDRs));
  return errs;
}

const CIDR_CHANGE = 'node updates may not change podCIDR except from "" to valid';

export function validateNodeUpdate(next: N, prev: N): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, prev.metadata);
  errs.push(...validateNodeResources(next));
  const seen = new Set<string>();
  (next.status?.addresses ?? []).forEach((a, i) => {
    const id = `${a.type}\u0000${a.address}`;
    if (seen.has(id)) errs.push(duplicate(FieldPath.root('status').child('addresses').index(i), a));
    seen.add(id);
  });
  const oldCIDRs = prev.spec?.podCIDRs ?? [];
  const newCIDRs = next.spec?.podCIDRs ?? [];
  // A controller may assign CIDRs once; after that they are fixed.
  if (oldCIDRs.length > 0) {
    const podCIDRs = FieldPath.root('spec').child('podCIDRs');
    if (oldCIDRs.length !== newCIDRs.length) errs.push(forbidden(podCIDRs, CIDR_CHANGE));
    else oldCIDRs.forEach((c, i) => c !== newCIDRs[i] && errs.push(forbidden(podCIDRs, CIDR_CHANGE)));
  }
  const oldProvider = prev.spec?.providerID ?? '';
  if (oldProvider && oldProvider !== (next.spec?.providerID ?? '')) {
    errs.push(forbidden(FieldPath.root('spec').child('providerID'), 'node updates may not change providerID except from "" to valid'));
  }
  if (next.spec?.taints?.length) errs.push(...validateNodeTaints(next.spec.taints, FieldPath.root('metadata').child('taints')));
  return errs;
}

/** Status writes run the same checks: kube has one update validation for spec and status. */
export const validateNodeStatusUpdate = validateNodeUpdate;
