// A watch request: replay from a revision (or the current state), then live events, with
// bookmarks and a timeout on the server's clock. Kubernetes twin:
// k8s.io/apiserver/pkg/endpoints/handlers/watch.go and the cacher's watch.
import * as errors from '../../api/errors.js';
import { apiVersionOf } from '../../api/registry/definition.js';
import type { WatchSink, WatchStream, WatchStreamEvent } from '../api-request.js';
import type { WatchOptions } from '../storage/storage.js';
import type { ListQuery } from './options.js';
import type { ResourceStore } from './resource-store.js';
import { selectionFor } from './selection.js';

export const INITIAL_EVENTS_END = 'k8s.io/initial-events-end';

export function openWatch(
  store: ResourceStore,
  namespace: string,
  name: string,
  q: ListQuery,
  encode: (e: WatchStreamEvent) => Buffer,
): WatchStream {
  const { ctx, def } = store;
  const fieldSelector = name ? [q.fieldSelector, `metadata.name=${name}`].filter(Boolean).join(',') : q.fieldSelector;
  // Selectors are checked before the stream starts, so that a bad one is a 400, not an event.
  const selection = selectionFor(def, namespace, q.labelSelector, fieldSelector);
  const bookmark = (annotations?: Record<string, string>): WatchStreamEvent => ({
    type: 'BOOKMARK',
    object: {
      kind: def.kind,
      apiVersion: apiVersionOf(def),
      metadata: { resourceVersion: String(ctx.storage.revision), ...(annotations ? { annotations } : {}) },
    },
  });

  return {
    encode,
    start(sink: WatchSink) {
      let stopped = false;
      const cancels: (() => void)[] = [];
      const stop = (): void => {
        if (stopped) return;
        stopped = true;
        for (const c of cancels) c();
        sink.close();
      };
      const options: WatchOptions = { ...selection, fromRevision: q.watchFrom };
      if (q.watchFrom !== undefined && q.sendInitialEvents) options.sendInitialEvents = true;
      const skipInitial = q.watchFrom === undefined && q.sendInitialEvents === false;
      if (skipInitial) options.fromRevision = ctx.storage.revision;
      try {
        const watch = store.storage.watch(store.storageResource, options, (d) => {
          if (!stopped) sink.event({ type: d.type, object: d.object });
        });
        cancels.push(() => watch.stop());
      } catch (e) {
        // As the watch cache answers: the stream opens, carries one ERROR event, and ends.
        const err = errors.toStatusError(e);
        sink.event({ type: 'ERROR', object: err.status });
        stop();
        return { stop };
      }
      if (q.sendInitialEvents) sink.event(bookmark({ [INITIAL_EVENTS_END]: 'true' }));
      if (q.allowWatchBookmarks) cancels.push(ctx.clock.every(ctx.bookmarkIntervalMs, () => sink.event(bookmark())));
      const timeoutMs = q.timeoutSeconds !== undefined ? q.timeoutSeconds * 1000 : ctx.defaultWatchTimeoutMs;
      cancels.push(ctx.clock.after(timeoutMs, stop));
      return { stop };
    },
  };
}
