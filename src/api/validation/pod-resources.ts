// Container (and overhead) resource requirements: names, quantities, requests <= limits.
// Kubernetes twin: pkg/apis/core/validation/validation.go (validateResourceRequirements,
// validateContainerResourceName, ValidateResourceQuantityValue) and
// pkg/apis/core/helper/helpers.go (IsStandardResourceName, IsOvercommitAllowed, ...).
import { forbidden, invalid, required, type FieldError, type FieldPath } from '../field-errors.js';
import { QUANTITY_FORMAT_ERROR, QuantityParseError, compareQuantities, parseQuantity, quantityError, quantityToString, type Quantity } from '../quantity.js';
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

/** A quantity as the decoder reads it, or the decoder's message (quantityError's) when it cannot. */
function parseOrError(raw: unknown): Quantity | string {
  if (typeof raw !== 'string' && typeof raw !== 'number') return QUANTITY_FORMAT_ERROR;
  try {
    return parseQuantity(raw);
  } catch (e) {
    if (e instanceof QuantityParseError) return e.message;
    throw e;
  }
}

/** Parsed quantities of a list (parsed once); unparsable ones become errors carrying the decoder's message. */
function parseList(list: ResourceList | undefined, parent: FieldPath, name: string, errs: FieldError[]): Map<string, Quantity> {
  const parsed = new Map<string, Quantity>();
  for (const resource in list) {
    const raw = list[resource];
    const q = parseOrError(raw);
    if (typeof q === 'string') errs.push(invalid(parent.child(name).key(resource), raw, q));
    else parsed.set(resource, q);
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

function validateEntries(list: Map<string, Quantity>, parent: FieldPath, name: string, errs: FieldError[]): void {
  for (const [resource, q] of list) {
    // Entry paths are built only for an entry with something to report.
    // cpu, memory and ephemeral-storage pass every name check, and quantity values need checking
    // only when negative or of a resource counted in whole units.
    if (!standardContainerResources.has(resource)) errs.push(...validateContainerResourceName(resource, parent.child(name).key(resource)));
    if (q.nanos < 0n || isIntegerResourceName(resource)) errs.push(...validateResourceQuantityValue(resource, q, parent.child(name).key(resource)));
    const huge = isHugePageResourceName(resource) ? hugePageError(resource, q) : undefined;
    if (huge) errs.push(invalid(parent.child(name).key(resource), quantityToString(q), huge));
  }
}

/** Requests may not exceed limits; for non-overcommittable resources they must match them. */
function compareRequestsToLimits(requests: Map<string, Quantity>, limits: Map<string, Quantity>, path: FieldPath, rawLimits: ResourceList, errs: FieldError[]): void {
  for (const [name, q] of requests) {
    const limit = limits.get(name);
    if (limit) {
      const order = compareQuantities(q, limit);
      // The quantities are printed only for an error.
      if (order !== 0 && !isOvercommitAllowed(name)) {
        errs.push(invalid(path.child('requests'), quantityToString(q), `must be equal to ${name} limit of ${quantityToString(limit)}`));
      } else if (order > 0) {
        errs.push(invalid(path.child('requests'), quantityToString(q), `must be less than or equal to ${name} limit of ${quantityToString(limit)}`));
      }
    } else if (!isOvercommitAllowed(name) && !(name in rawLimits)) {
      errs.push(required(path.child('limits'), 'Limit must be set for non overcommitable resources'));
    }
  }
}

const isCpuOrMemory = (name: string): boolean => name === 'cpu' || name === 'memory';

/** Whether any key of either map passes the test. */
function someKey(a: Map<string, Quantity>, b: Map<string, Quantity>, test: (name: string) => boolean): boolean {
  for (const name of a.keys()) if (test(name)) return true;
  for (const name of b.keys()) if (test(name)) return true;
  return false;
}

export function validateResourceRequirements(resources: ResourceRequirements | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!resources) return errs;
  const limits = parseList(resources.limits, path, 'limits', errs);
  const requests = parseList(resources.requests, path, 'requests', errs);
  validateEntries(limits, path, 'limits', errs);
  validateEntries(requests, path, 'requests', errs);
  compareRequestsToLimits(requests, limits, path, resources.limits ?? {}, errs);
  if (someKey(limits, requests, isHugePageResourceName) && !someKey(limits, requests, isCpuOrMemory)) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}
