// One pass over one Service: give a LoadBalancer Service an address from the pool (with the
// cleanup finalizer, so deletion waits for the release), or release it when the Service
// changes type or goes. Writes nothing when the status already says the right thing.
// Kubernetes twin: syncLoadBalancerIfNeeded in k8s.io/cloud-provider/controllers/service.
import { produce } from 'immer';
import type { Service } from '../../api/types/service.js';
import type { Frozen } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import type { EventRecorder } from '../../client/event-recorder.js';
import type { Lister } from '../../client/lister.js';
import { objectKeyOf, splitKey } from '../../client/object-key.js';
import { SERVICES } from '../../client/resources.js';
import { isNotFound } from '../../client/response-error.js';
import type { ReconcileResult } from '../../client/run-controller.js';
import { allocate, inPool, type AddressPool } from './pool.js';
import { LB_CLEANUP_FINALIZER, desiredIngress, hasCleanupFinalizer, ingressOf, needsCleanup, sameIngress, wantsLoadBalancer } from './plan.js';

export interface LbContext {
  client: Client;
  services: Lister<Service>;
  recorder: EventRecorder;
  pool: AddressPool;
  /** Addresses handed out by this controller, by Service key, until released. */
  assigned: Map<string, string>;
}

/** With the pool exhausted, look again after this long. */
const EXHAUSTED_RETRY_MS = 30_000;

export async function reconcileLoadBalancer(ctx: LbContext, key: string): Promise<ReconcileResult | void> {
  const { namespace, name } = splitKey(key);
  const svc = ctx.services.get(namespace, name);
  if (!svc) {
    ctx.assigned.delete(key);
    return;
  }
  if (needsCleanup(svc)) return release(ctx, key, svc);
  if (!wantsLoadBalancer(svc)) {
    ctx.assigned.delete(key);
    return;
  }
  let current = svc;
  if (!hasCleanupFinalizer(current)) {
    current = await ctx.client.update(SERVICES, produce(current, (d) => void (d.metadata.finalizers = [...(d.metadata.finalizers ?? []), LB_CLEANUP_FINALIZER])));
  }
  const ip = addressFor(ctx, key, current);
  if (!ip) {
    void ctx.recorder.event(current, 'Warning', 'SyncLoadBalancerFailed', 'Error syncing load balancer: failed to ensure load balancer: no available IPs in the address pool');
    return { requeueAfterMs: EXHAUSTED_RETRY_MS };
  }
  ctx.assigned.set(key, ip);
  if (sameIngress(ingressOf(current), ip)) return;
  void ctx.recorder.event(current, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
  await ctx.client.updateStatus(SERVICES, { ...current, status: { ...current.status, loadBalancer: { ingress: desiredIngress(ip) } } });
  void ctx.recorder.event(current, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
}

/** Keeps the address the Service already shows (if ours to give); else the requested or the next free one. */
function addressFor(ctx: LbContext, key: string, svc: Frozen<Service>): string | undefined {
  const used = new Set<string>();
  for (const other of ctx.services.list()) {
    const k = objectKeyOf(other);
    if (k === key) continue;
    for (const i of ingressOf(other)) if (i.ip) used.add(i.ip);
  }
  for (const [k, ip] of ctx.assigned) if (k !== key) used.add(ip);
  const requested = svc.spec?.loadBalancerIP || undefined;
  const mine = ctx.assigned.get(key) ?? ingressOf(svc)[0]?.ip;
  if (mine && inPool(ctx.pool, mine) && !used.has(mine) && (!requested || requested === mine)) return mine;
  return allocate(ctx.pool, used, requested);
}

async function release(ctx: LbContext, key: string, svc: Frozen<Service>): Promise<void> {
  void ctx.recorder.event(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
  let current = svc;
  try {
    if (ingressOf(current).length > 0) current = await ctx.client.updateStatus(SERVICES, { ...current, status: { ...current.status, loadBalancer: {} } });
    if (hasCleanupFinalizer(current)) {
      const next = produce(current, (d) => {
        const rest = (d.metadata.finalizers ?? []).filter((f) => f !== LB_CLEANUP_FINALIZER);
        if (rest.length > 0) d.metadata.finalizers = rest;
        else delete d.metadata.finalizers;
      });
      await ctx.client.update(SERVICES, next);
    }
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
  ctx.assigned.delete(key);
  void ctx.recorder.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
}
