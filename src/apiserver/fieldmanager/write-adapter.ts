// The field manager as the store pipeline calls it: one call per write to set
// metadata.managedFields, and the apply patch turned into the next version of the object.
// Kubernetes twin: where k8s.io/apiserver/pkg/endpoints/handlers call the FieldManager
// (create.go: UpdateNoErrors against a new empty object; update.go and patch.go: UpdateNoErrors
// as an update transformer; patch.go applyPatcher: Apply, creating the object when missing).
import * as errors from '../../api/errors.js';
import { parseYaml } from '../../api/yaml/yaml.js';
import type { KubeObject, ManagedFieldsEntry } from '../../api/types.js';
import { rfc3339 } from '../../clock/clock.js';
import { applyConfiguration } from './apply.js';
import type { Subresource } from './ignored-fields.js';
import { isPlainObject } from './schema-types.js';
import { createManagedFields } from './create-shape.js';
import { updateManagedFields } from './update.js';

export { checkPatchOptions, managerOrUserAgent, prefixFromUserAgent } from './manager-name.js';

/** The PATCH Content-Type of server-side apply (kubectl sends JSON in it). */
export const APPLY_PATCH_TYPE = 'application/apply-patch+yaml';

export interface KindOf {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

export const isApplyPatch = (contentType: string | undefined): boolean => (contentType ?? '').split(';')[0].trim().toLowerCase() === APPLY_PATCH_TYPE;

/** The `force` query parameter of an apply. */
export const parseForce = (q: URLSearchParams): boolean => q.get('force') === 'true';

type Meta = { metadata: { managedFields?: ManagedFieldsEntry[] } };

export interface RecordArgs {
  /** The stored version before this write; undefined on create. */
  prev: object | undefined;
  /**
   * metadata.managedFields of the object the client's request produced (body, patch result or
   * apply result), read before the pipeline scrubs system fields.
   */
  sent: ManagedFieldsEntry[] | undefined;
  manager: string;
  subresource: Subresource;
  /** True when the write is an apply: `sent` is then the apply's own result, kept as is. */
  applied: boolean;
  /** Clock milliseconds. */
  now: number;
}

/**
 * Sets draft.metadata.managedFields for a write about to be stored (create, update, patch,
 * status, scale). Call it last, after defaults and the strategy's prepare step.
 */
export function recordManagedFields(kind: KindOf, draft: Meta, args: RecordArgs): void {
  let entries: ManagedFieldsEntry[] | undefined;
  if (args.applied) {
    entries = args.sent;
  } else {
    // Only the three names: `kind` is often a whole resource definition, far too big to spread.
    const update = { group: kind.group, version: kind.version, kind: kind.kind, prev: args.prev, next: draft, sent: args.sent, manager: args.manager, subresource: args.subresource, now: rfc3339(args.now) };
    // A create that sent no managedFields owns what its shape says (see create-shape.ts).
    entries = args.prev === undefined && args.sent === undefined ? createManagedFields(update, () => updateManagedFields(update)) : updateManagedFields(update);
  }
  if (entries && entries.length > 0) draft.metadata.managedFields = entries;
  else delete draft.metadata.managedFields;
}

/** The decoded apply body: YAML (of which JSON, what kubectl sends, is a part). */
export function parseApplyPatch(body: Buffer | undefined): Record<string, unknown> {
  const text = body ? body.toString('utf8') : '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    try {
      parsed = parseYaml(text);
    } catch (e) {
      throw errors.badRequest(`error decoding YAML: ${(e as Error).message}`);
    }
  }
  if (!isPlainObject(parsed)) throw errors.badRequest('error decoding YAML: the apply patch must be a JSON object');
  return parsed;
}

export interface ApplyRequest {
  readonly applied: Record<string, unknown>;
  readonly manager: string;
  readonly force: boolean;
  readonly subresource?: Subresource;
  /** Clock milliseconds. */
  readonly now: number;
}

/**
 * The object an apply leads to, from the stored one (or from nothing, to create it), its
 * managedFields set. Use as the update's next version and as its create-if-missing body.
 */
export function applyPatchObject(kind: KindOf, current: object | undefined, req: ApplyRequest): KubeObject {
  return applyConfiguration({
    group: kind.group,
    version: kind.version,
    kind: kind.kind,
    current,
    applied: req.applied,
    manager: req.manager,
    force: req.force,
    now: rfc3339(req.now),
    subresource: req.subresource,
  }) as KubeObject;
}
