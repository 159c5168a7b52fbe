// What a strategic merge patch needs to know about a type: for each field, how lists and maps
// merge. Kubernetes twin: k8s.io/apimachinery/pkg/util/strategicpatch (LookupPatchMeta), fed
// from the Go struct tags `patchStrategy` / `patchMergeKey` (or the OpenAPI extensions
// x-kubernetes-patch-strategy / x-kubernetes-patch-merge-key). The schema module implements it.

export type PatchStrategy = 'merge' | 'replace' | 'retainKeys';

export interface FieldPatchMeta {
  /** Parsed from e.g. "merge,retainKeys"; empty means the default (replace for lists, recursive merge for maps). */
  readonly strategies: readonly PatchStrategy[];
  /** For lists merged by key: the key of each element ("name", "containerPort", ...). */
  readonly mergeKey?: string;
  /** The meta of the field's value: of the element type for a list, of the value type for a map. */
  readonly meta: PatchMeta;
}

export interface PatchMeta {
  /** How field `name` of this object patches; undefined when nothing is known about it. */
  field(name: string): FieldPatchMeta | undefined;
}

/** Knows nothing: strategic merge then behaves as a JSON merge patch (lists replaced). */
export const NO_PATCH_META: PatchMeta = { field: () => undefined };
