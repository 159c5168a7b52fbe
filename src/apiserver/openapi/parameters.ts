// The query and path parameters of resource operations, with our own short descriptions.
// Kubernetes twin: the parameters kube-apiserver documents for each verb
// (k8s.io/apiserver/pkg/endpoints/installer.go, from metav1 ListOptions, CreateOptions,
// PatchOptions, UpdateOptions and DeleteOptions).
import type { Dialect, JsonSchema } from '../../api/schema/openapi-schema.js';

type ParamType = 'string' | 'integer' | 'boolean';

interface ParamInfo {
  readonly type: ParamType;
  readonly description: string;
}

export const QUERY_PARAMETERS = {
  allowWatchBookmarks: { type: 'boolean', description: 'Ask for BOOKMARK events in a watch; the server may ignore it.' },
  continue: { type: 'string', description: 'Token from a previous page; returns the next page of the same list.' },
  dryRun: { type: 'string', description: 'When "All", run every stage except storing the result.' },
  fieldManager: { type: 'string', description: 'Name of the actor making the change, recorded in managedFields.' },
  fieldSelector: { type: 'string', description: 'Restrict results by field values, e.g. "status.phase=Running".' },
  fieldValidation: {
    type: 'string',
    description: 'How to treat unknown or duplicate fields in the body: Ignore, Warn (default) or Strict.',
  },
  force: { type: 'boolean', description: 'For apply: take ownership of fields other managers hold.' },
  gracePeriodSeconds: { type: 'integer', description: 'Seconds the object gets to stop before it is removed.' },
  ignoreStoreReadErrorWithClusterBreakingPotential: {
    type: 'boolean',
    description: 'Delete an object that cannot be read back from storage (dangerous).',
  },
  labelSelector: { type: 'string', description: 'Restrict results by labels, e.g. "app=web,tier!=db".' },
  limit: { type: 'integer', description: 'Most items to return in one page; more are reached through continue.' },
  orphanDependents: { type: 'boolean', description: 'Deprecated: use propagationPolicy=Orphan.' },
  pretty: { type: 'string', description: 'When "true", indent the output.' },
  propagationPolicy: { type: 'string', description: 'What happens to dependents: Orphan, Background or Foreground.' },
  resourceVersion: { type: 'string', description: 'Read at or after this version, as resourceVersionMatch says.' },
  resourceVersionMatch: { type: 'string', description: 'How resourceVersion applies to a list: Exact or NotOlderThan.' },
  sendInitialEvents: { type: 'boolean', description: 'Begin a watch with the current objects as ADDED events.' },
  timeoutSeconds: { type: 'integer', description: 'End the call, or the watch, after this many seconds.' },
  watch: { type: 'boolean', description: 'Stream changes instead of returning a list.' },
} as const satisfies Record<string, ParamInfo>;

export type QueryParameterName = keyof typeof QUERY_PARAMETERS;

export const PATH_PARAMETERS: Record<string, string> = {
  name: 'Name of the object.',
  namespace: 'Namespace of the objects.',
  path: 'Path to pass on to the proxied target.',
};

export function queryParameter(name: QueryParameterName, dialect: Dialect): JsonSchema {
  const info: ParamInfo = QUERY_PARAMETERS[name];
  if (dialect === 'v2') return { name, in: 'query', description: info.description, type: info.type, uniqueItems: true };
  return { name, in: 'query', description: info.description, schema: { type: info.type, uniqueItems: true } };
}

export function pathParameter(name: string, dialect: Dialect): JsonSchema {
  const description = PATH_PARAMETERS[name] ?? name;
  if (dialect === 'v2') return { name, in: 'path', required: true, description, type: 'string', uniqueItems: true };
  return { name, in: 'path', required: true, description, schema: { type: 'string', uniqueItems: true } };
}

/** The query parameters of each verb, as kube-apiserver lists them. */
export const VERB_PARAMETERS: Record<string, readonly QueryParameterName[]> = {
  list: [
    'allowWatchBookmarks', 'continue', 'fieldSelector', 'labelSelector', 'limit', 'resourceVersion',
    'resourceVersionMatch', 'sendInitialEvents', 'timeoutSeconds', 'watch',
  ],
  watch: [
    'allowWatchBookmarks', 'continue', 'fieldSelector', 'labelSelector', 'limit', 'resourceVersion',
    'resourceVersionMatch', 'sendInitialEvents', 'timeoutSeconds', 'watch',
  ],
  get: [],
  create: ['dryRun', 'fieldManager', 'fieldValidation'],
  update: ['dryRun', 'fieldManager', 'fieldValidation'],
  patch: ['dryRun', 'fieldManager', 'fieldValidation', 'force'],
  delete: ['dryRun', 'gracePeriodSeconds', 'ignoreStoreReadErrorWithClusterBreakingPotential', 'orphanDependents', 'propagationPolicy'],
  deletecollection: [
    'continue', 'dryRun', 'fieldSelector', 'gracePeriodSeconds', 'ignoreStoreReadErrorWithClusterBreakingPotential',
    'labelSelector', 'limit', 'orphanDependents', 'propagationPolicy', 'resourceVersion', 'resourceVersionMatch',
    'sendInitialEvents', 'timeoutSeconds',
  ],
};
