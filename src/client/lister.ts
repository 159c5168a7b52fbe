// Reads from an informer's cache, never from the server: what reconcile loops use to see the
// cluster. Kubernetes twin: k8s.io/client-go/listers (GenericLister, with cache.ListAllByNamespace).
import type { Frozen } from '../api/types.js';
import { parseLabelSelector, type Selector } from '../api/selectors/label-selector.js';
import { keyOf } from './object-key.js';
import type { HasMetadata, ResourceType } from './resources.js';

/** What a lister needs of an informer: its cache (and its resource, which carries T). */
export interface CacheReader<T extends HasMetadata> {
  readonly resource: ResourceType<T>;
  get(key: string): Frozen<T> | undefined;
  list(namespace?: string): Frozen<T>[];
}

export class Lister<T extends HasMetadata> {
  constructor(private readonly cache: CacheReader<T>) {}

  /** The object, or undefined; `namespace` is "" for a cluster-scoped resource. */
  get(namespace: string, name: string): Frozen<T> | undefined {
    return this.cache.get(keyOf(namespace, name));
  }

  /** Objects of one namespace (or all when omitted) whose labels match the selector ("app=web", or a parsed Selector). */
  list(namespace?: string, labelSelector?: string | Selector): Frozen<T>[] {
    const items = this.cache.list(namespace);
    if (labelSelector === undefined || labelSelector === '') return items;
    const selector = typeof labelSelector === 'string' ? parseLabelSelector(labelSelector) : labelSelector;
    if (selector.empty) return items;
    return items.filter((o) => selector.matches(o.metadata.labels));
  }
}
