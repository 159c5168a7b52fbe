// The key a cache and a work queue know an object by: "namespace/name", or "name" when
// cluster-scoped. Kubernetes twin: k8s.io/client-go/tools/cache (MetaNamespaceKeyFunc,
// SplitMetaNamespaceKey).
import type { Frozen } from '../api/types.js';
import type { HasMetadata } from './resources.js';

export interface ObjectKey {
  namespace: string;
  name: string;
}

export const keyOf = (namespace: string, name: string): string => (namespace ? `${namespace}/${name}` : name);

export const objectKeyOf = (object: Frozen<HasMetadata>): string => keyOf(object.metadata.namespace ?? '', object.metadata.name ?? '');

/** "default/web" -> { namespace: "default", name: "web" }; "node-1" -> { namespace: "", name: "node-1" }. */
export function splitKey(key: string): ObjectKey {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: '', name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
