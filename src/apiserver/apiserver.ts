// The API server without HTTP: one `handle(request)` that the Fastify routes and the
// in-process transport both call. Kubernetes twin: the handler chain of kube-apiserver.
import * as errors from '../api/errors.js';
import type { Registry } from '../api/registry/registry.js';
import type { ResourceDefinition } from '../api/registry/definition.js';
import type { Clock } from '../clock/clock.js';
import type { NameGenerator } from '../clock/names.js';
import { jsonResponse, type ApiRequest, type ApiResponse } from './api-request.js';
import { aggregatedContentType, aggregatedDiscovery, apiGroupDocument, apiGroupList, apiResourceList, apiVersions } from './discovery.js';
import { wantsAggregatedDiscovery } from './negotiation.js';
import { OpenApiDocuments } from './openapi-documents.js';
import { parsePath } from './request-info.js';
import type { LogSource, ServerContext } from './rest/context.js';
import { NO_USAGE, type UsageSource } from './rest/metrics.js';
import { NO_EXEC, type ExecSource } from './rest/pod-exec.js';
import { handleResource } from './rest/resource-handler.js';
import { ResourceStore } from './rest/resource-store.js';
import type { Storage } from './storage/storage.js';
import type { Random } from '../clock/random.js';
import { ServiceAllocation, type ServiceAllocationOptions } from './rest/service-allocation.js';
import { versionInfo } from './version.js';

export interface ApiServerOptions {
  storage: Storage;
  /** Seeds the server's own random choices (service IPs and node ports). */
  random: Random;
  services?: ServiceAllocationOptions;
  clock: Clock;
  names: NameGenerator;
  registry: Registry;
  logs?: LogSource;
  /** What running containers use (the kubelets' model), served as metrics.k8s.io. */
  usage?: UsageSource;
  /** Runs commands in the model's running containers (pods/exec). */
  exec?: ExecSource;
  bookmarkIntervalMs?: number;
  defaultWatchTimeoutMs?: number;
}

const NO_LOGS: LogSource = { read: () => undefined };

export class ApiServer {
  readonly ctx: ServerContext;
  readonly #stores = new Map<ResourceDefinition, ResourceStore>();
  readonly #openapi: OpenApiDocuments;
  readonly services: ServiceAllocation;
  /** host:port clients reach us at, for /api's serverAddressByClientCIDRs. */
  serverAddress = '127.0.0.1:6443';

  constructor(options: ApiServerOptions) {
    this.ctx = {
      storage: options.storage,
      clock: options.clock,
      names: options.names,
      registry: options.registry,
      logs: options.logs ?? NO_LOGS,
      usage: options.usage ?? NO_USAGE,
      exec: options.exec ?? NO_EXEC,
      writeHooks: new Map([['services', (this.services = new ServiceAllocation(options.random, options.services))]]),
      bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
      defaultWatchTimeoutMs: options.defaultWatchTimeoutMs ?? 30 * 60_000,
    };
    for (const def of options.registry.definitions) this.#stores.set(def, new ResourceStore(def, this.ctx));
    this.#openapi = new OpenApiDocuments(options.registry);
  }

  /** The store of a resource, for bootstrap code that writes through the same pipeline. */
  store(group: string, version: string, resource: string): ResourceStore {
    const def = this.ctx.registry.lookup(group, version, resource);
    if (!def) throw new Error(`no resource ${group}/${version}/${resource}`);
    return this.#stores.get(def)!;
  }

  async handle(req: ApiRequest): Promise<ApiResponse> {
    try {
      return await this.#route(req);
    } catch (e) {
      const err = errors.toStatusError(e);
      if (err.code >= 500) console.error('kubesim: internal error on', req.method, req.path, e);
      return jsonResponse(err.code, JSON.stringify(err.status));
    }
  }

  async #route(req: ApiRequest): Promise<ApiResponse> {
    const path = req.path.length > 1 && req.path.endsWith('/') ? req.path.slice(0, -1) : req.path;
    if (path === '/version') return jsonResponse(200, JSON.stringify(versionInfo()));
    if (path.startsWith('/openapi/')) {
      const doc = this.#openapi.answer(path, req.headers.accept);
      if (doc) return doc;
    }
    const info = parsePath(req.method, path, req.query);
    const registry = this.ctx.registry;
    const isRead = req.method === 'GET' || req.method === 'HEAD';
    switch (info.type) {
      case 'root': {
        if (!isRead) throw errors.methodNotAllowed();
        const aggregated = wantsAggregatedDiscovery(req.headers.accept);
        if (aggregated) {
          return jsonResponse(200, JSON.stringify(aggregatedDiscovery(registry, info.prefix, aggregated)), {
            'content-type': aggregatedContentType(aggregated),
          });
        }
        return jsonResponse(200, JSON.stringify(info.prefix === 'api' ? apiVersions(this.serverAddress) : apiGroupList(registry)));
      }
      case 'group': {
        const doc = apiGroupDocument(registry, info.group);
        if (!doc) throw errors.notFoundPath();
        if (!isRead) throw errors.methodNotAllowed();
        return jsonResponse(200, JSON.stringify(doc));
      }
      case 'group-version': {
        const doc = apiResourceList(registry, info.group, info.version);
        if (!doc) throw errors.notFoundPath();
        if (!isRead) throw errors.methodNotAllowed();
        return jsonResponse(200, JSON.stringify(doc));
      }
      case 'resource': {
        const r = info.request;
        const def = registry.lookup(r.group, r.version, r.resource);
        if (!def) throw errors.notFoundPath();
        return handleResource(this.#stores.get(def)!, req, r);
      }
      default:
        throw errors.notFoundPath();
    }
  }
}
