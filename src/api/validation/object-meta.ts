// Metadata rules every object obeys on create and update.
// Kubernetes twins: k8s.io/apimachinery/pkg/api/validation/objectmeta.go and
// k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go (labels, managedFields).

import { FieldPath, forbidden, invalid, required, tooLong, type FieldError } from '../field-errors.js';
import type { Frozen, ManagedFieldsEntry, ObjectMeta, OwnerReference } from '../types.js';
import { isLongerInUTF8, isQualifiedName, isValidLabelValue, nameIsDNSLabel, qualifiedNameOk, type ValidateNameFunc } from './names.js';

export const FIELD_IMMUTABLE = 'field is immutable';
export const IS_NEGATIVE = 'must be greater than or equal to 0';
/** Annotations share one budget of 256 KiB, keys and values counted together in bytes. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

type Meta = Frozen<ObjectMeta>;
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
  // for-in over a decoded JSON map visits its own keys in Object.entries order, without the pair arrays.
  for (const k in labels) {
    const v = labels[k];
    for (const msg of isQualifiedName(k)) errs.push(invalid(path, k, msg));
    for (const msg of isValidLabelValue(v)) errs.push(invalid(path, v, msg));
  }
  return errs;
}

/** A UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair is 4 for 2 units). */
const MAX_UTF8_BYTES_PER_UNIT = 3;

/** Annotation keys are qualified names compared case-insensitively; values are free text within the budget. */
export function validateAnnotations(annotations: Readonly<Record<string, string>> | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let units = 0;
  for (const k in annotations) {
    // Upper case is the only thing lowering changes that the check could see: skip the copy.
    if (!qualifiedNameOk(k)) for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(path, k, msg));
    const v = annotations[k];
    // A value that is not a string (the schema forbids one) is measured now, to fail as before.
    units += k.length + (typeof v === 'string' ? v.length : bytes(v));
  }
  // Bytes are only counted when the units could reach the budget; below it they cannot.
  if (units * MAX_UTF8_BYTES_PER_UNIT > TOTAL_ANNOTATION_SIZE_LIMIT) {
    let total = 0;
    for (const k in annotations) total += bytes(k) + bytes(annotations[k]);
    if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, '', TOTAL_ANNOTATION_SIZE_LIMIT));
  }
  return errs;
}

function validateOwnerReference(ref: Frozen<OwnerReference>, path: FieldPath, errs: FieldError[]): void {
  // Group and version, as "apps/v1" -> "apps", "v1" and "v1" -> "", "v1"; with more than one "/"
  // the string does not parse as a group version and both are "". Found without splitting.
  const apiVersion = ref.apiVersion ?? '';
  const slash = apiVersion.indexOf('/');
  const parses = slash < 0 || apiVersion.indexOf('/', slash + 1) < 0;
  const groupIsCore = slash <= 0 || !parses;
  const version = !parses ? '' : slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  if (!version) errs.push(invalid(path.child('apiVersion'), ref.apiVersion ?? '', 'version must not be empty'));
  if (!ref.kind) errs.push(invalid(path.child('kind'), ref.kind ?? '', 'must not be empty'));
  if (!ref.name) errs.push(invalid(path.child('name'), ref.name ?? '', 'must not be empty'));
  if (!ref.uid) errs.push(invalid(path.child('uid'), ref.uid ?? '', 'must not be empty'));
  // Events are ephemeral and must never keep another object alive.
  if (groupIsCore && version === 'v1' && ref.kind === 'Event') {
    errs.push(invalid(path, ref, '/v1, Kind=Event is disallowed from being an owner'));
  }
}

export function validateOwnerReferences(refs: readonly Frozen<OwnerReference>[] | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    validateOwnerReference(ref, path, errs);
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
  if (!entries) return errs;
  // Entry paths are built only for an entry with something to report.
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (entry.operation !== 'Apply' && entry.operation !== 'Update') {
      errs.push(invalid(path.index(i).child('operation'), entry.operation ?? '', 'must be `Apply` or `Update`'));
    }
    if (entry.fieldsType && entry.fieldsType !== 'FieldsV1') {
      errs.push(invalid(path.index(i).child('fieldsType'), entry.fieldsType, 'must be `FieldsV1`'));
    }
    if (entry.manager && isLongerInUTF8(entry.manager, 128)) errs.push(tooLong(path.index(i).child('manager'), entry.manager, 128));
  }
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
  const errs: FieldError[] = [];
  if (!finalizers) return errs;
  for (let i = 0; i < finalizers.length; i++) errs.push(...validateKubeFinalizerName(finalizers[i], path.index(i)));
  return errs;
}

/** One finalizer name: a qualified name, and for built-in kinds a standard or domain-prefixed one. */
export function validateFinalizerName(name: string, path: FieldPath): FieldError[] {
  return [...isQualifiedName(name).map((msg) => invalid(path, name, msg)), ...validateKubeFinalizerName(name, path)];
}

/** The paths metadata errors are reported at, built once per metadata path. */
interface MetaPaths {
  readonly name: FieldPath;
  readonly generateName: FieldPath;
  readonly namespace: FieldPath;
  readonly generation: FieldPath;
  readonly labels: FieldPath;
  readonly annotations: FieldPath;
  readonly ownerReferences: FieldPath;
  readonly finalizers: FieldPath;
  readonly managedFields: FieldPath;
  readonly resourceVersion: FieldPath;
  readonly uid: FieldPath;
  readonly creationTimestamp: FieldPath;
  readonly deletionTimestamp: FieldPath;
  readonly deletionGracePeriodSeconds: FieldPath;
}

function metaPathsUnder(meta: FieldPath): MetaPaths {
  return {
    name: meta.child('name'),
    generateName: meta.child('generateName'),
    namespace: meta.child('namespace'),
    generation: meta.child('generation'),
    labels: meta.child('labels'),
    annotations: meta.child('annotations'),
    ownerReferences: meta.child('ownerReferences'),
    finalizers: meta.child('finalizers'),
    managedFields: meta.child('managedFields'),
    resourceVersion: meta.child('resourceVersion'),
    uid: meta.child('uid'),
    creationTimestamp: meta.child('creationTimestamp'),
    deletionTimestamp: meta.child('deletionTimestamp'),
    deletionGracePeriodSeconds: meta.child('deletionGracePeriodSeconds'),
  };
}

/**
 * Nearly every object is checked at "metadata", and FieldPaths never change: those paths are built
 * once, not on every call (a path under a template's metadata is built per call, as before).
 */
const ROOT_META_PATHS = metaPathsUnder(FieldPath.root('metadata'));
const metaPaths = (path?: FieldPath): MetaPaths => (path === undefined || path.text === 'metadata' ? ROOT_META_PATHS : metaPathsUnder(path));

/** ValidateObjectMeta: checks on create, after any generateName has been expanded. */
export function validateObjectMeta(meta: Meta, opts: ObjectMetaOptions, path?: FieldPath): FieldError[] {
  const p = metaPaths(path);
  const errs: FieldError[] = [];
  if (meta.generateName) {
    for (const msg of opts.validateName(meta.generateName, true)) errs.push(invalid(p.generateName, meta.generateName, msg));
  }
  if (!meta.name) errs.push(required(p.name, 'name or generateName is required'));
  else for (const msg of opts.validateName(meta.name, false)) errs.push(invalid(p.name, meta.name, msg));
  if (opts.namespaced) {
    if (!meta.namespace) errs.push(required(p.namespace));
    else for (const msg of nameIsDNSLabel(meta.namespace, false)) errs.push(invalid(p.namespace, meta.namespace, msg));
  } else if (meta.namespace) {
    errs.push(forbidden(p.namespace, 'not allowed on this type'));
  }
  const generation = meta.generation ?? 0;
  if (generation < 0) errs.push(invalid(p.generation, generation, IS_NEGATIVE));
  validateMetaMaps(meta, meta.finalizers, p, errs);
  if (opts.builtIn !== false && meta.finalizers) errs.push(...validateKubeFinalizerNames(meta.finalizers, p.finalizers));
  return errs;
}

/** Labels .. managedFields, appended to errs; `finalizers` stands in for meta.finalizers. */
function validateMetaMaps(meta: Meta, finalizers: readonly string[] | undefined, p: MetaPaths, errs: FieldError[]): void {
  // Each check is skipped when its field is absent: none reports anything for an absent field.
  if (meta.labels) errs.push(...validateLabels(meta.labels, p.labels));
  if (meta.annotations) errs.push(...validateAnnotations(meta.annotations, p.annotations));
  if (meta.ownerReferences) errs.push(...validateOwnerReferences(meta.ownerReferences, p.ownerReferences));
  if (finalizers) errs.push(...validateFinalizers(finalizers, p.finalizers));
  if (meta.managedFields) errs.push(...validateManagedFields(meta.managedFields, p.managedFields));
}

/** `errs` gains "field is immutable" at `path` when next and prev differ. */
function checkImmutable(next: unknown, prev: unknown, path: FieldPath, errs: FieldError[]): void {
  if (!deepEqual(next, prev)) errs.push(invalid(path, next, FIELD_IMMUTABLE));
}

/** ValidateObjectMetaUpdate: identity fields are frozen; the rest re-validated. */
export function validateObjectMetaUpdate(next: Meta, prev: Meta, path?: FieldPath, opts: { builtIn?: boolean } = {}): FieldError[] {
  const p = metaPaths(path);
  const errs: FieldError[] = [];
  if (prev.deletionTimestamp) errs.push(...validateNoNewFinalizers(next.finalizers, prev.finalizers, p.finalizers));
  if (!next.resourceVersion) errs.push(invalid(p.resourceVersion, next.resourceVersion ?? '', 'must be specified for an update'));
  if ((next.generation ?? 0) < (prev.generation ?? 0)) errs.push(invalid(p.generation, next.generation ?? 0, 'must not be decremented'));
  checkImmutable(next.name ?? '', prev.name ?? '', p.name, errs);
  checkImmutable(next.namespace ?? '', prev.namespace ?? '', p.namespace, errs);
  checkImmutable(next.uid ?? '', prev.uid ?? '', p.uid, errs);
  checkImmutable(next.creationTimestamp ?? null, prev.creationTimestamp ?? null, p.creationTimestamp, errs);
  checkImmutable(next.deletionTimestamp ?? null, prev.deletionTimestamp ?? null, p.deletionTimestamp, errs);
  checkImmutable(next.deletionGracePeriodSeconds ?? null, prev.deletionGracePeriodSeconds ?? null, p.deletionGracePeriodSeconds, errs);
  // Finalizers are left out of the re-validation on update: only the kube name rule applies.
  validateMetaMaps(next, undefined, p, errs);
  if (opts.builtIn !== false && next.finalizers) errs.push(...validateKubeFinalizerNames(next.finalizers, p.finalizers));
  return errs;
}
