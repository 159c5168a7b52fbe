// Pods and pod templates: the entry points the API server calls on create, update,
// status update and binding. Kubernetes twins: pkg/apis/core/validation/validation.go
// (ValidatePodCreate, ValidatePodUpdate, ValidatePodStatusUpdate, ValidatePodBinding,
// ValidatePodTemplateSpec) and pkg/apis/apps/validation (ValidatePodTemplateSpecForReplicaSet).
import { FieldPath, forbidden, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import type { Binding, Pod, PodTemplateSpec } from '../types/pod.js';
import { nameIsDNSSubdomain } from './names.js';
import { validateAnnotations, validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';
import { hasPaddedImage, validateImageWhitespace } from './pod-containers.js';
import { validatePodSpec } from './pod-spec.js';
import { validatePodSpecUpdate } from './pod-update.js';

export { validatePodSpec } from './pod-spec.js';
export { validatePodStatusUpdate, UPDATABLE_POD_SPEC_FIELDS } from './pod-update.js';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** Annotations with meaning for a pod: a mirror (static) pod must already be on a node. */
function validatePodAnnotations(pod: Pod, meta: FieldPath): FieldError[] {
  const mirror = pod.metadata.annotations?.[MIRROR_POD_ANNOTATION];
  if (mirror !== undefined && !pod.spec?.nodeName) {
    return [invalid(meta.child('annotations').key(MIRROR_POD_ANNOTATION), mirror, 'must set spec.nodeName if mirror pod annotation is set')];
  }
  return [];
}

/** Pods are checked at these roots; FieldPaths never change, so they are built once. */
const METADATA = FieldPath.root('metadata');
const SPEC = FieldPath.root('spec');
const POD_META_OPTIONS = { namespaced: true, validateName: nameIsDNSSubdomain };

/** validatePodMetadataAndSpec: shared by create and update. */
function validateMetadataAndSpec(pod: Pod): FieldError[] {
  const errs = validateObjectMeta(pod.metadata, POD_META_OPTIONS, METADATA);
  errs.push(...validatePodAnnotations(pod, METADATA));
  errs.push(...validatePodSpec(pod.spec, SPEC, { isPod: true }));
  // A projected token is minted for the pod's service account; without one there is nothing to mint.
  const volumes = pod.spec.volumes;
  if (!pod.spec.serviceAccountName && volumes) {
    for (let vi = 0; vi < volumes.length; vi++) {
      const sources = volumes[vi].projected?.sources ?? [];
      for (let si = 0; si < sources.length; si++) {
        if (!sources[si].serviceAccountToken) continue;
        const at = SPEC.child('volumes').index(vi).child('projected').child('sources').index(si).child('serviceAccountToken');
        errs.push(forbidden(at, 'must not be specified when serviceAccountName is not set'));
      }
    }
  }
  // Image paths are built only for a padded image.
  const containers = pod.spec.containers ?? [];
  for (let i = 0; i < containers.length; i++) {
    if (hasPaddedImage(containers[i])) errs.push(...validateImageWhitespace(containers[i], SPEC.child('containers').index(i)));
  }
  const inits = pod.spec.initContainers ?? [];
  for (let i = 0; i < inits.length; i++) {
    if (hasPaddedImage(inits[i])) errs.push(...validateImageWhitespace(inits[i], SPEC.child('initContainers').index(i)));
  }
  return errs;
}

/** ValidatePodCreate: a new pod, after defaulting and admission. */
export function validatePod(pod: Pod): FieldError[] {
  if (!pod.spec) return [...validateObjectMeta(pod.metadata, POD_META_OPTIONS), required(SPEC.child('containers'))];
  const errs = validateMetadataAndSpec(pod);
  // Debug containers arrive later, through the ephemeralcontainers subresource.
  if (pod.spec.ephemeralContainers?.length) errs.push(forbidden(SPEC.child('ephemeralContainers'), 'cannot be set on create'));
  if (pod.spec.nodeName && pod.spec.schedulingGates?.length) {
    errs.push(forbidden(SPEC.child('nodeName'), 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

/**
 * ValidatePodUpdate: the whole pod is re-validated, then the spec may differ from the old
 * one only in images, activeDeadlineSeconds, added tolerations, removed scheduling gates
 * and a negative grace period raised to 1.
 */
export function validatePodUpdate(next: Pod, prev: Pod): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, prev.metadata, METADATA);
  errs.push(...validateMetadataAndSpec(next));
  const mirrorBefore = prev.metadata.annotations?.[MIRROR_POD_ANNOTATION];
  const mirrorAfter = next.metadata.annotations?.[MIRROR_POD_ANNOTATION];
  if (mirrorBefore !== mirrorAfter) {
    const path = FieldPath.root('metadata').child('annotations').key(MIRROR_POD_ANNOTATION);
    errs.push(forbidden(path, mirrorBefore === undefined ? 'may not add mirror pod annotation' : 'may not remove or update mirror pod annotation'));
  }
  return [...errs, ...validatePodSpecUpdate(next.spec, prev.spec)];
}

/** ValidatePodTemplateSpec: a template inside a workload (labels under `<path>.labels`, as kube prints). */
export function validatePodTemplateSpec(template: PodTemplateSpec, path: FieldPath): FieldError[] {
  const meta = template.metadata ?? {};
  const errs = validateLabels(meta.labels, path.child('labels'));
  errs.push(...validateAnnotations(meta.annotations, path.child('annotations')));
  errs.push(...validatePodSpec(template.spec, path.child('spec'), { isPod: false }));
  if (template.spec?.ephemeralContainers?.length) {
    errs.push(forbidden(path.child('spec').child('ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

/**
 * A ReplicaSet's or Deployment's template (apps ValidatePodTemplateSpecForReplicaSet): the
 * selector must match its labels, pods restart Always and run without a deadline. Kubernetes
 * says "ReplicaSet" in the deadline message for Deployments too; `kind` lets other workloads
 * (StatefulSet, DaemonSet) name themselves.
 */
export function validatePodTemplateSpecForReplicaSet(
  template: PodTemplateSpec | undefined,
  path: FieldPath,
  opts: { selectorMatches?: (labels: Readonly<Record<string, string>>) => boolean; kind?: string } = {},
): FieldError[] {
  if (!template) return [required(path)];
  const errs: FieldError[] = [];
  const labels = template.metadata?.labels ?? {};
  if (opts.selectorMatches && !opts.selectorMatches(labels)) {
    errs.push(invalid(path.child('metadata').child('labels'), labels, '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplateSpec(template, path));
  const spec = path.child('spec');
  if (template.spec?.restartPolicy !== 'Always') errs.push(notSupported(spec.child('restartPolicy'), template.spec?.restartPolicy ?? '', ['Always']));
  if (template.spec?.activeDeadlineSeconds !== undefined && template.spec?.activeDeadlineSeconds !== null) {
    errs.push(forbidden(spec.child('activeDeadlineSeconds'), `activeDeadlineSeconds in ${opts.kind ?? 'ReplicaSet'} is not Supported`));
  }
  return errs;
}

/** ValidatePodBinding: the scheduler's POST to pods/<name>/binding. */
export function validatePodBinding(binding: Binding): FieldError[] {
  const errs: FieldError[] = [];
  const target = binding.target ?? {};
  if (target.kind && target.kind !== 'Node') errs.push(notSupported(FieldPath.root('target').child('kind'), target.kind, ['Node', '<empty>']));
  if (!target.name) errs.push(required(FieldPath.root('target').child('name')));
  return errs;
}
