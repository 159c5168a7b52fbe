// Container (and overhead) resource requirements: names, quantities, requests <= limits.
// Kubernetes twin: pkg/apis/core/validation/validation.go (validateResourceRequirements,
// validateContainerResourceName, ValidateResourceQuantityValue) and
// pkg/apis/core/helper/helpers.go (IsStandardResourceName, IsOvercommitAllowed, ...).
import { forbidden, invalid, required, type FieldError, type FieldPath } from '../field-errors.js';
import { compareQuantities, parseQuantity, quantityError, quantityToString, type Quantity } from '../quantity.js';
import type { ResourceList, ResourceRequirements } from '../types/pod.js';
import { isQualifiedName } from './names.js';

const standardContainerResources = new Set(['cpu', 'memory', 'ephemeral-storage']);
const standardResources = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'requests.storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);
/** Counted in whole objects, never fractions. */
const integerResources = new Set([
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);

export const isHugePageResourceName = (name: string): boolean => name.startsWith('hugepages-');
/** Unprefixed names and *kubernetes.io/ names belong to Kubernetes itself. */
export const isNativeResource = (name: string): boolean => !name.includes('/') || name.includes('kubernetes.io/');
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}
/** Extended resources (GPUs) and huge pages cannot be overcommitted: request must equal limit. */
export const isOvercommitAllowed = (name: string): boolean => isNativeResource(name) && !isHugePageResourceName(name);
const isIntegerResourceName = (name: string): boolean => integerResources.has(name) || isExtendedResourceName(name);
const isStandardResourceName = (name: string): boolean =>
  standardResources.has(name) || isHugePageResourceName(name) || name.startsWith('requests.hugepages-');

function validateResourceName(name: string, path: FieldPath): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (errs.length) return errs;
  if (!name.includes('/') && !isStandardResourceName(name)) {
    return [invalid(path, name, 'must be a standard resource type or fully qualified')];
  }
  return [];
}

export function validateContainerResourceName(name: string, path: FieldPath): FieldError[] {
  const errs = validateResourceName(name, path);
  if (!name.includes('/')) {
    if (!standardContainerResources.has(name) && !isHugePageResourceName(name)) {
      errs.push(invalid(path, name, 'must be a standard resource for containers'));
    }
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    errs.push(invalid(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

/** Parsed quantities of a list; unparsable ones become errors carrying the decoder's message. */
function parseList(list: ResourceList | undefined, path: FieldPath, errs: FieldError[]): Map<string, Quantity> {
  const parsed = new Map<string, Quantity>();
  for (const [name, raw] of Object.entries(list ?? {})) {
    const problem = quantityError(raw);
    if (problem) errs.push(invalid(path.key(name), raw, problem));
    else parsed.set(name, parseQuantity(raw));
  }
  return parsed;
}

export function validateResourceQuantityValue(name: string, q: Quantity, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (q.nanos < 0n) errs.push(invalid(path, quantityToString(q), 'must be greater than or equal to 0'));
  if (isIntegerResourceName(name) && q.nanos % 1_000_000_000n !== 0n) {
    errs.push(invalid(path, quantityToString(q), 'must be an integer'));
  }
  return errs;
}

/** "hugepages-2Mi" must come in whole 2Mi pages. */
function hugePageError(name: string, q: Quantity): string | undefined {
  const size = name.slice('hugepages-'.length);
  if (quantityError(size)) return undefined;
  const page = parseQuantity(size).nanos;
  if (page > 0n && q.nanos % page === 0n && q.nanos >= 0n) return undefined;
  return `${quantityToString(q)} is not positive integer multiple of ${name}`;
}

function validateEntries(list: Map<string, Quantity>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const [name, q] of list) {
    errs.push(...validateContainerResourceName(name, path.key(name)));
    errs.push(...validateResourceQuantityValue(name, q, path.key(name)));
    const huge = isHugePageResourceName(name) ? hugePageError(name, q) : undefined;
    if (huge) errs.push(invalid(path.key(name), quantityToString(q), huge));
  }
  return errs;
}

/** Requests may not exceed limits; for non-overcommittable resources they must match them. */
function compareRequestsToLimits(requests: Map<string, Quantity>, limits: Map<string, Quantity>, path: FieldPath, rawLimits: ResourceList): FieldError[] {
  const errs: FieldError[] = [];
  const reqPath = path.child('requests');
  for (const [name, q] of requests) {
    const limit = limits.get(name);
    if (limit) {
      const request = quantityToString(q);
      const limitText = quantityToString(limit);
      if (compareQuantities(q, limit) !== 0 && !isOvercommitAllowed(name)) {
        errs.push(invalid(reqPath, request, `must be equal to ${name} limit of ${limitText}`));
      } else if (compareQuantities(q, limit) > 0) {
        errs.push(invalid(reqPath, request, `must be less than or equal to ${name} limit of ${limitText}`));
      }
    } else if (!isOvercommitAllowed(name) && !(name in rawLimits)) {
      errs.push(required(path.child('limits'), 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}

export function validateResourceRequirements(resources: ResourceRequirements | undefined, path: FieldPath): FieldError[] {
  if (!resources) return [];
  const errs: FieldError[] = [];
  const limits = parseList(resources.limits, path.child('limits'), errs);
  const requests = parseList(resources.requests, path.child('requests'), errs);
  errs.push(...validateEntries(limits, path.child('limits')));
  errs.push(...validateEntries(requests, path.child('requests')));
  errs.push(...compareRequestsToLimits(requests, limits, path, resources.limits ?? {}));
  const names = [...limits.keys(), ...requests.keys()];
  if (names.some(isHugePageResourceName) && !names.some((n) => n === 'cpu' || n === 'memory')) {
    errs.push(forbidden(path, 'HugePages require cpu or memory'));
  }
  return errs;
}
