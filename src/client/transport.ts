// How a client reaches an API server: one request in, one answer out, watches as streams.
// Kubernetes twin: k8s.io/client-go/rest (the RESTClient's http.RoundTripper seam).
//
// The shapes are the API server core's own (src/apiserver/api-request.ts), imported as types
// only: no apiserver code is loaded by the client, and the two sides cannot drift apart.
import type { ApiRequest, ApiResponse, WatchSink, WatchStream, WatchStreamEvent } from '../apiserver/api-request.js';

export type { ApiRequest, ApiResponse, WatchSink, WatchStream, WatchStreamEvent };

/**
 * Carries requests to a server. Every transport hands watch events to the client as plain
 * frozen objects (never as the store's StoredObject): ADDED/MODIFIED/DELETED carry the object,
 * BOOKMARK a bare object with metadata.resourceVersion, ERROR a Status.
 */
export interface Transport {
  request(req: ApiRequest): Promise<ApiResponse>;
}
