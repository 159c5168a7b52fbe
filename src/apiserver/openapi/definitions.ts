// Which definitions a document carries: the declared ones, plus a stand-in open schema for a
// served kind the schema does not declare, so explain and apply still find it by GVK.
// Kubernetes twin: kube-openapi's builder, which walks the refs of every route's types.
import type { GroupVersionKind } from '../../api/schema/dsl.js';
import { definitionSchema, refsOfShape, type Dialect, type JsonSchema } from '../../api/schema/openapi-schema.js';
import { META } from '../../api/schema/names.js';
import { typeNamed, typeOfKind } from '../../api/schema/registry.js';

export const META_DEFINITION = {
  status: META + 'Status',
  deleteOptions: META + 'DeleteOptions',
  watchEvent: META + 'WatchEvent',
  patch: META + 'Patch',
  apiVersions: META + 'APIVersions',
  apiGroupList: META + 'APIGroupList',
  apiGroup: META + 'APIGroup',
  apiResourceList: META + 'APIResourceList',
} as const;

/** "io.k8s.api.rbac.v1.Role" for an undeclared kind: Kubernetes' naming, by the group's first label. */
function standInName(group: string, version: string, kind: string): string {
  return `io.k8s.api.${group === '' ? 'core' : group.split('.')[0]}.${version}.${kind}`;
}

/** The definition name of a kind, declared or stand-in. */
export function definitionNameFor(group: string, version: string, kind: string): string {
  return typeOfKind(group, version, kind)?.name ?? standInName(group, version, kind);
}

/** Collects definitions reachable from root names, creating stand-ins for undeclared kinds. */
export class DefinitionSet {
  private readonly schemas = new Map<string, JsonSchema>();
  private readonly standIns = new Map<string, GroupVersionKind>();

  constructor(private readonly dialect: Dialect) {}

  /** Registers a served kind (declared or not) and everything it refers to. */
  addKind(gvk: GroupVersionKind): string {
    const name = definitionNameFor(gvk.group, gvk.version, gvk.kind);
    if (!typeNamed(name)) this.standIns.set(name, gvk);
    this.add(name);
    return name;
  }

  add(name: string): void {
    if (this.schemas.has(name)) return;
    const decl = typeNamed(name);
    if (!decl) {
      const gvk = this.standIns.get(name);
      this.schemas.set(name, {
        description: `${gvk?.kind ?? name} (no schema is declared for it in this simulator).`,
        type: 'object',
        'x-kubernetes-preserve-unknown-fields': true,
        ...(gvk ? { 'x-kubernetes-group-version-kind': [{ ...gvk }] } : {}),
      });
      return;
    }
    this.schemas.set(name, definitionSchema(decl, this.dialect));
    const shapes = decl.kind === 'scalar' ? [decl.shape] : Object.values(decl.fields).map((f) => f.shape);
    for (const shape of shapes) for (const ref of refsOfShape(shape)) this.add(ref);
  }

  /** The collected schemas, sorted by name as kube-openapi emits them. */
  toObject(): Record<string, JsonSchema> {
    const out: Record<string, JsonSchema> = {};
    for (const name of [...this.schemas.keys()].sort()) out[name] = this.schemas.get(name) as JsonSchema;
    return out;
  }
}
