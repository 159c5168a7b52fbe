// What the generic store pipeline needs to know about one resource type. Adding a resource
// is one ResourceDefinition: names, scope, subresources, and its strategy (defaults,
// validation, what create and update may change). Kubernetes twin: the per-resource
// registry packages (pkg/registry/<group>/<resource>/strategy.go) and their REST storage.
import type { Draft } from 'immer';
import type { FieldError } from '../field-errors.js';
import type { Frozen, KubeObject } from '../types.js';

/** How objects of one API version map onto the stored form of another resource. */
export interface Conversion {
  /** The storage resource the objects live in ("events"). */
  resource: string;
  toStorage(obj: Frozen<KubeObject> | KubeObject): KubeObject;
  fromStorage(obj: Frozen<KubeObject>): KubeObject;
}

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export const ALL_VERBS: readonly Verb[] = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export type Obj = Frozen<KubeObject>;
export type MutableObj = Draft<KubeObject>;

/** Where the scale subresource finds replicas in the parent object. */
export interface ScaleSubresource {
  /** "spec.replicas" */
  specReplicasPath: string[];
  /** "status.replicas" */
  statusReplicasPath: string[];
  /** "spec.selector": a metav1.LabelSelector rendered as a string in Scale.status.selector. */
  labelSelectorPath: string[];
}

/** Context the strategies may use: the time of the request. */
export interface StrategyContext {
  now: number;
}

export interface Strategy {
  /** Scheme defaults, applied to every body decoded for this type (create, update, patch results). */
  defaults?(obj: MutableObj): void;
  /** Create-time normalisation (e.g. clearing status). Runs after defaults, before validation. */
  prepareForCreate?(obj: MutableObj, ctx: StrategyContext): void;
  validate?(obj: Obj): FieldError[];
  /** Update-time normalisation of the main resource (status kept, generation handled generically). */
  prepareForUpdate?(next: MutableObj, prev: Obj): void;
  validateUpdate?(next: Obj, prev: Obj): FieldError[];
  /** Update-time normalisation of the status subresource. */
  prepareForStatusUpdate?(next: MutableObj, prev: Obj): void;
  validateStatusUpdate?(next: Obj, prev: Obj): FieldError[];
  /**
   * The metadata fields a status write leaves as they were; by default labels, annotations,
   * finalizers and ownerReferences (ResetObjectMetaForStatus). Deployments reset only labels,
   * as their controller writes the revision annotation through status.
   */
  statusKeepsMetadata?: readonly ('labels' | 'annotations' | 'finalizers' | 'ownerReferences')[];
  /** Annotation changes move metadata.generation too (Deployments copy annotations to ReplicaSets). */
  generationFollowsAnnotations?: boolean;
  /** Deletion of this object waits for a grace period (pods bound to a node): seconds, or 0 for now. */
  gracePeriodSeconds?(obj: Obj, requested: number | undefined): number;
  /** Refuses a delete outright by throwing (the built-in namespaces). */
  checkDelete?(obj: Obj): void;
  /** Something other than finalizers keeps a marked object (a namespace's spec.finalizers). */
  deletionBlocked?(obj: Obj): boolean;
  /** What marking for deletion changes beyond deletionTimestamp (a namespace turns Terminating). */
  markDeleting?(obj: MutableObj): void;
}

export interface ResourceDefinition {
  group: string; // "" for the core group
  version: string;
  resource: string; // plural, lower case: "pods"
  kind: string;
  singular: string;
  namespaced: boolean;
  shortNames: readonly string[];
  categories: readonly string[];
  verbs: readonly Verb[];
  /** metadata.generation starts at 1 and moves only when something outside metadata and status changes. */
  tracksGeneration: boolean;
  /** A status subresource: the main resource cannot write status, the subresource writes only status. */
  statusSubresource: boolean;
  scale?: ScaleSubresource;
  /** PUT of a missing object creates it (Endpoints, Leases, ...). */
  allowCreateOnUpdate: boolean;
  /** DELETE answers with the deleted object rather than a Status. */
  returnDeletedObject: boolean;
  /** The propagation policy when DeleteOptions has none. */
  defaultPropagation: 'Background' | 'Orphan';
  strategy: Strategy;
  /** Objects live in another resource's storage and are converted (events.k8s.io Events). */
  storedAs?: Conversion;
  /**
   * Objects are not stored but computed when read from the state of the cluster (metrics.k8s.io,
   * which metrics-server serves in a real cluster): only get and list, answered by the server.
   */
  computed?: boolean;
  /**
   * Nothing is stored: a create asks a question and comes back answered in its status
   * (SelfSubjectAccessReview and its kin). Only create; the strategy's validate still applies.
   */
  review?: (obj: Obj) => object;
}

export const apiVersionOf = (d: { group: string; version: string }): string => (d.group ? `${d.group}/${d.version}` : d.version);

/** "pods", "deployments.apps": the name storage and error messages use. */
export const qualifiedResource = (d: { group: string; resource: string }): string => (d.group ? `${d.resource}.${d.group}` : d.resource);

type DefinitionInput = Pick<ResourceDefinition, 'group' | 'version' | 'resource' | 'kind' | 'namespaced'> & Partial<ResourceDefinition>;

/** A definition with the common defaults filled in. */
export function defineResource(input: DefinitionInput): ResourceDefinition {
  return {
    singular: input.kind.toLowerCase(),
    shortNames: [],
    categories: [],
    verbs: ALL_VERBS,
    tracksGeneration: false,
    statusSubresource: false,
    allowCreateOnUpdate: false,
    returnDeletedObject: false,
    defaultPropagation: 'Background',
    strategy: {},
    ...input,
  };
}
