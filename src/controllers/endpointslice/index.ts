// The EndpointSlice controller: every Service with a selector has EndpointSlices (IPv4)
// listing its pods with ready/serving/terminating conditions.
// Kubernetes twin: pkg/controller/endpointslice/endpointslice_controller.go.
import type { EndpointSlice } from '../../api/types/endpointslice.js';
import type { Pod } from '../../api/types/pod.js';
import type { Service } from '../../api/types/service.js';
import type { Frozen } from '../../api/types.js';
import { informerFor } from '../shared/shared-informers.js';
import { Lister } from '../../client/lister.js';
import { keyOf } from '../../client/object-key.js';
import { ENDPOINTSLICES, PODS, SERVICES } from '../../client/resources.js';
import { runController, type ReconcileResult } from '../../client/run-controller.js';
import { podsToServicesQueue } from '../endpoints/index.js';
import { CONTROLLER_NAME, MANAGED_BY_LABEL, SERVICE_NAME_LABEL } from './plan.js';
import { reconcileSlices } from './reconcile.js';
import { SliceTracker } from './tracker.js';
import type { ControllerHandle, ControllerOptions } from '../shared/controller.js';

export type EndpointSliceControllerOptions = ControllerOptions;

export type EndpointSliceController = ControllerHandle<ReconcileResult | void>;

export function startEndpointSliceController(options: EndpointSliceControllerOptions): EndpointSliceController {
  const { client, clock } = options;
  const services = informerFor<Service>(options, SERVICES);
  const pods = informerFor<Pod>(options, PODS);
  const slices = informerFor<EndpointSlice>(options, ENDPOINTSLICES, { labelSelector: `${MANAGED_BY_LABEL}=${CONTROLLER_NAME}` });
  const { queue, batch } = podsToServicesQueue(clock, services, pods);
  const onSlice = (s: Frozen<EndpointSlice>): void => {
    const svc = s.metadata.labels?.[SERVICE_NAME_LABEL];
    if (svc) batch.add(keyOf(s.metadata.namespace ?? '', svc));
  };
  slices.addEventHandler({ onAdd: onSlice, onUpdate: (_, s) => onSlice(s), onDelete: onSlice });
  const ctx = { client, services: new Lister(services), pods: new Lister(pods), slices: new Lister(slices), tracker: new SliceTracker() };
  const reconcile = (key: string) => reconcileSlices(ctx, key);
  const running = runController({ name: 'endpointslice-controller', informers: [services, pods, slices], queue, workers: options.workers ?? 2, reconcile });
  for (const i of [services, pods, slices]) i.start();
  return {
    started: running.started,
    reconcile,
    async stop() {
      batch.stop();
      for (const i of [services, pods, slices]) i.stop();
      await running.stop();
    },
  };
}
