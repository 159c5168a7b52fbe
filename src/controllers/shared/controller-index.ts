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

export class ControllerIndex<T extends HasMetadata> {
  readonly #byController = new Map<string, Bucket<T>>();
  /** Namespace -> objects without a controller. */
  readonly #orphans = new Map<string, Bucket<T>>();

  /** Register on the informer before the controller's own handlers. */
  readonly handlers: EventHandlers<T> = {
    onAdd: (o) => this.#put(o),
    onUpdate: (old, cur) => {
      this.#remove(old);
      this.#put(cur);
    },
    onDelete: (o) => this.#remove(o),
  };

  /** What `ownerUid` controls in `namespace`, then the namespace's orphans (which it might adopt). */
  candidates(namespace: string, ownerUid: string): Frozen<T>[] {
    const owned = [...(this.#byController.get(ownerUid)?.values() ?? [])].filter((o) => (o.metadata.namespace ?? '') === namespace);
    return [...owned, ...(this.#orphans.get(namespace)?.values() ?? [])];
  }

  #bucketOf(o: Frozen<T>): [Map<string, Bucket<T>>, string] {
    const ref = controllerRefOf(o);
    return ref ? [this.#byController, ref.uid] : [this.#orphans, o.metadata.namespace ?? ''];
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
