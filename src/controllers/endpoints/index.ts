// The Endpoints controller: every Service with a selector has an Endpoints object of the
// same name listing its pods. Kubernetes twin: pkg/controller/endpoint/endpoints_controller.go.
import type { Clock } from '../../clock/clock.js';
import type { Endpoints } from '../../api/types/endpoints.js';
import type { Pod } from '../../api/types/pod.js';
import type { Service } from '../../api/types/service.js';
import type { Frozen } from '../../api/types.js';
import { Informer } from '../../client/informer.js';
import { informerFor } from '../shared/shared-informers.js';
import { Lister } from '../../client/lister.js';
import { keyOf, objectKeyOf } from '../../client/object-key.js';
import { ENDPOINTS, PODS, SERVICES } from '../../client/resources.js';
import { runController } from '../../client/run-controller.js';
import { WorkQueue } from '../../client/work-queue.js';
import { reconcileEndpoints } from './reconcile.js';
import type { ControllerHandle, ControllerOptions } from '../shared/controller.js';
import { InstantBatch } from '../shared/instant-batch.js';
import { podEndpointChange } from './pod-changes.js';

export type EndpointsControllerOptions = ControllerOptions;

/** Keys are Services ("namespace/name"). */
export type ServiceKeyedController = ControllerHandle<void>;

/** Keys of the Services in the pod's namespace whose selector matches its labels. */
export function servicesSelecting(services: Lister<Service>, pod: Frozen<Pod>): string[] {
  const labels = pod.metadata.labels ?? {};
  return services
    .list(pod.metadata.namespace)
    .filter((s) => {
      const sel = Object.entries(s.spec?.selector ?? {});
      return sel.length > 0 && sel.every(([k, v]) => labels[k] === v);
    })
    .map(objectKeyOf);
}

/** A Service-keyed controller's queue, and the batch its informer events go through. */
export interface ServiceQueue {
  queue: WorkQueue<string>;
  batch: InstantBatch<string>;
}

/** Wires a Service-keyed controller: services, pods and the controller's own objects feed the queue. */
export function podsToServicesQueue(clock: Clock, services: Informer<Service>, pods: Informer<Pod>): ServiceQueue {
  const queue = new WorkQueue<string>(clock);
  // Many pods of one Service change at one instant (a rollout): one sync sees them all.
  const batch = new InstantBatch(clock, queue);
  const serviceLister = new Lister(services);
  const onService = (s: Frozen<Service>): void => batch.add(objectKeyOf(s));
  services.addEventHandler({ onAdd: onService, onUpdate: (_, s) => onService(s), onDelete: onService });
  const onPod = (...versions: Frozen<Pod>[]): void => {
    for (const p of versions) for (const k of servicesSelecting(serviceLister, p)) batch.add(k);
  };
  const onPodUpdate = (old: Frozen<Pod>, cur: Frozen<Pod>): void => {
    const { podChanged, membershipChanged } = podEndpointChange(old, cur);
    // Only the Services it joined or left need a look when nothing else about it changed.
    if (podChanged) onPod(old, cur);
    else if (membershipChanged) {
      const before = new Set(servicesSelecting(serviceLister, old));
      const after = new Set(servicesSelecting(serviceLister, cur));
      for (const k of before) if (!after.has(k)) batch.add(k);
      for (const k of after) if (!before.has(k)) batch.add(k);
    }
  };
  pods.addEventHandler({ onAdd: (p) => onPod(p), onUpdate: onPodUpdate, onDelete: (p) => onPod(p) });
  return { queue, batch };
}

export function startEndpointsController(options: EndpointsControllerOptions): ServiceKeyedController {
  const { client, clock } = options;
  const services = informerFor<Service>(options, SERVICES);
  const pods = informerFor<Pod>(options, PODS);
  const endpoints = informerFor<Endpoints>(options, ENDPOINTS);
  const { queue, batch } = podsToServicesQueue(clock, services, pods);
  // Someone changed or deleted our Endpoints: put them right.
  const onEndpoints = (e: Frozen<Endpoints>): void => batch.add(keyOf(e.metadata.namespace ?? '', e.metadata.name ?? ''));
  endpoints.addEventHandler({ onUpdate: (_, e) => onEndpoints(e), onDelete: onEndpoints });
  const ctx = { client, services: new Lister(services), pods: new Lister(pods), endpoints: new Lister(endpoints) };
  const reconcile = (key: string) => reconcileEndpoints(ctx, key);
  const running = runController({ name: 'endpoint-controller', informers: [services, pods, endpoints], queue, workers: options.workers ?? 2, reconcile });
  for (const i of [services, pods, endpoints]) i.start();
  return {
    started: running.started,
    reconcile,
    async stop() {
      batch.stop();
      for (const i of [services, pods, endpoints]) i.stop();
      await running.stop();
    },
  };
}
