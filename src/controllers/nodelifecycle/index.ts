// The node lifecycle controller (node health, condition taints, NoExecute taints at each zone's
// eviction rate) and the taint eviction controller (deleting pods from NoExecute-tainted
// nodes), each with informers, a work queue and the shared loop. Kubernetes twins:
// pkg/controller/nodelifecycle (NewNodeLifecycleController, Run with the nodeMonitorPeriod
// loop) and pkg/controller/tainteviction (New, Run).
import type { Frozen } from '../../api/types.js';
import type { Lease } from '../../api/types/lease.js';
import type { Node } from '../../api/types/node.js';
import type { Pod } from '../../api/types/pod.js';
import { EventRecorder } from '../../client/event-recorder.js';
import { informerFor } from '../shared/shared-informers.js';
import { Lister } from '../../client/lister.js';
import { objectKeyOf } from '../../client/object-key.js';
import { LEASES, NODES, PODS } from '../../client/resources.js';
import { runController } from '../../client/run-controller.js';
import { WorkQueue } from '../../client/work-queue.js';
import { noExecuteTaints } from './eviction-plan.js';
import type { NodeHealth } from './health.js';
import { NODE_LEASE_NAMESPACE, reconcileNode, type NodeLifecycleDeps } from './reconcile.js';
import { ZoneTainting } from './zone-tainting.js';
import { DEFAULT_EVICTION_RATES, type EvictionRates } from './zone-state.js';
import { reconcilePodEviction, type ScheduledEviction } from './taint-eviction.js';
import type { ControllerHandle, ControllerOptions } from '../shared/controller.js';

/** kube-controller-manager's --node-monitor-grace-period and --node-monitor-period. */
export const DEFAULT_NODE_MONITOR_GRACE_PERIOD_MS = 40_000;
export const DEFAULT_NODE_MONITOR_PERIOD_MS = 5_000;

export interface NodeLifecycleOptions {
  /** How long a node may stay silent before it is marked Unknown (default 40 s). */
  nodeMonitorGracePeriodMs?: number;
  /** How often every node is looked at again (default 5 s). */
  nodeMonitorPeriodMs?: number;
  /** --node-eviction-rate, --secondary-node-eviction-rate, --unhealthy-zone-threshold, --large-cluster-size-threshold. */
  evictionRates?: Partial<EvictionRates>;
}

export interface NodeLifecycleControllerOptions extends NodeLifecycleOptions, Omit<ControllerOptions, 'workers'> {}

export type RunningNodeController = ControllerHandle;

export interface NodeLifecycleController extends RunningNodeController {
  /** The zones' states and tainting queues. */
  readonly zones: ZoneTainting;
}

export function startNodeLifecycleController(options: NodeLifecycleControllerOptions): NodeLifecycleController {
  const { client, clock } = options;
  const nodeInformer = informerFor(options, NODES);
  const leaseInformer = informerFor(options, LEASES, { namespace: NODE_LEASE_NAMESPACE });
  const podInformer = informerFor(options, PODS);
  const nodes = new Lister(nodeInformer);
  const queue = new WorkQueue<string>(clock);
  const health = new Map<string, NodeHealth>();
  const zones = new ZoneTainting({ client, clock, nodes, health, rates: { ...DEFAULT_EVICTION_RATES, ...options.evictionRates } });
  const deps: NodeLifecycleDeps = {
    client,
    clock,
    nodes,
    leases: new Lister(leaseInformer),
    pods: new Lister(podInformer),
    recorder: new EventRecorder(client, clock, { component: 'node-controller' }),
    health,
    gracePeriodMs: options.nodeMonitorGracePeriodMs ?? DEFAULT_NODE_MONITOR_GRACE_PERIOD_MS,
    zones,
  };
  const onNode = (n: Frozen<Node>): void => queue.add(n.metadata.name!);
  nodeInformer.addEventHandler({ onAdd: onNode, onUpdate: (_, n) => onNode(n), onDelete: onNode });
  const onLease = (l: Frozen<Lease>): void => queue.add(l.metadata.name!);
  leaseInformer.addEventHandler({ onAdd: onLease, onUpdate: (_, l) => onLease(l) });
  const running = runController({ name: 'node-lifecycle-controller', informers: [nodeInformer, leaseInformer, podInformer], queue, workers: 4, reconcile: (k) => reconcileNode(deps, k) });
  const monitor = clock.every(options.nodeMonitorPeriodMs ?? DEFAULT_NODE_MONITOR_PERIOD_MS, () => {
    if (!nodeInformer.hasSynced()) return;
    for (const n of nodes.list()) queue.add(n.metadata.name!);
    // After this period's node passes: the zones' states, as Go's handleDisruption ends monitorNodeHealth.
    zones.schedule(0);
  });
  for (const i of [nodeInformer, leaseInformer, podInformer]) i.start();
  return {
    started: running.started,
    reconcile: (k) => reconcileNode(deps, k),
    zones,
    async stop() {
      monitor();
      zones.stop();
      for (const i of [nodeInformer, leaseInformer, podInformer]) i.stop();
      await running.stop();
    },
  };
}

export function startTaintEvictionController(options: Omit<ControllerOptions, 'workers'>): RunningNodeController {
  const { client, clock } = options;
  const nodeInformer = informerFor(options, NODES);
  const podInformer = informerFor(options, PODS);
  const pods = new Lister(podInformer);
  const queue = new WorkQueue<string>(clock);
  const deps = {
    client,
    clock,
    nodes: new Lister(nodeInformer),
    pods,
    recorder: new EventRecorder(client, clock, { component: 'taint-eviction-controller' }),
    scheduled: new Map<string, ScheduledEviction>(),
  };
  const podsOn = (node: string): void => {
    for (const p of pods.list()) if (p.spec?.nodeName === node) queue.add(objectKeyOf(p));
  };
  const sameNoExecute = (a: Frozen<Node>, b: Frozen<Node>): boolean =>
    JSON.stringify(noExecuteTaints(a.spec?.taints)) === JSON.stringify(noExecuteTaints(b.spec?.taints));
  nodeInformer.addEventHandler({
    onAdd: (n) => void (noExecuteTaints(n.spec?.taints).length && podsOn(n.metadata.name!)),
    onUpdate: (old, n) => void (!sameNoExecute(old, n) && podsOn(n.metadata.name!)),
    onDelete: (n) => podsOn(n.metadata.name!),
  });
  const onPod = (p: Frozen<Pod>): void => {
    if (p.spec?.nodeName) queue.add(objectKeyOf(p));
  };
  // As the real PodUpdated: only a new node or new tolerations can change a pod's fate (status
  // churn cannot), and a pod already scheduled for eviction is looked at again on its own timer.
  const fateMayChange = (old: Frozen<Pod>, cur: Frozen<Pod>): boolean =>
    old.spec?.nodeName !== cur.spec?.nodeName ||
    (old.spec?.tolerations !== cur.spec?.tolerations && JSON.stringify(old.spec?.tolerations ?? []) !== JSON.stringify(cur.spec?.tolerations ?? []));
  podInformer.addEventHandler({
    onAdd: onPod,
    onUpdate: (old, p) => void (fateMayChange(old, p) && onPod(p)),
    onDelete: (p) => queue.add(objectKeyOf(p)),
  });
  const reconcile = (k: string) => reconcilePodEviction(deps, k);
  const running = runController({ name: 'taint-eviction-controller', informers: [nodeInformer, podInformer], queue, workers: 4, reconcile });
  nodeInformer.start();
  podInformer.start();
  return {
    started: running.started,
    reconcile,
    async stop() {
      nodeInformer.stop();
      podInformer.stop();
      await running.stop();
    },
  };
}
