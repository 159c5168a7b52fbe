// The one way a component reads and writes the cluster: verbs on resources over a Transport.
// Kubernetes twin: k8s.io/client-go/dynamic (verbs on a GroupVersionResource) with the typed
// clientsets' subresource helpers (UpdateStatus, GetScale/UpdateScale, pods/binding).
import type { Status } from '../api/errors.js';
import type { DeleteOptions, Frozen, ListMeta } from '../api/types.js';
import type { Scale } from '../api/types/scale.js';
import { deepFreeze } from './deep-freeze.js';
import { errorFromResponse } from './response-error.js';
import { pathOf, type HasMetadata, type ResourceType } from './resources.js';
import type { ApiRequest, Transport, WatchStreamEvent } from './transport.js';

export interface ListOptions {
  /** Omitted or "" for a namespaced resource: across all namespaces. */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: number;
  continue?: string;
  resourceVersion?: string;
  resourceVersionMatch?: 'Exact' | 'NotOlderThan';
}

export interface ObjectList<T extends HasMetadata> {
  apiVersion: string;
  kind: string;
  metadata: Frozen<ListMeta>;
  items: readonly Frozen<T>[];
}

export interface WriteOptions {
  dryRun?: boolean;
  fieldManager?: string;
  fieldValidation?: 'Ignore' | 'Warn' | 'Strict';
}

/** JSON patch (RFC 6902), JSON merge patch (RFC 7386) or Kubernetes' strategic merge patch. */
export type PatchType = 'json' | 'merge' | 'strategic';

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
};

export interface WatchOptions {
  namespace?: string;
  /** Start after this version; omitted or "0": first an ADDED event per current object. */
  resourceVersion?: string;
  labelSelector?: string;
  fieldSelector?: string;
  allowWatchBookmarks?: boolean;
  timeoutSeconds?: number;
}

export type WatchEvent<T extends HasMetadata = HasMetadata> =
  | { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: Frozen<T> }
  | { type: 'BOOKMARK'; object: Frozen<HasMetadata> }
  | { type: 'ERROR'; object: Status };

/** Receives a watch's events in order; `close` once if the stream ends by itself (not on stop). */
export type WatchHandler<T extends HasMetadata> =
  | ((event: WatchEvent<T>) => void)
  | { event(event: WatchEvent<T>): void; close?(): void };

export type StopWatch = () => void;

export interface ClientOptions {
  /** Sent as ?fieldManager= on writes unless a call names another. */
  fieldManager?: string;
}

const JSON_TYPE = 'application/json';

function writeQuery(options: WriteOptions | undefined, fallbackManager: string | undefined): URLSearchParams {
  const q = new URLSearchParams();
  if (options?.dryRun) q.set('dryRun', 'All');
  const manager = options?.fieldManager ?? fallbackManager;
  if (manager) q.set('fieldManager', manager);
  if (options?.fieldValidation) q.set('fieldValidation', options.fieldValidation);
  return q;
}

function setIf(q: URLSearchParams, name: string, value: string | number | boolean | undefined): void {
  if (value !== undefined && value !== '' && value !== false) q.set(name, String(value));
}

export class Client {
  readonly #fieldManager: string | undefined;

  constructor(
    readonly transport: Transport,
    options: ClientOptions = {},
  ) {
    this.#fieldManager = options.fieldManager;
  }

  async get<T extends HasMetadata>(r: ResourceType<T>, namespace: string, name: string): Promise<Frozen<T>> {
    return (await this.#call('GET', pathOf(r, namespace, name), new URLSearchParams())) as Frozen<T>;
  }

  async list<T extends HasMetadata>(r: ResourceType<T>, options: ListOptions = {}): Promise<ObjectList<T>> {
    const q = new URLSearchParams();
    setIf(q, 'labelSelector', options.labelSelector);
    setIf(q, 'fieldSelector', options.fieldSelector);
    setIf(q, 'limit', options.limit);
    setIf(q, 'continue', options.continue);
    setIf(q, 'resourceVersion', options.resourceVersion);
    setIf(q, 'resourceVersionMatch', options.resourceVersionMatch);
    return (await this.#call('GET', pathOf(r, options.namespace), q)) as ObjectList<T>;
  }

  /** Creates `object` in its metadata.namespace (required for a namespaced resource). */
  async create<T extends HasMetadata>(r: ResourceType<T>, object: Frozen<T>, options?: WriteOptions): Promise<Frozen<T>> {
    const path = pathOf(r, namespaceFor(r, object));
    return (await this.#call('POST', path, writeQuery(options, this.#fieldManager), object)) as Frozen<T>;
  }

  /** Replaces the object; metadata.resourceVersion, when set, makes it a compare-and-swap (409 on a stale one). */
  async update<T extends HasMetadata>(r: ResourceType<T>, object: Frozen<T>, options?: WriteOptions): Promise<Frozen<T>> {
    return this.#put(r, object, '', options);
  }

  /** Replaces the status only (the status subresource); spec changes in `object` are ignored. */
  async updateStatus<T extends HasMetadata>(r: ResourceType<T>, object: Frozen<T>, options?: WriteOptions): Promise<Frozen<T>> {
    return this.#put(r, object, 'status', options);
  }

  async patch<T extends HasMetadata>(
    r: ResourceType<T>,
    namespace: string,
    name: string,
    type: PatchType,
    patch: unknown,
    options?: WriteOptions & { subresource?: 'status' },
  ): Promise<Frozen<T>> {
    const path = pathOf(r, namespace, name, options?.subresource ?? '');
    return (await this.#call('PATCH', path, writeQuery(options, this.#fieldManager), patch, PATCH_CONTENT_TYPES[type])) as Frozen<T>;
  }

  /** Deletes; answers the object (when it lingers for finalizers or grace, or the resource returns it) or a Status. */
  async delete<T extends HasMetadata>(r: ResourceType<T>, namespace: string, name: string, options?: DeleteOptions): Promise<Frozen<T> | Status> {
    const body = options ? { kind: 'DeleteOptions', apiVersion: 'v1', ...options } : undefined;
    return (await this.#call('DELETE', pathOf(r, namespace, name), new URLSearchParams(), body)) as Frozen<T> | Status;
  }

  /** POST to a subresource, e.g. pods/binding: createSubresource(PODS, ns, pod, 'binding', binding). */
  async createSubresource<B>(r: ResourceType, namespace: string, name: string, subresource: string, body: B, options?: WriteOptions): Promise<unknown> {
    return this.#call('POST', pathOf(r, namespace, name, subresource), writeQuery(options, this.#fieldManager), body);
  }

  async getScale(r: ResourceType, namespace: string, name: string): Promise<Frozen<Scale>> {
    return (await this.#call('GET', pathOf(r, namespace, name, 'scale'), new URLSearchParams())) as Frozen<Scale>;
  }

  async updateScale(r: ResourceType, namespace: string, name: string, scale: Frozen<Scale>, options?: WriteOptions): Promise<Frozen<Scale>> {
    const body = { kind: 'Scale', apiVersion: 'autoscaling/v1', ...scale };
    return (await this.#call('PUT', pathOf(r, namespace, name, 'scale'), writeQuery(options, this.#fieldManager), body)) as Frozen<Scale>;
  }

  /**
   * Opens a watch. Resolves once the server has accepted it (events from then on are not
   * missed), or rejects with the StatusError of a refused request (bad selector: 400). A
   * resourceVersion older than the server keeps arrives as an ERROR event with a 410 Status.
   */
  async watch<T extends HasMetadata>(r: ResourceType<T>, options: WatchOptions, handler: WatchHandler<T>): Promise<StopWatch> {
    const q = new URLSearchParams({ watch: 'true' });
    setIf(q, 'resourceVersion', options.resourceVersion);
    setIf(q, 'labelSelector', options.labelSelector);
    setIf(q, 'fieldSelector', options.fieldSelector);
    setIf(q, 'allowWatchBookmarks', options.allowWatchBookmarks);
    setIf(q, 'timeoutSeconds', options.timeoutSeconds);
    const res = await this.transport.request({ method: 'GET', path: pathOf(r, options.namespace), query: q, headers: { accept: JSON_TYPE } });
    if (!res.watch) throw errorFromResponse(res.status, res.body);
    const onEvent = typeof handler === 'function' ? handler : (e: WatchEvent<T>) => handler.event(e);
    const onClose = typeof handler === 'function' ? undefined : () => handler.close?.();
    let stopped = false;
    const stream = res.watch.start({
      event(e: WatchStreamEvent) {
        if (!stopped) onEvent(e as WatchEvent<T>);
      },
      close() {
        if (stopped) return;
        stopped = true;
        onClose?.();
      },
    });
    return () => {
      if (stopped) return;
      stopped = true;
      stream.stop();
    };
  }

  async #put<T extends HasMetadata>(r: ResourceType<T>, object: Frozen<T>, subresource: string, options?: WriteOptions): Promise<Frozen<T>> {
    const name = object.metadata.name;
    if (!name) throw new Error(`${r.resource}: an update needs metadata.name`);
    const path = pathOf(r, namespaceFor(r, object), name, subresource);
    return (await this.#call('PUT', path, writeQuery(options, this.#fieldManager), object)) as Frozen<T>;
  }

  async #call(method: string, path: string, query: URLSearchParams, body?: unknown, contentType = JSON_TYPE): Promise<unknown> {
    const headers: Record<string, string> = { accept: JSON_TYPE };
    if (body !== undefined) headers['content-type'] = contentType;
    const res = await this.transport.request(body === undefined ? { method, path, query, headers } : new RequestWithValue(method, path, query, headers, body));
    if (res.watch) throw new Error(`${method} ${path}: the server answered with a watch stream`);
    if (res.status < 200 || res.status >= 300) throw errorFromResponse(res.status, res.body);
    // In process the server hands over the stored (frozen) object itself: no JSON either way.
    if (res.value !== undefined) return deepFreeze(res.value);
    return deepFreeze(JSON.parse(String(res.body)) as unknown);
  }
}

/**
 * A request carrying `value` as its body: an in-process server takes the value itself, a
 * transport that sends bytes reads `body`, whose JSON is made then (once). The value must not
 * change until the request is answered: the objects callers pass are frozen, and patches are
 * built for the one call.
 */
class RequestWithValue implements ApiRequest {
  #bytes: Buffer | undefined;

  constructor(
    readonly method: string,
    readonly path: string,
    readonly query: URLSearchParams,
    readonly headers: Record<string, string>,
    readonly value: unknown,
  ) {}

  get body(): Buffer {
    return (this.#bytes ??= Buffer.from(JSON.stringify(this.value)));
  }
}

function namespaceFor(r: ResourceType, object: Frozen<HasMetadata>): string {
  if (!r.namespaced) return '';
  const ns = object.metadata.namespace;
  if (!ns) throw new Error(`${r.resource} "${object.metadata.name ?? object.metadata.generateName ?? ''}": metadata.namespace is required`);
  return ns;
}
