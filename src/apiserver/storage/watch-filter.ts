// How one store event looks to one watcher, given its selection. Kubernetes twin:
// cacheWatcher.convertToWatchEvent (k8s.io/apiserver/pkg/storage/cacher/cache_watcher.go):
// an object that stops matching is sent as DELETED (its old content at the new revision),
// one that starts matching as ADDED.
import { produce } from 'immer';
import type { Selection, StoreEvent, WatchDelivery } from './storage.js';
import { StoredObject } from './stored-object.js';

/** A store event being handed to watchers, with the views several watchers may share. */
export class DispatchEvent {
  #leftView: StoredObject | undefined;

  constructor(readonly event: StoreEvent) {}

  /** The previous content stamped with this event's revision: what "stopped matching" sends. */
  leftView(): StoredObject {
    if (!this.#leftView) {
      const previous = this.event.previous!;
      const revision = String(this.event.revision);
      const object = produce(previous.object, (draft) => {
        draft.metadata.resourceVersion = revision;
      });
      this.#leftView = new StoredObject(object, this.event.revision);
    }
    return this.#leftView;
  }
}

export function inNamespace(selection: Selection, namespace: string | undefined): boolean {
  return !selection.namespace || selection.namespace === (namespace ?? '');
}

/** The delivery for one watcher, or undefined when the event is none of its business. */
export function deliveryFor(selection: Selection, dispatch: DispatchEvent): WatchDelivery | undefined {
  const { event } = dispatch;
  if (!inNamespace(selection, event.current.object.metadata.namespace)) return undefined;
  const matches = selection.predicate;
  if (!matches) return { type: event.type, object: event.current };
  switch (event.type) {
    case 'ADDED':
    case 'DELETED':
      return matches(event.current.object) ? { type: event.type, object: event.current } : undefined;
    case 'MODIFIED': {
      const now = matches(event.current.object);
      const before = event.previous ? matches(event.previous.object) : false;
      if (now && before) return { type: 'MODIFIED', object: event.current };
      if (now) return { type: 'ADDED', object: event.current };
      if (before) return { type: 'DELETED', object: dispatch.leftView() };
      return undefined;
    }
  }
}
