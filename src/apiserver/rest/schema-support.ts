// What the handlers learn from the API schema: patch metadata for strategic merge patches, and
// the fields a body carries that the type does not have (?fieldValidation=Strict|Warn|Ignore).
// Kubernetes twin: the strict decoding of k8s.io/apiserver/pkg/endpoints/handlers (create.go,
// update.go, patch.go) and the Warning headers of k8s.io/apiserver/pkg/warning.
import * as errors from '../../api/errors.js';
import type { PatchMeta } from '../../api/patch/index.js';
import type { ResourceDefinition } from '../../api/registry/definition.js';
import { patchMetaFor as schemaPatchMeta } from '../../api/schema/patch-meta-for.js';
import { inspectObject } from '../../api/schema/inspect.js';
import { strictDecodingError, unknownFieldWarnings } from '../../api/schema/unknown-fields.js';
import type { KubeObject } from '../../api/types.js';
import type { WriteOptions } from './options.js';

const metaCache = new Map<string, PatchMeta>();

export function patchMetaFor(kind: { group: string; version: string; kind: string }): PatchMeta {
  const key = `${kind.group}/${kind.version}/${kind.kind}`;
  let meta = metaCache.get(key);
  if (!meta) metaCache.set(key, (meta = schemaPatchMeta(kind.group, kind.version, kind.kind)));
  return meta;
}

/**
 * Checks `obj` against the schema as the request's fieldValidation asks: Strict refuses unknown
 * fields with kube's 400, Warn adds a warning per field to `warnings`, Ignore does nothing.
 * `stored` is the version a patch started from: the parts the result shares with it are known good.
 */
export function checkFields(def: Pick<ResourceDefinition, 'group' | 'version' | 'kind'>, obj: KubeObject, opts: WriteOptions, warnings: string[], stored?: object): void {
  const { mismatch, unknown } = inspectObject(def.group, def.version, def.kind, obj, stored);
  // A value of the wrong JSON type fails decoding, whatever the field validation asked for.
  if (mismatch) throw errors.badRequest(`${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: ${mismatch}`);
  if (opts.fieldValidation === 'Ignore' || unknown.length === 0) return;
  if (opts.fieldValidation === 'Strict') {
    throw errors.badRequest(`${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: ${strictDecodingError(unknown)}`);
  }
  warnings.push(...unknownFieldWarnings(unknown));
}

/** The Warning header value: one `299 - "text"` per warning, as kube-apiserver writes them. */
export function warningHeader(warnings: readonly string[]): Record<string, string> {
  if (warnings.length === 0) return {};
  return { warning: warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(', ') };
}
