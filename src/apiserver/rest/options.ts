// Query parameters of resource requests, parsed and checked as kube-apiserver does.
// Kubernetes twin: metav1.ListOptions / GetOptions / CreateOptions / DeleteOptions and their
// validation (k8s.io/apimachinery/pkg/apis/meta/internalversion/validation).
import * as errors from '../../api/errors.js';
import type { DeleteOptions } from '../../api/types.js';
import { managerOrUserAgent } from '../fieldmanager/write-adapter.js';
import { isTrue } from '../request-info.js';
import type { ReadConsistency } from '../storage/storage.js';

export interface WriteOptions {
  dryRun: boolean;
  fieldManager?: string;
  /** Who the write's fields are recorded for in managedFields (fieldManager, or from the User-Agent). */
  manager: string;
  /** The write is a server-side apply. */
  applied?: boolean;
  /** The subresource managedFields record the write under ("scale" writes update the main object). */
  fieldsSubresource?: string;
  fieldValidation: 'Ignore' | 'Warn' | 'Strict';
}

export interface ListQuery {
  labelSelector: string;
  fieldSelector: string;
  consistency: ReadConsistency;
  limit?: number;
  continueToken?: string;
  /** Watch only: where to start (undefined: now, with the current state first). */
  watchFrom?: number;
  allowWatchBookmarks: boolean;
  sendInitialEvents?: boolean;
  timeoutSeconds?: number;
}

export function parseRevision(text: string, what = 'resource version'): number {
  if (!/^[0-9]+$/.test(text)) throw errors.badRequest(`invalid ${what}: ${text}`);
  return Number(text);
}

function parseBool(q: URLSearchParams, name: string): boolean {
  return isTrue(q.get(name));
}

function parseInteger(q: URLSearchParams, name: string): number | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (!/^-?[0-9]+$/.test(v)) throw errors.badRequest(`invalid value for ${name}: ${v}`);
  return Number(v);
}

/** resourceVersion + resourceVersionMatch as the read consistency they mean. */
export function parseConsistency(q: URLSearchParams, forList: boolean): ReadConsistency {
  const rv = q.get('resourceVersion') ?? '';
  const match = q.get('resourceVersionMatch') ?? '';
  if (match && !forList) throw errors.badRequest('resourceVersionMatch is only supported for list');
  if (match === '') {
    if (rv === '') return { kind: 'latest' };
    if (rv === '0') return { kind: 'any' };
    return { kind: 'notOlderThan', revision: parseRevision(rv) };
  }
  if (rv === '') {
    throw errors.invalid({ group: 'meta.k8s.io', kind: 'ListOptions' }, '', [
      { type: 'FieldValueForbidden', field: 'resourceVersionMatch', detail: 'resourceVersionMatch is forbidden unless resourceVersion is provided' },
    ]);
  }
  if (match === 'NotOlderThan') return rv === '0' ? { kind: 'any' } : { kind: 'notOlderThan', revision: parseRevision(rv) };
  if (match === 'Exact') {
    if (rv === '0') {
      throw errors.invalid({ group: 'meta.k8s.io', kind: 'ListOptions' }, '', [
        { type: 'FieldValueForbidden', field: 'resourceVersionMatch', detail: 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"' },
      ]);
    }
    return { kind: 'exact', revision: parseRevision(rv) };
  }
  throw errors.invalid({ group: 'meta.k8s.io', kind: 'ListOptions' }, '', [
    { type: 'FieldValueNotSupported', field: 'resourceVersionMatch', badValue: match, detail: 'supported values: "Exact", "NotOlderThan", ""' },
  ]);
}

export function parseListQuery(q: URLSearchParams, watch: boolean): ListQuery {
  const limit = parseInteger(q, 'limit');
  const timeoutSeconds = parseInteger(q, 'timeoutSeconds');
  const continueToken = q.get('continue') || undefined;
  const sendInitial = q.get('sendInitialEvents');
  const query: ListQuery = {
    labelSelector: q.get('labelSelector') ?? '',
    fieldSelector: q.get('fieldSelector') ?? '',
    consistency: { kind: 'latest' },
    limit: limit && limit > 0 ? limit : undefined,
    continueToken,
    allowWatchBookmarks: parseBool(q, 'allowWatchBookmarks'),
    sendInitialEvents: sendInitial === null ? undefined : isTrue(sendInitial),
    timeoutSeconds: timeoutSeconds !== undefined && timeoutSeconds > 0 ? timeoutSeconds : undefined,
  };
  if (watch) {
    const rv = q.get('resourceVersion') ?? '';
    if (rv !== '' && rv !== '0') query.watchFrom = parseRevision(rv);
    if (query.sendInitialEvents && !query.allowWatchBookmarks) {
      throw errors.invalid({ group: 'meta.k8s.io', kind: 'ListOptions' }, '', [
        { type: 'FieldValueForbidden', field: 'allowWatchBookmarks', detail: 'allowWatchBookmarks must be set to true when sendInitialEvents is specified' },
      ]);
    }
  } else {
    if (continueToken && q.get('resourceVersion')) {
      throw errors.badRequest('specifying resource version is not allowed when using continue');
    }
    query.consistency = parseConsistency(q, true);
  }
  return query;
}

export function parseWriteOptions(q: URLSearchParams, userAgent?: string): WriteOptions {
  const dryRun = q.getAll('dryRun');
  for (const d of dryRun) {
    if (d !== 'All') {
      throw errors.badRequest(`Invalid dryRun value: dryRun: Unsupported value: "${d}": supported values: "All"`);
    }
  }
  const fieldManager = q.get('fieldManager') ?? undefined;
  if (fieldManager !== undefined && fieldManager.length > 128) {
    throw errors.badRequest('fieldManager: Too long: may not be more than 128 bytes');
  }
  const fv = q.get('fieldValidation') ?? 'Warn';
  if (fv !== 'Ignore' && fv !== 'Warn' && fv !== 'Strict') {
    throw errors.badRequest(`fieldValidation: Unsupported value: "${fv}": supported values: "Ignore", "Strict", "Warn"`);
  }
  return { dryRun: dryRun.length > 0, fieldManager, manager: managerOrUserAgent(fieldManager, userAgent), fieldValidation: fv };
}

/** DeleteOptions from the body (when given) with the query parameters laid over it, as kube-apiserver reads them. */
export function parseDeleteOptions(q: URLSearchParams, body: unknown): DeleteOptions & { dryRunAll: boolean } {
  const options: DeleteOptions = body && typeof body === 'object' ? { ...(body as DeleteOptions) } : {};
  const grace = parseInteger(q, 'gracePeriodSeconds');
  if (grace !== undefined) options.gracePeriodSeconds = grace;
  const policy = q.get('propagationPolicy');
  if (policy) options.propagationPolicy = policy as DeleteOptions['propagationPolicy'];
  const orphan = q.get('orphanDependents');
  if (orphan !== null) options.orphanDependents = isTrue(orphan);
  const dryRun = [...(options.dryRun ?? []), ...q.getAll('dryRun')];
  for (const d of dryRun) if (d !== 'All') throw errors.badRequest(`Invalid dryRun value: dryRun: Unsupported value: "${d}": supported values: "All"`);
  if (options.propagationPolicy && !['Orphan', 'Background', 'Foreground'].includes(options.propagationPolicy)) {
    throw errors.invalid({ group: 'meta.k8s.io', kind: 'DeleteOptions' }, '', [
      {
        type: 'FieldValueNotSupported',
        field: 'propagationPolicy',
        badValue: options.propagationPolicy,
        detail: 'supported values: "Foreground", "Background", "Orphan", "nil"',
      },
    ]);
  }
  if (options.orphanDependents !== undefined && options.propagationPolicy) {
    throw errors.invalid({ group: 'meta.k8s.io', kind: 'DeleteOptions' }, '', [
      { type: 'FieldValueInvalid', field: 'propagationPolicy', badValue: options.propagationPolicy, detail: 'orphanDependents and deletionPropagation cannot be both set' },
    ]);
  }
  if (options.gracePeriodSeconds !== undefined && options.gracePeriodSeconds < 0) options.gracePeriodSeconds = 1;
  return { ...options, dryRunAll: dryRun.length > 0 };
}
