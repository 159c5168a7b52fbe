// One pass over one Service: bring its EndpointSlices in line with the pods its selector
// matches. Waits (requeues) while the cache has not yet shown its own last writes.
// Kubernetes twin: syncService in pkg/controller/endpointslice/endpointslice_controller.go
// and reconciler.go.
import { produce } from 'immer';
import type { Endpoint, EndpointSlice } from '../../api/types/endpointslice.js';
import type { Pod } from '../../api/types/pod.js';
import type { Service } from '../../api/types/service.js';
import type { Frozen } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import type { Lister } from '../../client/lister.js';
import { splitKey } from '../../client/object-key.js';
import { ENDPOINTSLICES } from '../../client/resources.js';
import { isNotFound } from '../../client/response-error.js';
import type { ReconcileResult } from '../../client/run-controller.js';
import { managesEndpoints } from '../endpoints/plan.js';
import { TRIGGER_TIME_ANNOTATION, lastChangeTriggerTime } from '../endpoints/pod-endpoints.js';
import { selectorOf } from '../endpoints/reconcile.js';
import { MANAGED_BY_LABEL, CONTROLLER_NAME, SERVICE_NAME_LABEL, controllerRef, desiredGroups, planSlices, sliceLabels, slicePrefix, type SliceWrite } from './plan.js';
import type { SliceTracker } from './tracker.js';

export interface SliceContext {
  client: Client;
  services: Lister<Service>;
  pods: Lister<Pod>;
  slices: Lister<EndpointSlice>;
  tracker: SliceTracker;
}

/** How soon to look again while the cache catches up with our own writes. */
const STALE_CACHE_RETRY_MS = 50;

export async function reconcileSlices(ctx: SliceContext, key: string): Promise<ReconcileResult | void> {
  const { namespace, name } = splitKey(key);
  const service = ctx.services.get(namespace, name);
  if (!ctx.tracker.caughtUp(key, (n) => ctx.slices.get(namespace, n))) return { requeueAfterMs: STALE_CACHE_RETRY_MS };
  // A deleted Service's slices go with it through their ownerReference (garbage collector).
  if (!service) return ctx.tracker.forget(key);
  if (!managesEndpoints(service)) return;
  const ours = ctx.slices.list(namespace, `${SERVICE_NAME_LABEL}=${name},${MANAGED_BY_LABEL}=${CONTROLLER_NAME}`);
  // Slices left by an earlier Service of the same name are not ours to keep.
  const stale = ours.filter((s) => !(s.metadata.ownerReferences ?? []).some((r) => r.uid === service.metadata.uid));
  const owned = ours.filter((s) => !stale.includes(s));
  const pods = ctx.pods.list(namespace, selectorOf(service.spec?.selector ?? {}));
  const labels = sliceLabels(service);
  const writes: SliceWrite[] = [...planSlices(desiredGroups(service, pods), owned, labels), ...stale.map((slice) => ({ type: 'delete' as const, slice }))];
  const trigger = lastChangeTriggerTime(service, pods);
  for (const w of writes) await apply(ctx, key, service, labels, trigger, w);
}

async function apply(ctx: SliceContext, key: string, service: Frozen<Service>, labels: Record<string, string>, trigger: string | undefined, w: SliceWrite): Promise<void> {
  const annotations = trigger ? { [TRIGGER_TIME_ANNOTATION]: trigger } : undefined;
  switch (w.type) {
    case 'create': {
      const slice: EndpointSlice = {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          generateName: slicePrefix(service.metadata.name!),
          namespace: service.metadata.namespace,
          labels,
          annotations,
          ownerReferences: [controllerRef(service)],
        },
        addressType: 'IPv4',
        endpoints: w.endpoints,
        ...(w.ports !== undefined ? { ports: w.ports } : {}),
      };
      ctx.tracker.wrote(key, await ctx.client.create(ENDPOINTSLICES, slice));
      return;
    }
    case 'update': {
      const next = produce(w.slice, (d) => {
        d.endpoints = w.endpoints as Endpoint[];
        d.metadata.labels = labels;
        const a = { ...(d.metadata.annotations ?? {}) };
        if (trigger) a[TRIGGER_TIME_ANNOTATION] = trigger;
        else delete a[TRIGGER_TIME_ANNOTATION];
        d.metadata.annotations = a;
      });
      ctx.tracker.wrote(key, await ctx.client.update(ENDPOINTSLICES, next));
      return;
    }
    case 'delete':
      try {
        await ctx.client.delete(ENDPOINTSLICES, w.slice.metadata.namespace!, w.slice.metadata.name!);
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
      ctx.tracker.deleted(key, w.slice.metadata.name!);
  }
}
