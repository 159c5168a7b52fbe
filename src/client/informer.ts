// A local, always-catching-up copy of one resource: list, then watch from the list's
// resourceVersion; on a 410 (history gone) relist and tell handlers only what changed.
// Kubernetes twin: k8s.io/client-go/tools/cache (reflector.go ListAndWatch, shared_informer.go).
import type { Clock, Cancel } from '../clock/clock.js';
import type { Frozen } from '../api/types.js';
import type { Client, StopWatch, WatchEvent } from './client.js';
import { Backoff } from './exponential-backoff.js';
import { ObjectCache, type CacheDiff } from './object-cache.js';
import { objectKeyOf } from './object-key.js';
import type { HasMetadata, ResourceType } from './resources.js';
import { errorFromWatchObject, isGone } from './response-error.js';

export interface InformerOptions {
  clock: Clock;
  /** Only this namespace (omitted: all). */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  /** Objects per list page (client-go's pager uses 500). */
  pageSize?: number;
}

export interface EventHandlers<T extends HasMetadata> {
  onAdd?(object: Frozen<T>): void;
  onUpdate?(old: Frozen<T>, current: Frozen<T>): void;
  /** Receives the last state seen (for a delete noticed by a relist, the cached one). */
  onDelete?(object: Frozen<T>): void;
}

// The reflector's backoff between failed attempts: 800 ms doubling to 30 s.
const RETRY_BASE_MS = 800;
const RETRY_MAX_MS = 30_000;

export class Informer<T extends HasMetadata> {
  readonly #cache = new ObjectCache<T>();
  readonly #handlers = new Set<EventHandlers<T>>();
  readonly #backoff = new Backoff(RETRY_BASE_MS, RETRY_MAX_MS);
  #running = false;
  #synced = false;
  #syncWaiters: ((synced: boolean) => void)[] = [];
  #resourceVersion = '';
  /** Bumped whenever a list or watch is superseded; callbacks of older ones then do nothing. */
  #generation = 0;
  #stopStream: StopWatch | undefined;
  #cancelRetry: Cancel | undefined;

  constructor(
    readonly client: Client,
    readonly resource: ResourceType<T>,
    readonly options: InformerOptions,
  ) {}

  start(): void {
    if (this.#running) return;
    this.#running = true;
    void this.#relist();
  }

  stop(): void {
    this.#running = false;
    this.#supersede();
    for (const w of this.#syncWaiters.splice(0)) w(false);
  }

  hasSynced(): boolean {
    return this.#synced;
  }

  /** Resolves true once the first list is in the cache (whenever start is called), false if stopped before. */
  waitForSync(): Promise<boolean> {
    if (this.#synced) return Promise.resolve(true);
    return new Promise((resolve) => this.#syncWaiters.push(resolve));
  }

  /** The newest resourceVersion seen, from a list, an event or a bookmark. */
  get lastSyncResourceVersion(): string {
    return this.#resourceVersion;
  }

  /** Registers handlers; objects already cached are replayed as adds. Returns the removal. */
  addEventHandler(handlers: EventHandlers<T>): () => void {
    this.#handlers.add(handlers);
    for (const object of this.#cache.list()) this.#call(handlers, 'onAdd', object);
    return () => this.#handlers.delete(handlers);
  }

  get(key: string): Frozen<T> | undefined {
    return this.#cache.get(key);
  }

  list(namespace?: string): Frozen<T>[] {
    return this.#cache.list(namespace);
  }

  /**
   * Fault hook: the watch connection is lost. The informer watches again from its last
   * resourceVersion after its retry backoff (on its clock), relisting if that is too old.
   */
  dropWatch(): void {
    if (!this.#running) return;
    this.#supersede();
    this.#retryLater(() => (this.#synced ? this.#watch() : this.#relist()));
  }

  #supersede(): void {
    this.#generation++;
    this.#stopStream?.();
    this.#stopStream = undefined;
    this.#cancelRetry?.();
    this.#cancelRetry = undefined;
  }

  #retryLater(attempt: () => Promise<void>): void {
    this.#cancelRetry?.();
    this.#cancelRetry = this.options.clock.after(this.#backoff.next(), () => {
      this.#cancelRetry = undefined;
      if (this.#running) void attempt();
    });
  }

  async #relist(): Promise<void> {
    this.#supersede();
    const generation = this.#generation;
    try {
      const { items, resourceVersion } = await this.#listAll();
      if (generation !== this.#generation) return;
      this.#resourceVersion = resourceVersion;
      this.#emit(this.#cache.replace(items));
      this.#backoff.reset();
      if (!this.#synced) {
        this.#synced = true;
        for (const w of this.#syncWaiters.splice(0)) w(true);
      }
    } catch {
      if (generation === this.#generation) this.#retryLater(() => this.#relist());
      return;
    }
    await this.#watch();
  }

  async #listAll(): Promise<{ items: Frozen<T>[]; resourceVersion: string }> {
    const { namespace, labelSelector, fieldSelector, pageSize = 500 } = this.options;
    const items: Frozen<T>[] = [];
    let next: string | undefined;
    for (;;) {
      const page = await this.client.list(this.resource, { namespace, labelSelector, fieldSelector, limit: pageSize, continue: next });
      items.push(...page.items);
      next = page.metadata.continue;
      if (!next) return { items, resourceVersion: page.metadata.resourceVersion ?? '' };
    }
  }

  async #watch(): Promise<void> {
    this.#supersede();
    const generation = this.#generation;
    const current = (): boolean => generation === this.#generation;
    const { namespace, labelSelector, fieldSelector } = this.options;
    try {
      const stop = await this.client.watch(
        this.resource,
        { namespace, labelSelector, fieldSelector, resourceVersion: this.#resourceVersion, allowWatchBookmarks: true },
        {
          event: (e) => {
            if (current()) this.#onEvent(e);
          },
          // The server ended the stream (its timeout): carry on from where we are.
          close: () => {
            if (current()) void this.#watch();
          },
        },
      );
      if (current()) this.#stopStream = stop;
      else stop();
    } catch (e) {
      if (!current()) return;
      if (isGone(e)) void this.#relist();
      else this.#retryLater(() => this.#watch());
    }
  }

  #onEvent(e: WatchEvent<T>): void {
    if (e.type === 'ERROR') {
      // 410: the events since our version are gone; only a fresh list can catch up.
      if (isGone(errorFromWatchObject(e.object))) void this.#relist();
      else {
        this.#supersede();
        this.#retryLater(() => this.#relist());
      }
      return;
    }
    this.#backoff.reset();
    this.#resourceVersion = e.object.metadata.resourceVersion ?? this.#resourceVersion;
    if (e.type === 'BOOKMARK') return;
    const object = e.object as Frozen<T>;
    if (e.type === 'DELETED') {
      if (this.#cache.remove(objectKeyOf(object))) this.#emit({ added: [], updated: [], deleted: [object] });
      return;
    }
    const old = this.#cache.upsert(object);
    if (!old) this.#emit({ added: [object], updated: [], deleted: [] });
    else if (old.metadata.resourceVersion !== object.metadata.resourceVersion) this.#emit({ added: [], updated: [[old, object]], deleted: [] });
  }

  #emit(diff: CacheDiff<T>): void {
    for (const h of this.#handlers) {
      for (const o of diff.deleted) this.#call(h, 'onDelete', o);
      for (const o of diff.added) this.#call(h, 'onAdd', o);
      for (const [old, o] of diff.updated) this.#call(h, 'onUpdate', old, o);
    }
  }

  #call<K extends keyof EventHandlers<T>>(h: EventHandlers<T>, which: K, ...args: Parameters<NonNullable<EventHandlers<T>[K]>>): void {
    try {
      (h[which] as ((...a: unknown[]) => void) | undefined)?.(...args);
    } catch (err) {
      // A handler's bug must not stop the cache from following the server.
      console.error(`kubesim: ${this.resource.resource} informer handler ${which} failed:`, err);
    }
  }
}
