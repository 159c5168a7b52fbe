// Fields no manager owns: object identity and bookkeeping (stripped from every manager's set),
// and the part of the object a write through another endpoint resets (status on the main
// resource, everything but status on /status).
// Kubernetes twin: managedfields/internal/stripmeta.go and the strategies' GetResetFields
// (e.g. pkg/registry/apps/deployment/strategy.go), used as structured-merge-diff IgnoredFields.
import { FieldSet, fieldToken, type PathToken } from './field-set.js';
import type { TypeNode } from './schema-types.js';

const meta = (name: string) => [fieldToken('metadata'), fieldToken(name)];

/** Removed as members only: a manager may still own metadata.labels, never metadata itself. */
export const STRIPPED: FieldSet = FieldSet.of(
  [fieldToken('apiVersion')],
  [fieldToken('kind')],
  [fieldToken('metadata')],
  meta('name'),
  meta('namespace'),
  meta('creationTimestamp'),
  meta('selfLink'),
  meta('uid'),
  meta('clusterName'),
  meta('generation'),
  meta('managedFields'),
  meta('resourceVersion'),
);

export type Subresource = '' | 'status' | 'scale' | (string & {});

const STATUS = fieldToken('status');
const isStatus = (top: PathToken) => top === STATUS;
const isNotStatus = (top: PathToken) => top !== STATUS;
const always = () => true;

/** Whether a path counts for a write through this endpoint, by its first element. */
export function countsFor(root: TypeNode, subresource: Subresource): (top: PathToken) => boolean {
  if (subresource === 'status') return isStatus;
  const hasStatus = root.t === 'struct' && 'status' in root.decl.fields;
  if (subresource === '' && hasStatus) return isNotStatus;
  return always;
}

/** The set as a manager may own it through this endpoint. */
export function ownable(set: FieldSet, root: TypeNode, subresource: Subresource): FieldSet {
  return set.filterTop(countsFor(root, subresource)).difference(STRIPPED);
}

/** A copy of the object without metadata.managedFields, for comparing and merging. */
export function withoutManagedFields<T extends object>(obj: T): T {
  const o = obj as { metadata?: Record<string, unknown> };
  if (!o.metadata || !('managedFields' in o.metadata)) return obj;
  const { managedFields: _drop, ...metadata } = o.metadata;
  return { ...obj, metadata } as T;
}
