// The controllers' connection while the manager holds the leader lease: every write is refused
// once the term it was opened for is over, so that nothing acts without the lease.
// Kubernetes twin: none as such. kube-controller-manager exits the moment it loses the lease
// (OnStoppedLeading is fatal), which also aborts every request in flight. In one process we
// stop the controllers instead and campaign again; a reconcile already in flight (say a
// ReplicaSet's slow-start burst of creations) would otherwise carry on writing after another
// manager took over.
import { Client } from '../client/client.js';
import type { ApiRequest, ApiResponse, Transport } from '../client/transport.js';

/** kube-controller-manager's field manager: its user agent's program name. */
export const CONTROLLER_MANAGER_FIELD_MANAGER = 'kube-controller-manager';

export class LeaseLostError extends Error {
  constructor(req: ApiRequest) {
    super(`${req.method} ${req.path} refused: this controller manager no longer holds the leader lease`);
    this.name = 'LeaseLostError';
  }
}

class FencedTransport implements Transport {
  constructor(
    private readonly inner: Transport,
    private readonly holdsLease: () => boolean,
  ) {}

  request(req: ApiRequest): Promise<ApiResponse> {
    // Reads (lists, gets, watches) do no harm; writes act on the cluster.
    if (req.method !== 'GET' && !this.holdsLease()) return Promise.reject(new LeaseLostError(req));
    return this.inner.request(req);
  }
}

/** A client over `client`'s transport whose writes go through only while `holdsLease()` says so. */
export function fencedClient(client: Client, holdsLease: () => boolean, fieldManager = CONTROLLER_MANAGER_FIELD_MANAGER): Client {
  return new Client(new FencedTransport(client.transport, holdsLease), { fieldManager });
}
