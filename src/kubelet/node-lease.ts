// The node's heartbeat: a Lease in kube-node-lease renewed every quarter of its duration
// (10 s for 40 s). Kubernetes twin: k8s.io/component-helpers/apimachinery/lease/controller.go
// with pkg/kubelet/nodelease (the owner reference to the Node).
import { rfc3339Micro, type Clock } from '../clock/clock.js';
import type { Frozen } from '../api/types.js';
import type { Lease } from '../api/types/lease.js';
import { LEASES, isConflict, isNotFound, type Client } from '../client/index.js';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

export class NodeLease {
  #lease: Frozen<Lease> | undefined;

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    private readonly nodeName: string,
    private readonly durationSeconds: number,
  ) {}

  /** Creates the lease or moves its renewTime to now. */
  async renew(nodeUid: string | undefined): Promise<void> {
    const renewTime = rfc3339Micro(this.clock.now());
    try {
      if (!this.#lease) this.#lease = await this.#getOrCreate(nodeUid, renewTime);
      else this.#lease = await this.client.update(LEASES, { ...this.#lease, spec: { ...this.#lease.spec, holderIdentity: this.nodeName, leaseDurationSeconds: this.durationSeconds, renewTime } } as Frozen<Lease>);
    } catch (e) {
      // Someone else wrote it (or it went away): read it afresh on the next renewal.
      if (isConflict(e) || isNotFound(e)) this.#lease = undefined;
      else throw e;
    }
  }

  async #getOrCreate(nodeUid: string | undefined, renewTime: string): Promise<Frozen<Lease>> {
    try {
      const current = await this.client.get(LEASES, NODE_LEASE_NAMESPACE, this.nodeName);
      return await this.client.update(LEASES, { ...current, spec: { ...current.spec, holderIdentity: this.nodeName, leaseDurationSeconds: this.durationSeconds, renewTime } } as Frozen<Lease>);
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
    const lease: Lease = {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: this.nodeName,
        namespace: NODE_LEASE_NAMESPACE,
        ...(nodeUid ? { ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: nodeUid }] } : {}),
      },
      spec: { holderIdentity: this.nodeName, leaseDurationSeconds: this.durationSeconds, renewTime },
    };
    return this.client.create(LEASES, lease as Frozen<Lease>);
  }
}
