// Metadata rules every object obeys on create and update.
// Kubernetes twins: k8s.io/apimachinery/pkg/api/validation/objectmeta.go and
// k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go (labels, managedFields).

import { FieldPath, forbidden, invalid, required, tooLong, type FieldError } from '../field-errors.js';
import type { Frozen, ManagedFieldsEntry, ObjectMeta, OwnerReference } from '../types.js';
import { isQualifiedName, isValidLabelValue, nameIsDNSLabel, type ValidateNameFunc } from './names.js';

export const FIELD_IMMUTABLE = 'field is immutable';
export const IS_NEGATIVE = 'must be greater than or equal to 0';
/** Annotations share one budget of 256 KiB, keys and values counted together in bytes. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

type Meta = Frozen<ObjectMeta>;
const metaPath = (path?: FieldPath): FieldPath => path ?? FieldPath.root('metadata');
const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Structural equality over JSON values, as apiequality.Semantic.DeepEqual for our plain data. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** `<path>: Invalid value: <next>: field is immutable` when a value changed. */
export function validateImmutableField(next: unknown, prev: unknown, path: FieldPath): FieldError[] {
  return deepEqual(next, prev) ? [] : [invalid(path, next, FIELD_IMMUTABLE)];
}

export function validateNonnegativeField(value: number, path: FieldPath): FieldError[] {
  return value < 0 ? [invalid(path, value, IS_NEGATIVE)] : [];
}

/** Label keys are qualified names; the path stays the map's, without the key (as kube prints it). */
export function validateLabels(labels: Readonly<Record<string, string>> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    for (const msg of isQualifiedName(k)) errs.push(invalid(path, k, msg));
    for (const msg of isValidLabelValue(v)) errs.push(invalid(path, v, msg));
  }
  return errs;
}

/** Annotation keys are qualified names compared case-insensitively; values are free text within the budget. */
export function validateAnnotations(annotations: Readonly<Record<string, string>> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
    total += bytes(k) + bytes(v);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, '', TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

/** Group and version of an apiVersion string: "apps/v1" -> ["apps", "v1"], "v1" -> ["", "v1"]. */
function splitAPIVersion(apiVersion: string): [string, string] {
  const parts = apiVersion.split('/');
  if (parts.length === 1) return ['', apiVersion];
  if (parts.length === 2) return [parts[0], parts[1]];
  return ['', '']; // more than one "/" does not parse as a group version
}

function validateOwnerReference(ref: Frozen<OwnerReference>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const [group, version] = splitAPIVersion(ref.apiVersion ?? '');
  if (!version) errs.push(invalid(path.child('apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
  if (!ref.kind) errs.push(invalid(path.child('kind'), ref.kind ?? '', 'must not be empty'));
  if (!ref.name) errs.push(invalid(path.child('name'), ref.name ?? '', 'must not be empty'));
  if (!ref.uid) errs.push(invalid(path.child('uid'), ref.uid ?? '', 'must not be empty'));
  // Events are ephemeral and must never keep another object alive.
  if (group === '' && version === 'v1' && ref.kind === 'Event') {
    errs.push(invalid(path, ref, '/v1, Kind=Event is disallowed from being an owner'));
  }
  return errs;
}

export function validateOwnerReferences(refs: readonly Frozen<OwnerReference>[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    errs.push(...validateOwnerReference(ref, path));
    if (ref.controller !== true) continue;
    const current = `${ref.kind}/${ref.name}`;
    if (!firstController) firstController = current;
    else {
      const detail = `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`;
      errs.push(invalid(path, refs, detail));
    }
  }
  return errs;
}

export function validateFinalizers(finalizers: readonly string[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const list = finalizers ?? [];
  for (const f of list) for (const msg of isQualifiedName(f)) errs.push(invalid(path, f, msg));
  // Orphaning and foreground deletion are opposite instructions to the garbage collector.
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalid(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

/** No finalizer may join an object already being deleted: it could then never go away. */
export function validateNoNewFinalizers(next: readonly string[] | undefined, prev: readonly string[] | undefined, path: FieldPath): FieldError[] {
  const old = new Set(prev ?? []);
  const extra = [...new Set((next ?? []).filter((f) => !old.has(f)))].sort();
  if (extra.length === 0) return [];
  const shown = `[]string{${extra.map((f) => JSON.stringify(f)).join(', ')}}`;
  return [forbidden(path, `no new finalizers can be added if the object is being deleted, found new finalizers ${shown}`)];
}

export function validateManagedFields(entries: readonly Frozen<ManagedFieldsEntry>[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  (entries ?? []).forEach((entry, i) => {
    const p = path.index(i);
    if (entry.operation !== 'Apply' && entry.operation !== 'Update') {
      errs.push(invalid(p.child('operation'), entry.operation ?? '', 'must be `Apply` or `Update`'));
    }
    if (entry.fieldsType && entry.fieldsType !== 'FieldsV1') {
      errs.push(invalid(p.child('fieldsType'), entry.fieldsType, 'must be `FieldsV1`'));
    }
    if (entry.manager && bytes(entry.manager) > 128) errs.push(tooLong(p.child('manager'), entry.manager, 128));
  });
  return errs;
}

export interface ObjectMetaOptions {
  namespaced: boolean;
  validateName: ValidateNameFunc;
  /**
   * Built-in kinds (kube's pkg/apis/core/validation wrapper) also insist that a finalizer
   * without a domain is one of the standard ones. Defaults to true; custom resources pass false.
   */
  builtIn?: boolean;
}

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

/** A finalizer without a "domain/" prefix must be one Kubernetes itself defines. */
export function validateKubeFinalizerName(name: string, path: FieldPath): FieldError[] {
  if (name.includes('/') || STANDARD_FINALIZERS.has(name)) return [];
  return [invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified')];
}

export function validateKubeFinalizerNames(finalizers: readonly string[] | undefined, path: FieldPath): FieldError[] {
  return (finalizers ?? []).flatMap((f, i) => validateKubeFinalizerName(f, path.index(i)));
}

/** One finalizer name: a qualified name, and for built-in kinds a standard or domain-prefixed one. */
export function validateFinalizerName(name: string, path: FieldPath): FieldError[] {
  return [...isQualifiedName(name).map((msg) => invalid(path, name, msg)), ...validateKubeFinalizerName(name, path)];
}

/** ValidateObjectMeta: checks on create, after any generateName has been expanded. */
export function validateObjectMeta(meta: Meta, opts: ObjectMetaOptions, path?: FieldPath): FieldError[] {
  const p = metaPath(path);
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const msg of opts.validateName(meta.generateName, true)) errs.push(invalid(p.child('generateName'), meta.generateName, msg));
  }
  if (!meta.name) errs.push(required(p.child('name'), 'name or generateName is required'));
  else for (const msg of opts.validateName(meta.name, false)) errs.push(invalid(p.child('name'), meta.name, msg));
  if (opts.namespaced) {
    if (!meta.namespace) errs.push(required(p.child('namespace')));
    else for (const msg of nameIsDNSLabel(meta.namespace, false)) errs.push(invalid(p.child('namespace'), meta.namespace, msg));
  } else if (meta.namespace) {
    errs.push(forbidden(p.child('namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegativeField(meta.generation ?? 0, p.child('generation')));
  errs.push(...validateMetaMaps(meta, p));
  if (opts.builtIn !== false) errs.push(...validateKubeFinalizerNames(meta.finalizers, p.child('finalizers')));
  return errs;
}

function validateMetaMaps(meta: Meta, p: FieldPath): FieldError[] {
  return [
    ...validateLabels(meta.labels, p.child('labels')),
    ...validateAnnotations(meta.annotations, p.child('annotations')),
    ...validateOwnerReferences(meta.ownerReferences, p.child('ownerReferences')),
    ...validateFinalizers(meta.finalizers, p.child('finalizers')),
    ...validateManagedFields(meta.managedFields, p.child('managedFields')),
  ];
}

/** ValidateObjectMetaUpdate: identity fields are frozen; the rest re-validated. */
export function validateObjectMetaUpdate(next: Meta, prev: Meta, path?: FieldPath, opts: { builtIn?: boolean } = {}): FieldError[] {
  const p = metaPath(path);
  const errs: FieldError[] = [];
  if (prev.deletionTimestamp) errs.push(...validateNoNewFinalizers(next.finalizers, prev.finalizers, p.child('finalizers')));
  if (!next.resourceVersion) errs.push(invalid(p.child('resourceVersion'), next.resourceVersion ?? '', 'must be specified for an update'));
  if ((next.generation ?? 0) < (prev.generation ?? 0)) errs.push(invalid(p.child('generation'), next.generation ?? 0, 'must not be decremented'));
  errs.push(...validateImmutableField(next.name ?? '', prev.name ?? '', p.child('name')));
  errs.push(...validateImmutableField(next.namespace ?? '', prev.namespace ?? '', p.child('namespace')));
  errs.push(...validateImmutableField(next.uid ?? '', prev.uid ?? '', p.child('uid')));
  errs.push(...validateImmutableField(next.creationTimestamp ?? null, prev.creationTimestamp ?? null, p.child('creationTimestamp')));
  errs.push(...validateImmutableField(next.deletionTimestamp ?? null, prev.deletionTimestamp ?? null, p.child('deletionTimestamp')));
  errs.push(
    ...validateImmutableField(next.deletionGracePeriodSeconds ?? null, prev.deletionGracePeriodSeconds ?? null, p.child('deletionGracePeriodSeconds')),
  );
  errs.push(...validateMetaMaps({ ...next, finalizers: undefined }, p));
  if (opts.builtIn !== false) errs.push(...validateKubeFinalizerNames(next.finalizers, p.child('finalizers')));
  return errs;
}
