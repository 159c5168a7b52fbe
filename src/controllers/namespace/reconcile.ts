// One pass over one namespace: nothing unless it is being deleted; then delete everything in
// it, keep its conditions up to date, and once it is empty remove the "kubernetes" finalizer
// through the finalize subresource (the server then deletes the namespace).
// Kubernetes twin: pkg/controller/namespace/deletion/namespaced_resources_deleter.go (Delete,
// deleteAllContent, deleteAllContentForGroupVersionResource, finalizeNamespace).
import { rfc3339, type Clock } from '../../clock/clock.js';
import type { Namespace } from '../../api/types/namespace.js';
import type { Pod } from '../../api/types/pod.js';
import type { Frozen } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import { NAMESPACES, pathOf } from '../../client/resources.js';
import { isNotFound } from '../../client/response-error.js';
import type { ReconcileResult } from '../../client/run-controller.js';
import { discoverNamespacedResources, type DeletableResource } from './discovery.js';
import { FINALIZER_ESTIMATE_SECONDS, groupResourceName, podsGracefulEstimate, requeueSeconds } from './plan.js';
import { requestJson } from './raw-request.js';
import { failingConditions, mergeConditions, type DeletionTotals } from './status.js';

export const KUBERNETES_FINALIZER = 'kubernetes';

export interface NamespaceContext {
  client: Client;
  clock: Clock;
}

export async function reconcileNamespace(ctx: NamespaceContext, name: string): Promise<ReconcileResult | void> {
  let ns: Frozen<Namespace>;
  try {
    ns = await ctx.client.get(NAMESPACES, '', name);
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
  if (!ns.metadata.deletionTimestamp) return;
  if (ns.status?.phase !== 'Terminating') ns = await ctx.client.updateStatus(NAMESPACES, { ...ns, status: { ...ns.status, phase: 'Terminating' } });
  if (!(ns.spec?.finalizers ?? []).includes(KUBERNETES_FINALIZER)) return;
  const { estimate, errors } = await deleteAllContent(ctx, ns);
  if (errors.length > 0) throw new Error(`namespace ${name}: ${errors.join('; ')}`);
  if (estimate > 0) return { requeueAfterMs: requeueSeconds(estimate) * 1000 };
  await finalize(ctx, name);
}

async function deleteAllContent(ctx: NamespaceContext, ns: Frozen<Namespace>): Promise<{ estimate: number; errors: string[] }> {
  const name = ns.metadata.name!;
  const { resources, failures } = await discoverNamespacedResources(ctx.client);
  const totals: DeletionTotals = { remainingByResource: new Map(), remainingByFinalizer: new Map() };
  const errors: string[] = [];
  let estimate = 0;
  for (const r of resources) {
    try {
      const result = await deleteAllOf(ctx, r, name);
      estimate = Math.max(estimate, result.estimate);
      if (result.remaining > 0) {
        const key = groupResourceName(r.type.resource, r.type.group);
        totals.remainingByResource.set(key, (totals.remainingByResource.get(key) ?? 0) + result.remaining);
        for (const [f, n] of result.finalizers) totals.remainingByFinalizer.set(f, (totals.remainingByFinalizer.get(f) ?? 0) + n);
      }
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  const conditions = mergeConditions(ns.status?.conditions ?? [], failingConditions({ discoveryFailures: failures, contentErrors: errors, totals }), rfc3339(ctx.clock.now()));
  if (conditions) {
    try {
      await ctx.client.updateStatus(NAMESPACES, { ...ns, status: { ...ns.status, conditions } });
    } catch (e) {
      // As kube: a failed condition update is reported, the deletion carries on.
      if (!isNotFound(e)) console.error(`kubesim: namespace-controller: couldn't update status condition for namespace "${name}":`, e);
    }
  }
  if (failures.length > 0) errors.push(...failures);
  return { estimate, errors };
}

interface ResourceOutcome {
  estimate: number;
  remaining: number;
  finalizers: Map<string, number>;
}

async function deleteAllOf(ctx: NamespaceContext, r: DeletableResource, namespace: string): Promise<ResourceOutcome> {
  const list = async () => (r.verbs.includes('list') ? (await ctx.client.list(r.type, { namespace })).items : []);
  const before = await list();
  // Pods need their kubelets to stop them: wait about as long as their grace periods.
  let estimate = r.type.resource === 'pods' && r.type.group === '' ? podsGracefulEstimate(before as unknown as Frozen<Pod>[]) : 0;
  const pending = before.filter((o) => !o.metadata.deletionTimestamp);
  if (pending.length > 0) {
    if (r.verbs.includes('deletecollection')) {
      await requestJson(ctx.client, 'DELETE', pathOf(r.type, namespace), { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: 'Background' });
    } else {
      for (const o of pending) {
        try {
          await ctx.client.delete(r.type, namespace, o.metadata.name!, { propagationPolicy: 'Background' });
        } catch (e) {
          if (!isNotFound(e)) throw e;
        }
      }
    }
  }
  const after = before.length > 0 ? await list() : [];
  const finalizers = new Map<string, number>();
  for (const o of after) for (const f of o.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
  if (after.length > 0 && estimate === 0) {
    // Something with a finalizer is normal (give finalizers time); anything else is not.
    if (after.some((o) => (o.metadata.finalizers ?? []).length > 0)) estimate = FINALIZER_ESTIMATE_SECONDS;
    else if (!after.every((o) => o.metadata.deletionTimestamp)) {
      throw new Error(`unexpected items still remain in namespace: ${namespace} for gvr: ${r.type.group}/${r.type.version}, Resource=${r.type.resource}`);
    } else estimate = FINALIZER_ESTIMATE_SECONDS;
  }
  return { estimate, remaining: after.length, finalizers };
}

/** Removes "kubernetes" from spec.finalizers through PUT .../finalize. */
async function finalize(ctx: NamespaceContext, name: string): Promise<void> {
  let ns: Frozen<Namespace>;
  try {
    ns = await ctx.client.get(NAMESPACES, '', name);
  } catch (e) {
    if (isNotFound(e)) return;
    throw e;
  }
  const finalizers = (ns.spec?.finalizers ?? []).filter((f) => f !== KUBERNETES_FINALIZER);
  const body = { apiVersion: 'v1', kind: 'Namespace', ...ns, spec: { ...ns.spec, finalizers } };
  try {
    await requestJson(ctx.client, 'PUT', pathOf(NAMESPACES, '', name, 'finalize'), body);
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}
