// Two small per-namespace controllers: the ServiceAccounts controller (a `default` account in
// every active namespace, recreated when deleted) and the root CA publisher (kube-root-ca.crt).
// Kubernetes twins: pkg/controller/serviceaccount/serviceaccounts_controller.go,
// pkg/controller/certificates/rootcacertpublisher/publisher.go.
import type { Clock } from '../../clock/clock.js';
import type { ConfigMap } from '../../api/types/configmap.js';
import type { Namespace } from '../../api/types/namespace.js';
import type { ServiceAccount } from '../../api/types/serviceaccount.js';
import type { Frozen } from '../../api/types.js';
import type { Client } from '../../client/client.js';
import { Informer } from '../../client/informer.js';
import { Lister } from '../../client/lister.js';
import { CONFIGMAPS, NAMESPACES, SERVICEACCOUNTS } from '../../client/resources.js';
import { runController } from '../../client/run-controller.js';
import { WorkQueue } from '../../client/work-queue.js';
import { DEFAULT_SERVICE_ACCOUNT, FAKE_ROOT_CA, ROOT_CA_CONFIGMAP } from './plan.js';
import { syncRootCA, syncServiceAccounts } from './reconcile.js';
import type { ControllerOptions } from '../shared/controller.js';

export { FAKE_ROOT_CA } from './plan.js';

export interface ServiceAccountControllerOptions extends Omit<ControllerOptions, 'workers'> {
  /** The PEM bundle published as kube-root-ca.crt (default: a fake one). */
  rootCA?: string;
}

export interface RunningNamespaceLoop {
  readonly started: Promise<boolean>;
  reconcile(namespace: string): Promise<void>;
  stop(): Promise<void>;
}

function namespaceLoop<T extends { metadata: { namespace?: string; name?: string } }>(
  name: string,
  client: Client,
  clock: Clock,
  resource: typeof SERVICEACCOUNTS | typeof CONFIGMAPS,
  objectName: string,
  sync: (namespaces: Lister<Namespace>, objects: Lister<T>, ns: string) => Promise<void>,
): RunningNamespaceLoop {
  const nsInformer = new Informer<Namespace>(client, NAMESPACES, { clock });
  // Only the one object name matters: a field selector keeps the cache small.
  const objInformer = new Informer(client, resource, { clock, fieldSelector: `metadata.name=${objectName}` }) as unknown as Informer<T & { metadata: object }>;
  const queue = new WorkQueue<string>(clock);
  const onNamespace = (ns: Frozen<Namespace>): void => queue.add(ns.metadata.name!);
  nsInformer.addEventHandler({ onAdd: onNamespace, onUpdate: (_, ns) => onNamespace(ns) });
  const onObject = (o: Frozen<{ metadata: { namespace?: string; name?: string } }>): void => {
    if (o.metadata.name === objectName && o.metadata.namespace) queue.add(o.metadata.namespace);
  };
  objInformer.addEventHandler({ onUpdate: (_, o) => onObject(o), onDelete: onObject });
  const namespaces = new Lister(nsInformer);
  const objects = new Lister(objInformer) as unknown as Lister<T>;
  const reconcile = (ns: string) => sync(namespaces, objects, ns);
  const running = runController({ name, informers: [nsInformer, objInformer], queue, reconcile });
  nsInformer.start();
  objInformer.start();
  return {
    started: running.started,
    reconcile,
    async stop() {
      nsInformer.stop();
      objInformer.stop();
      await running.stop();
    },
  };
}

export function startServiceAccountController(options: ServiceAccountControllerOptions): RunningNamespaceLoop {
  const { client, clock } = options;
  return namespaceLoop<ServiceAccount>('serviceaccount-controller', client, clock, SERVICEACCOUNTS, DEFAULT_SERVICE_ACCOUNT, (namespaces, accounts, ns) =>
    syncServiceAccounts(client, namespaces, accounts, ns),
  );
}

export function startRootCACertPublisher(options: ServiceAccountControllerOptions): RunningNamespaceLoop {
  const { client, clock } = options;
  const rootCA = options.rootCA ?? FAKE_ROOT_CA;
  return namespaceLoop<ConfigMap>('root-ca-cert-publisher', client, clock, CONFIGMAPS, ROOT_CA_CONFIGMAP, (namespaces, cms, ns) =>
    syncRootCA(client, namespaces, cms, rootCA, ns),
  );
}

/** Both loops together, as kube-controller-manager runs them. */
export function startServiceAccountControllers(options: ServiceAccountControllerOptions): { started: Promise<boolean>; stop(): Promise<void> } {
  const loops = [startServiceAccountController(options), startRootCACertPublisher(options)];
  return {
    started: Promise.all(loops.map((l) => l.started)).then((all) => all.every(Boolean)),
    async stop() {
      await Promise.all(loops.map((l) => l.stop()));
    },
  };
}
