// /openapi/v2 and /openapi/v3 as kube-apiserver serves them, built once from the registry.
// Kubernetes twin: k8s.io/kube-openapi/pkg/handler (v2) and handler3 (v3).
import * as errors from '../api/errors.js';
import type { Registry } from '../api/registry/registry.js';
import { jsonResponse, type ApiResponse } from './api-request.js';
import { subresourcesOf } from '../api/registry/subresources.js';
import { openapiV2, openapiV3GroupVersion, openapiV3Root, type OpenApiResource } from './openapi/index.js';
import { OPENAPI_V2_PROTOBUF, openapiV2Protobuf } from './openapi/v2-protobuf.js';
import type { JsonSchema } from '../api/schema/openapi-schema.js';

function servedResources(registry: Registry): OpenApiResource[] {
  return registry.definitions.map((d) => ({
    group: d.group,
    version: d.version,
    resource: d.resource,
    kind: d.kind,
    namespaced: d.namespaced,
    verbs: [...d.verbs],
    subresources: subresourcesOf(d).map((s) => ({ name: s.name, kind: s.kind, group: s.group ?? d.group, version: s.version ?? d.version, verbs: s.verbs })),
  }));
}

const isJsonType = (type: string): boolean => type === 'application/json' || type === 'application/*' || type === '*/*';
// The protobuf type as kubectl asks for it, and the older spelling kube-openapi also answers.
const PROTOBUF_TYPES = [OPENAPI_V2_PROTOBUF, 'application/com.github.proto-openapi.spec.v2.v1.0+protobuf'];

/** The form of /openapi/v2 to answer with: the first the Accept header lists that we have. */
function v2Representation(accept: string | undefined): 'json' | 'protobuf' | undefined {
  if (!accept) return 'json';
  for (const part of accept.split(',')) {
    const type = part.split(';')[0].trim().toLowerCase();
    if (isJsonType(type)) return 'json';
    if (PROTOBUF_TYPES.includes(type)) return 'protobuf';
  }
  return undefined;
}

export class OpenApiDocuments {
  readonly #resources: OpenApiResource[];
  #v2Document: JsonSchema | undefined;
  #v2: string | undefined;
  #v2Protobuf: Buffer | undefined;
  #v3Root: string | undefined;
  readonly #v3 = new Map<string, string | null>();

  constructor(registry: Registry) {
    this.#resources = servedResources(registry);
  }

  /** Answers /openapi/v2, /openapi/v3 and /openapi/v3/<group-version path>, or undefined for other paths. */
  answer(path: string, accept: string | undefined): ApiResponse | undefined {
    if (path === '/openapi/v2') {
      const representation = v2Representation(accept);
      if (!representation) throw errors.notAcceptable(['application/json', OPENAPI_V2_PROTOBUF]);
      this.#v2Document ??= openapiV2(this.#resources);
      if (representation === 'json') return jsonResponse(200, (this.#v2 ??= JSON.stringify(this.#v2Document)));
      this.#v2Protobuf ??= Buffer.from(openapiV2Protobuf(this.#v2Document));
      return { status: 200, headers: { 'content-type': OPENAPI_V2_PROTOBUF }, body: this.#v2Protobuf };
    }
    if (path === '/openapi/v3') {
      this.#v3Root ??= JSON.stringify(openapiV3Root(this.#resources));
      return jsonResponse(200, this.#v3Root);
    }
    if (path.startsWith('/openapi/v3/')) {
      const key = path.slice('/openapi/v3/'.length);
      if (!this.#v3.has(key)) {
        const doc = openapiV3GroupVersion(this.#resources, key);
        this.#v3.set(key, doc ? JSON.stringify(doc) : null);
      }
      const body = this.#v3.get(key);
      if (!body) throw errors.notFoundPath();
      // The hash in the root's URLs pins the content: clients may cache it for good.
      return jsonResponse(200, body, { 'cache-control': 'public, immutable' });
    }
    return undefined;
  }
}
