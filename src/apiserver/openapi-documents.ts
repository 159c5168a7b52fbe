// /openapi/v2 and /openapi/v3 as kube-apiserver serves them, built once from the registry.
// Kubernetes twin: k8s.io/kube-openapi/pkg/handler (v2) and handler3 (v3).
import * as errors from '../api/errors.js';
import type { Registry } from '../api/registry/registry.js';
import { jsonResponse, type ApiResponse } from './api-request.js';
import { subresourcesOf } from '../api/registry/subresources.js';
import { openapiV2, openapiV3GroupVersion, openapiV3Root, type OpenApiResource } from './openapi/index.js';

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

const acceptsJson = (accept: string | undefined): boolean =>
  !accept || accept.split(',').some((a) => /^\s*(application\/json|application\/\*|\*\/\*)\s*(;|$)/i.test(a));

export class OpenApiDocuments {
  readonly #resources: OpenApiResource[];
  #v2: string | undefined;
  #v3Root: string | undefined;
  readonly #v3 = new Map<string, string | null>();

  constructor(registry: Registry) {
    this.#resources = servedResources(registry);
  }

  /** Answers /openapi/v2, /openapi/v3 and /openapi/v3/<group-version path>, or undefined for other paths. */
  answer(path: string, accept: string | undefined): ApiResponse | undefined {
    if (path === '/openapi/v2') {
      // kubectl asks for the protobuf form first; we speak JSON, and say so with 406.
      if (!acceptsJson(accept)) throw errors.notAcceptable(['application/json']);
      this.#v2 ??= JSON.stringify(openapiV2(this.#resources));
      return jsonResponse(200, this.#v2);
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
