// A simulated cloud load-balancer controller: LoadBalancer Services get
// status.loadBalancer.ingress from an address pool. Kubernetes twin: the service controller
// of k8s.io/cloud-provider (controllers/service/controller.go), with a pool as the "cloud".
import type { Service } from '../../api/types/service.js';
import type { Frozen } from '../../api/types.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { informerFor } from '../shared/shared-informers.js';
import { Lister } from '../../client/lister.js';
import { objectKeyOf } from '../../client/object-key.js';
import { SERVICES } from '../../client/resources.js';
import { runController, type ReconcileResult } from '../../client/run-controller.js';
import { WorkQueue } from '../../client/work-queue.js';
import { wantsLoadBalancer } from './plan.js';
import { DEFAULT_POOL, parsePool } from './pool.js';
import { reconcileLoadBalancer, type LbContext } from './reconcile.js';
import type { ControllerHandle, ControllerOptions } from '../shared/controller.js';

export { DEFAULT_POOL } from './pool.js';

export interface ServiceLBControllerOptions extends Omit<ControllerOptions, 'workers'> {
  /** Address ranges, e.g. "172.18.255.200-172.18.255.250" (the default). */
  addressPool?: string;
}

export type ServiceLBController = ControllerHandle<ReconcileResult | void>;

export function startServiceLBController(options: ServiceLBControllerOptions): ServiceLBController {
  const { client, clock } = options;
  const informer = informerFor<Service>(options, SERVICES);
  const queue = new WorkQueue<string>(clock);
  const ctx: LbContext = {
    client,
    services: new Lister(informer),
    recorder: new EventRecorder(client, clock, { component: 'service-controller' }),
    pool: parsePool(options.addressPool ?? DEFAULT_POOL),
    assigned: new Map(),
  };
  const onService = (s: Frozen<Service>): void => queue.add(objectKeyOf(s));
  const hasIngress = (s: Frozen<Service>): boolean => (s.status?.loadBalancer?.ingress ?? []).length > 0;
  // A released address may let a Service waiting on an exhausted pool in.
  const requeueWaiting = (): void => {
    for (const other of informer.list()) if (wantsLoadBalancer(other) && !hasIngress(other)) onService(other);
  };
  informer.addEventHandler({
    onAdd: onService,
    onUpdate: (old, s) => {
      onService(s);
      if (hasIngress(old) && !hasIngress(s)) requeueWaiting();
    },
    onDelete: (s) => {
      onService(s);
      if (hasIngress(s)) requeueWaiting();
    },
  });
  const reconcile = (key: string) => reconcileLoadBalancer(ctx, key);
  // One worker: allocation reads what the previous pass assigned.
  const running = runController({ name: 'service-lb-controller', informers: [informer], queue, workers: 1, reconcile });
  informer.start();
  return {
    started: running.started,
    reconcile,
    async stop() {
      informer.stop();
      await running.stop();
    },
  };
}
