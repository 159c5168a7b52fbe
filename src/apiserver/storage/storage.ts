// The storage interface: narrow enough for an etcd backend. Kubernetes twin:
// k8s.io/apiserver/pkg/storage/interfaces.go (storage.Interface).
//
// Keys are (resource, namespace, name); `resource` is the qualified resource ("pods",
// "deployments.apps"). Every write takes the next revision of one counter shared by all
// resources, and that revision becomes the object's metadata.resourceVersion.
import type { KubeObject, Preconditions } from '../../api/types.js';
import type { StoredObject, StoredValue } from './stored-object.js';

export interface ObjectKey {
  namespace: string; // "" for cluster-scoped objects
  name: string;
}

/** Which objects a list or watch wants: a namespace (or all), and a predicate from the selectors. */
export interface Selection {
  namespace?: string;
  /** True when the object belongs in the result. An absent predicate matches everything. */
  predicate?: (object: StoredValue) => boolean;
  /** True when the request had label or field selectors; remainingItemCount is then unknown. */
  filtered?: boolean;
}

/** resourceVersion semantics for get and list. Kubernetes twin: metav1.ResourceVersionMatch. */
export type ReadConsistency =
  | { kind: 'latest' } // resourceVersion unset: the newest state
  | { kind: 'any' } // resourceVersion="0": any state is fine; we serve the newest
  | { kind: 'notOlderThan'; revision: number }
  | { kind: 'exact'; revision: number };

export interface ListOptions extends Selection {
  consistency?: ReadConsistency;
  limit?: number;
  continueToken?: string;
}

export interface ListResult {
  items: StoredObject[];
  /** The revision the list reflects. */
  revision: number;
  continueToken?: string;
  remainingItemCount?: number;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface StoreEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  revision: number;
  /** The new version; for DELETED, the last version with the deletion's revision. */
  current: StoredObject;
  /** The version before this event; absent for ADDED. */
  previous?: StoredObject;
}

export interface WatchOptions extends Selection {
  /**
   * Where the watch starts. `undefined`: now, after ADDED events for the current state.
   * A number: every event after that revision (the current state is not replayed).
   */
  fromRevision?: number;
  /** With fromRevision: also replay the state at that revision as ADDED events first. */
  sendInitialEvents?: boolean;
}

/** What a watcher receives, already adjusted to its selection (see watch-filter.ts). */
export interface WatchDelivery {
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  object: StoredObject;
}

export interface Watch {
  stop(): void;
  /** The revision this watch has seen everything up to (for bookmarks). */
  readonly revision: number;
}

export type TryUpdate = (current: StoredValue) => KubeObject | Promise<KubeObject>;

export interface Storage {
  /** The newest revision written. */
  readonly revision: number;
  /** The oldest revision a watch or a consistent list of `resource` may start from. */
  oldestRevision(resource: string): number;

  create(resource: string, key: ObjectKey, object: KubeObject): Promise<StoredObject>;
  get(resource: string, key: ObjectKey, consistency?: ReadConsistency): Promise<StoredObject | undefined>;
  list(resource: string, options: ListOptions): Promise<ListResult>;
  /**
   * Read-modify-write that never loses an update: `tryUpdate` is called with the newest
   * version and called again if someone else wrote in between. Preconditions are checked
   * against the version `tryUpdate` saw. Returns the stored result (unchanged, same revision,
   * when `tryUpdate` changed nothing).
   */
  guaranteedUpdate(resource: string, key: ObjectKey, preconditions: Preconditions | undefined, tryUpdate: TryUpdate): Promise<StoredObject>;
  /** Removes the object; `check` may refuse by throwing, seeing the version being deleted. */
  delete(
    resource: string,
    key: ObjectKey,
    preconditions: Preconditions | undefined,
    check?: (current: StoredValue) => void | Promise<void>,
  ): Promise<StoredObject>;
  watch(resource: string, options: WatchOptions, deliver: (event: WatchDelivery) => void): Watch;
}
