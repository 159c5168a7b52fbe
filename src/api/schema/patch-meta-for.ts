// Strategic-merge patch metadata read from the schema declarations.
// Kubernetes twin: k8s.io/apimachinery/pkg/util/strategicpatch PatchMetaFromOpenAPI(V3):
// a field's x-kubernetes-patch-strategy / -merge-key, then descend into the field's type
// (the element type of a list, the value type of a map).
import { NO_PATCH_META, type FieldPatchMeta, type PatchMeta, type PatchStrategy } from '../patch/patch-meta.js';
import type { FieldDecl, Shape } from './dsl.js';
import { typeNamed, typeOfKind } from './registry.js';

const cache = new Map<string, PatchMeta>();

function parseStrategies(value: string | undefined): PatchStrategy[] {
  if (!value) return [];
  return value.split(',').filter((s): s is PatchStrategy => s === 'merge' || s === 'replace' || s === 'retainKeys');
}

/** The meta of a value of this shape: lists and maps pass through to their elements. */
function metaOfShape(shape: Shape): PatchMeta {
  if (shape.type === 'array') return metaOfShape(shape.items);
  if (shape.type === 'map') return metaOfShape(shape.values);
  if (shape.type === 'ref') return metaOfDefinition(shape.ref);
  return NO_PATCH_META;
}

function fieldMeta(decl: FieldDecl): FieldPatchMeta {
  return {
    strategies: parseStrategies(decl.patchStrategy),
    ...(decl.patchMergeKey ? { mergeKey: decl.patchMergeKey } : {}),
    // Lazy: PodSpec refers back to itself through templates only, but Go types may recurse.
    get meta() {
      return metaOfShape(decl.shape);
    },
  };
}

/** The patch meta of a named definition; NO_PATCH_META for scalars and unknown names. */
export function metaOfDefinition(name: string): PatchMeta {
  const cached = cache.get(name);
  if (cached) return cached;
  const decl = typeNamed(name);
  if (!decl || decl.kind !== 'object') return NO_PATCH_META;
  const fields = new Map<string, FieldPatchMeta>();
  for (const [fieldName, field] of Object.entries(decl.fields)) fields.set(fieldName, fieldMeta(field));
  const meta: PatchMeta = { field: (fieldName) => fields.get(fieldName) };
  cache.set(name, meta);
  return meta;
}

/** The patch meta of a top-level kind; NO_PATCH_META (plain JSON merge) when the kind is unknown. */
export function patchMetaFor(group: string, version: string, kind: string): PatchMeta {
  const decl = typeOfKind(group, version, kind);
  return decl ? metaOfDefinition(decl.name) : NO_PATCH_META;
}
