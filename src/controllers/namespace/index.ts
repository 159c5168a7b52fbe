// The namespace controller: namespaces being deleted are drained and finalized.
// Kubernetes twin: pkg/controller/namespace/namespace_controller.go.
import type { Namespace } from '../../api/types/namespace.js';
import type { Frozen } from '../../api/types.js';
import { informerFor } from '../shared/shared-informers.js';
import { NAMESPACES } from '../../client/resources.js';
import { runController, type ReconcileResult } from '../../client/run-controller.js';
import { WorkQueue } from '../../client/work-queue.js';
import { reconcileNamespace } from './reconcile.js';
import type { ControllerHandle, ControllerOptions } from '../shared/controller.js';

export type NamespaceControllerOptions = ControllerOptions;

/** Keys are namespace names. */
export type NamespaceController = ControllerHandle<ReconcileResult | void>;

export function startNamespaceController(options: NamespaceControllerOptions): NamespaceController {
  const { client, clock } = options;
  const informer = informerFor<Namespace>(options, NAMESPACES);
  const queue = new WorkQueue<string>(clock);
  const enqueue = (ns: Frozen<Namespace>): void => {
    if (ns.metadata.deletionTimestamp) queue.add(ns.metadata.name!);
  };
  informer.addEventHandler({ onAdd: enqueue, onUpdate: (_, ns) => enqueue(ns) });
  const reconcile = (name: string) => reconcileNamespace({ client, clock }, name);
  const running = runController({ name: 'namespace-controller', informers: [informer], queue, workers: options.workers ?? 2, reconcile });
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
