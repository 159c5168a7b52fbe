// One pass over one Service: create, update or delete its Endpoints so they list the pods
// its selector matches; nothing is written when they already do.
// Kubernetes twin: syncService in pkg/controller/endpoint/endpoints_controller.go.
import { produce } from 'immer';
import type { Endpoints } from '../../api/types/endpoints.js';
import type { Pod } from '../../api/types/pod.js';
import type { Service } from '../../api/types/service.js';
import type { Client } from '../../client/client.js';
import type { Lister } from '../../client/lister.js';
import { splitKey } from '../../client/object-key.js';
import { ENDPOINTS } from '../../client/resources.js';
import { isNotFound } from '../../client/response-error.js';
import { desiredSubsets, managesEndpoints } from './plan.js';
import { TRIGGER_TIME_ANNOTATION, endpointsLabels, lastChangeTriggerTime } from './pod-endpoints.js';

export interface EndpointsContext {
  client: Client;
  services: Lister<Service>;
  pods: Lister<Pod>;
  endpoints: Lister<Endpoints>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function sameLabels(a: Readonly<Record<string, string>> | undefined, b: Record<string, string>): boolean {
  const ka = Object.keys(a ?? {});
  return ka.length === Object.keys(b).length && ka.every((k) => a![k] === b[k]);
}

export async function reconcileEndpoints(ctx: EndpointsContext, key: string): Promise<void> {
  const { namespace, name } = splitKey(key);
  const service = ctx.services.get(namespace, name);
  const current = ctx.endpoints.get(namespace, name);
  if (!service) {
    // The Service is gone: so are its Endpoints.
    if (current) await ctx.client.delete(ENDPOINTS, namespace, name).catch((e) => (isNotFound(e) ? undefined : Promise.reject(e)));
    return;
  }
  if (!managesEndpoints(service)) return;
  const pods = ctx.pods.list(namespace, selectorOf(service.spec?.selector ?? {}));
  const subsets = desiredSubsets(service, pods);
  const labels = endpointsLabels(service);
  if (current && same(current.subsets ?? [], subsets) && sameLabels(current.metadata.labels, labels)) return;
  const trigger = lastChangeTriggerTime(service, pods);
  if (!current) {
    const annotations = trigger ? { [TRIGGER_TIME_ANNOTATION]: trigger } : undefined;
    await ctx.client.create(ENDPOINTS, { apiVersion: 'v1', kind: 'Endpoints', metadata: { namespace, name, labels, annotations }, subsets });
    return;
  }
  const next = produce(current, (d) => {
    d.subsets = subsets;
    d.metadata.labels = labels;
    const annotations = { ...(d.metadata.annotations ?? {}) };
    if (trigger) annotations[TRIGGER_TIME_ANNOTATION] = trigger;
    else delete annotations[TRIGGER_TIME_ANNOTATION];
    d.metadata.annotations = annotations;
  });
  await ctx.client.update(ENDPOINTS, next);
}

/** A Service's equality-based selector as a label selector string ("app=web,tier=fe"). */
export function selectorOf(selector: Readonly<Record<string, string>>): string {
  return Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}
