// Turns a path and method into what is asked: which resource, which object, which verb.
// Kubernetes twin: k8s.io/apiserver/pkg/endpoints/request/requestinfo.go (RequestInfoFactory).

export type RequestVerb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection';

export interface ResourceRequest {
  group: string;
  version: string;
  namespace: string; // "" when not namespaced or across all namespaces
  resource: string;
  name: string; // "" for collections
  subresource: string;
  verb: RequestVerb;
}

export type PathInfo =
  | { type: 'resource'; request: ResourceRequest }
  | { type: 'group-version'; group: string; version: string } // /api/v1, /apis/apps/v1
  | { type: 'group'; group: string } // /apis/apps
  | { type: 'root'; prefix: 'api' | 'apis' } // /api, /apis
  | { type: 'unknown' };

// Subresources of a namespace, so that /namespaces/x/status is not read as a resource "status" in x.
const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

const verbFor = (method: string, hasName: boolean, watch: boolean): RequestVerb | undefined => {
  switch (method) {
    case 'GET':
    case 'HEAD':
      return watch ? 'watch' : hasName ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection';
    default:
      return undefined;
  }
};

/** Go's strconv.ParseBool truths, as query parameters are read ("True" comes from Python). */
export function isTrue(value: string | null): boolean {
  return value === '1' || value === 't' || value === 'T' || value === 'true' || value === 'TRUE' || value === 'True';
}

export function parsePath(method: string, path: string, query: URLSearchParams): PathInfo {
  const parts = path.split('/').filter((p) => p !== '');
  let rest: string[];
  let group = '';
  let version: string;
  if (parts[0] === 'api') {
    if (parts.length === 1) return { type: 'root', prefix: 'api' };
    version = parts[1];
    rest = parts.slice(2);
  } else if (parts[0] === 'apis') {
    if (parts.length === 1) return { type: 'root', prefix: 'apis' };
    group = parts[1];
    if (parts.length === 2) return { type: 'group', group };
    version = parts[2];
    rest = parts.slice(3);
  } else {
    return { type: 'unknown' };
  }
  if (rest.length === 0) return { type: 'group-version', group, version };

  // The legacy watch paths: /api/v1/watch/namespaces/x/pods[/name].
  let legacyWatch = false;
  if (rest[0] === 'watch') {
    legacyWatch = true;
    rest = rest.slice(1);
  }
  let namespace = '';
  if (rest[0] === 'namespaces' && rest.length >= 2) {
    namespace = rest[1];
    if (rest.length > 2 && !NAMESPACE_SUBRESOURCES.has(rest[2])) {
      rest = rest.slice(2);
    } else {
      // /namespaces/{name}[/status]: the namespace object itself.
      namespace = '';
      rest = ['namespaces', rest[1], ...rest.slice(2)];
    }
  }
  const [resource = '', name = '', subresource = '', ...extra] = rest;
  if (!resource || extra.length > 0) return { type: 'unknown' };
  const watch = legacyWatch || isTrue(query.get('watch'));
  const verb = verbFor(method, name !== '', watch);
  if (!verb) return { type: 'unknown' };
  return { type: 'resource', request: { group, version, namespace, resource, name, subresource, verb } };
}
