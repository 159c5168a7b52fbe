// The transport that needs no socket: calls the API server core's `handle` directly.
// Watch events arrive as the store's own frozen objects, never serialised on the way.
// Request bodies go as values (ApiRequest.value): the server copies them instead of parsing.
// Kubernetes twin: none (client-go always speaks HTTP); this is kubesim's in-process seam.
import type { KubeObject } from '../api/types.js';
import type { ApiRequest, ApiResponse, Transport, WatchStream, WatchStreamEvent } from './transport.js';

/** What the in-process transport needs of a server: the ApiServer fits. */
export interface RequestHandler {
  handle(req: ApiRequest): Promise<ApiResponse>;
}

/** ADDED, MODIFIED and DELETED carry a stored version; we hand on its frozen object. */
function plainEvent(e: WatchStreamEvent): WatchStreamEvent {
  if (e.type === 'BOOKMARK' || e.type === 'ERROR') return e;
  const stored = e.object as { object?: KubeObject; revision?: number };
  return typeof stored.revision === 'number' && stored.object ? { type: e.type, object: stored.object } : e;
}

/**
 * Events are handed on synchronously, inside the store's fan-out. A handler that writes back
 * cannot re-enter that fan-out: every write reaches the store only after an await.
 */
function plainStream(inner: WatchStream): WatchStream {
  return {
    encode: (e) => inner.encode(e),
    start: (sink) => inner.start({ event: (e) => sink.event(plainEvent(e)), close: () => sink.close() }),
  };
}

export class InProcessTransport implements Transport {
  constructor(private readonly server: RequestHandler) {}

  async request(req: ApiRequest): Promise<ApiResponse> {
    const res = await this.server.handle(req);
    return res.watch ? { ...res, watch: plainStream(res.watch) } : res;
  }
}
