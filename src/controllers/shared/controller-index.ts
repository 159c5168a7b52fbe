// An informer's objects grouped by the uid of their controller, orphans by namespace: a
// controller then looks at what it owns or could adopt, not at every object of the namespace.
// Kubernetes twin: the controllerUID pod indexer (AddPodControllerUIDIndexer and the orphan
// key per namespace in pkg/controller/controller_utils.go) used by the ReplicaSet controller.
import type { Frozen } from '../../api/types.js';
import type { EventHandlers } from '../../client/informer.js';
import { objectKeyOf } from '../../client/object-key.js';
import type { HasMetadata } from '../../client/resources.js';
import { controllerRefOf } from './controller-ref.js';

type Bucket<T extends HasMetadata> = Map<string, Frozen<T>>;

/** Controller buckets are per namespace too: a reference naming an owner elsewhere never counts. */
const controllerKey = (namespace: string, uid: string): string => `${namespace}\u0000${uid}`;

export class ControllerIndex<T extends HasMetadata> {
  /** "namespace\0controller uid" -> objects it controls. */
  readonly #byController = new Map<string, Bucket<T>>();
  /** Namespace -> objects without a controller. */
  readonly #orphans = new Map<string, Bucket<T>>();

  /** Register on the informer before the controller's own handlers. */
  readonly handlers: EventHandlers<T> = {
    onAdd: (o) => this.#put(o),
    onUpdate: (old, cur) => {
      const [map, key] = this.#bucketOf(cur);
      const [oldMap, oldKey] = this.#bucketOf(old);
      // Most updates are status: the object stays in its bucket, only the version changes.
      const bucket = map === oldMap && key === oldKey ? map.get(key) : undefined;
      if (bucket) return void bucket.set(objectKeyOf(cur), cur);
      this.#remove(old);
      this.#put(cur);
    },
    onDelete: (o) => this.#remove(o),
  };

  /** What `ownerUid` controls in `namespace`, then the namespace's orphans (which it might adopt). */
  candidates(namespace: string, ownerUid: string): Frozen<T>[] {
    return [...(this.#byController.get(controllerKey(namespace, ownerUid))?.values() ?? []), ...(this.#orphans.get(namespace)?.values() ?? [])];
  }

  #bucketOf(o: Frozen<T>): [Map<string, Bucket<T>>, string] {
    const ref = controllerRefOf(o);
    const namespace = o.metadata.namespace ?? '';
    return ref ? [this.#byController, controllerKey(namespace, ref.uid)] : [this.#orphans, namespace];
  }

  #put(o: Frozen<T>): void {
    const [map, key] = this.#bucketOf(o);
    let bucket = map.get(key);
    if (!bucket) map.set(key, (bucket = new Map()));
    bucket.set(objectKeyOf(o), o);
  }

  #remove(o: Frozen<T>): void {
    const [map, key] = this.#bucketOf(o);
    const bucket = map.get(key);
    if (!bucket) return;
    bucket.delete(objectKeyOf(o));
    if (bucket.size === 0) map.delete(key);
  }
}
