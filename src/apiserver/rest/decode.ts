// Reading a request body as an object of the expected type, refusing what kube-apiserver
// refuses: malformed JSON, another kind or version, another namespace or name than the path.
// Kubernetes twin: k8s.io/apiserver/pkg/endpoints/handlers/create.go and update.go (decoding).
import * as errors from '../../api/errors.js';
import { jsonCopy } from '../../api/json-copy.js';
import { apiVersionOf, type ResourceDefinition } from '../../api/registry/definition.js';
import type { KubeObject } from '../../api/types.js';
import { parseYaml } from '../../api/yaml/yaml.js';
import { decodeProtobufObject, PROTOBUF_MEDIA_TYPE } from '../../api/protobuf/protobuf-object.js';
import type { ApiRequest } from '../api-request.js';

/** What of a request its body is read from. */
export type RequestBody = Pick<ApiRequest, 'body' | 'value' | 'headers'>;

/**
 * The caller's own value, when it came in process as JSON: copied, since the write path shapes
 * what it decodes in place and the caller's object may be frozen or still in use.
 */
export function inProcessValue(req: RequestBody): { value: unknown } | undefined {
  if (req.value === undefined) return undefined;
  const type = (req.headers['content-type'] ?? 'application/json').split(';')[0].trim().toLowerCase();
  return type === 'application/json' || type.endsWith('-patch+json') ? { value: jsonCopy(req.value) } : undefined;
}

/** The first bytes of a body, as kube-apiserver quotes them in decode errors. */
function summarise(body: string): string {
  return body.length > 30 ? `${body.slice(0, 30)}...` : body;
}

export function parseJson(body: Buffer | undefined, expectedKind: string): unknown {
  const text = body ? body.toString('utf8') : '';
  if (text.trim() === '') {
    throw errors.badRequest(`the object provided is unrecognized (must be of type ${expectedKind}): couldn't get version/kind; json parse error: unexpected end of JSON input (${summarise(text)})`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw errors.badRequest(`the object provided is unrecognized (must be of type ${expectedKind}): couldn't get version/kind; json parse error: ${why} (${summarise(text)})`);
  }
}

/** `expected` is the kind and apiVersion the path serves; a body may omit both. */
export function asObjectOf(value: unknown, expected: { kind: string; apiVersion: string }): KubeObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw errors.badRequest(`the object provided is unrecognized (must be of type ${expected.kind}): couldn't get version/kind; json parse error: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  }
  const obj = value as Record<string, unknown>;
  const kind = obj.kind;
  const apiVersion = obj.apiVersion;
  if (kind !== undefined && typeof kind !== 'string') throw errors.badRequest('kind must be a string');
  if (apiVersion !== undefined && typeof apiVersion !== 'string') throw errors.badRequest('apiVersion must be a string');
  if (apiVersion && apiVersion !== expected.apiVersion) {
    throw errors.badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${expected.apiVersion})`);
  }
  if (kind && kind !== expected.kind) {
    const version = (apiVersion ?? expected.apiVersion).split('/').pop();
    throw errors.badRequest(`${kind} in version "${version}" cannot be handled as a ${expected.kind}: the body is a ${kind}, not a ${expected.kind}`);
  }
  const metadata = obj.metadata;
  if (metadata !== undefined && metadata !== null && (typeof metadata !== 'object' || Array.isArray(metadata))) {
    throw errors.badRequest(`${expected.kind} in version "${expected.apiVersion.split('/').pop()}" cannot be handled as a ${expected.kind}: json: cannot unmarshal ${Array.isArray(metadata) ? 'array' : typeof metadata} into Go struct field ${expected.kind}.metadata of type v1.ObjectMeta`);
  }
  // kind, apiVersion and metadata lead, as kube-apiserver writes them.
  const { kind: _k, apiVersion: _v, metadata: _m, ...rest } = obj;
  // metadata is copied: the caller fills in name and namespace, and a patched object's may be frozen.
  return { kind: expected.kind, apiVersion: expected.apiVersion, metadata: { ...((metadata as KubeObject['metadata']) ?? {}) }, ...rest };
}

const BODY_TYPES = ['application/json', 'application/yaml', PROTOBUF_MEDIA_TYPE];

/**
 * A request body as JSON, from JSON or Kubernetes protobuf (kubectl's typed clients send
 * protobuf). Other content types are refused with 415, as kube-apiserver does.
 */
export function readBody(body: Buffer | undefined, contentType: string | undefined, expectedKind: string): unknown {
  const type = (contentType ?? 'application/json').split(';')[0].trim().toLowerCase();
  if (type === PROTOBUF_MEDIA_TYPE) return decodeProtobufObject(body ?? Buffer.alloc(0)).object;
  if (type === 'application/yaml') return parseYamlBody(body, expectedKind);
  if (type !== 'application/json' && type !== '') throw errors.unsupportedMediaType(BODY_TYPES);
  return parseJson(body, expectedKind);
}

/** A request's body as JSON (see readBody); undefined when it has none. */
export function readRequestBody(req: RequestBody, expectedKind: string): unknown {
  const own = inProcessValue(req);
  if (own) return own.value;
  return readBody(req.body, req.headers['content-type'], expectedKind);
}

/** Whether the request carries a body at all (DELETE may or may not). */
export const hasBody = (req: RequestBody): boolean => req.value !== undefined || (req.body !== undefined && req.body.length > 0);

/** A YAML body (one document), with the decode error kube-apiserver words for bad YAML. */
export function parseYamlBody(body: Buffer | undefined, expectedKind: string): unknown {
  try {
    return parseYaml(body ? body.toString('utf8') : '');
  } catch (e) {
    throw errors.badRequest(`the object provided is unrecognized (must be of type ${expectedKind}): error converting YAML to JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Decodes a create or update body for `def`, in `namespace` (the path's). */
export function decodeBody(def: ResourceDefinition, req: RequestBody, namespace: string): KubeObject {
  const obj = asObjectOf(readRequestBody(req, def.kind), { kind: def.kind, apiVersion: apiVersionOf(def) });
  checkNamespace(def, obj, namespace);
  return obj;
}

export function checkNamespace(def: ResourceDefinition, obj: KubeObject, namespace: string): void {
  if (!def.namespaced) {
    // Cluster-scoped objects carry no namespace, whatever the client sent.
    delete obj.metadata.namespace;
    return;
  }
  const own = obj.metadata.namespace;
  if (own && own !== namespace) {
    throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  obj.metadata.namespace = namespace;
}

export function checkName(obj: KubeObject, name: string): void {
  const own = obj.metadata.name;
  if (own && own !== name) {
    throw errors.badRequest(`the name of the object (${own}) does not match the name on the URL (${name})`);
  }
  obj.metadata.name = name;
}
