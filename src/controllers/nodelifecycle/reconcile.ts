// One pass over one node: note any sign of life, turn its conditions Unknown once it has been
// silent for the grace period, mark its pods not ready, and keep the condition taints in step.
// Kubernetes twin: pkg/controller/nodelifecycle/node_lifecycle_controller.go (monitorNodeHealth,
// tryUpdateNodeHealth, processTaintBaseEviction, doNoScheduleTaintingPass) and MarkPodsNotReady
// in pkg/controller/util/node/controller_utils.go. When NoExecute taints go on is decided zone by
// zone (zone-tainting.ts).
import { produce } from 'immer';
import type { Frozen, KubeObject } from '../../api/types.js';
import type { Lease } from '../../api/types/lease.js';
import type { Node } from '../../api/types/node.js';
import type { Pod } from '../../api/types/pod.js';
import { rfc3339 } from '../../clock/clock.js';
import type { Clock } from '../../clock/clock.js';
import type { Client } from '../../client/client.js';
import type { EventRecorder } from '../../client/event-recorder.js';
import type { Lister } from '../../client/lister.js';
import { NODES, PODS } from '../../client/resources.js';
import { isNotFound } from '../../client/response-error.js';
import type { ReconcileResult } from '../../client/run-controller.js';
import { isPodReady } from '../shared/pod-state.js';
import { observeHealth, readyCondition, silentTooLong, unknownConditions, type NodeHealth } from './health.js';
import { desiredTaints, hasNoExecuteTaint, nextTaints, swapNoExecuteTaint, TAINT_NOT_READY, TAINT_UNREACHABLE, type NoExecuteKey } from './taints.js';
import { writeTaints } from './taint-writer.js';
import type { ZoneTainting } from './zone-tainting.js';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

export interface NodeLifecycleDeps {
  client: Client;
  clock: Clock;
  nodes: Lister<Node>;
  leases: Lister<Lease>;
  pods: Lister<Pod>;
  recorder: EventRecorder;
  /** What the controller last heard from each node (its own memory, lost on restart as real). */
  health: Map<string, NodeHealth>;
  gracePeriodMs: number;
  /** The zones' rate-limited tainting queues (shared by every pass). */
  zones: ZoneTainting;
}

/** Node events name the node by name, uid included, as RecordNodeStatusChange does. */
const nodeRef = (name: string): Frozen<KubeObject> => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, uid: name } }) as Frozen<KubeObject>;

export async function reconcileNode(deps: NodeLifecycleDeps, name: string): Promise<ReconcileResult> {
  const { clock, gracePeriodMs } = deps;
  const node = deps.nodes.get('', name);
  if (!node) {
    deps.health.delete(name);
    return {};
  }
  const now = clock.now();
  const health = observeHealth(deps.health.get(name), node, deps.leases.get(NODE_LEASE_NAMESPACE, name), now);
  deps.health.set(name, health);
  let current = node;
  if (silentTooLong(health, now, gracePeriodMs)) current = await markUnknown(deps, node, health, now);
  if (readyCondition(current)?.status !== 'True') await markPodsNotReady(deps, name, now);
  current = await syncNoScheduleTaints(deps, current, now);
  await processTaintBaseEviction(deps, current, now);
  const ready = readyCondition(current)?.status;
  // Come back exactly when the grace period would run out, unless it already has.
  return ready === 'Unknown' ? {} : { requeueAfterMs: Math.max(1, health.probeMs + gracePeriodMs - now) };
}

async function markUnknown(deps: NodeLifecycleDeps, node: Frozen<Node>, health: NodeHealth, now: number): Promise<Frozen<Node>> {
  const conditions = unknownConditions(node, now);
  if (!conditions) return node;
  const wasReady = readyCondition(node)?.status === 'True';
  const written = await deps.client.updateStatus(NODES, produce(node, (d) => void ((d.status ??= {}).conditions = conditions)) as Frozen<Node>);
  // Our own write is no sign of life: remember the status we wrote.
  deps.health.set(node.metadata.name!, { ...health, readyStatus: 'Unknown', readyHeartbeat: readyCondition(written)?.lastHeartbeatTime ?? '' });
  if (wasReady) void deps.recorder.event(nodeRef(node.metadata.name!), 'Normal', 'NodeNotReady', `Node ${node.metadata.name} status is now: NodeNotReady`);
  return written;
}

/** Pods on a node that stopped reporting can no longer be trusted to serve: Ready becomes False. */
async function markPodsNotReady(deps: NodeLifecycleDeps, nodeName: string, now: number): Promise<void> {
  const stamp = rfc3339(now);
  for (const pod of deps.pods.list()) {
    if (pod.spec?.nodeName !== nodeName || !isPodReady(pod)) continue;
    const next = produce(pod, (d) => {
      const c = d.status!.conditions!.find((x) => x.type === 'Ready')!;
      c.status = 'False';
      c.lastTransitionTime = stamp;
    });
    try {
      await deps.client.updateStatus(PODS, next as Frozen<Pod>);
      void deps.recorder.event(pod as Frozen<KubeObject>, 'Warning', 'NodeNotReady', 'Node is not ready');
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
}

/** TaintNodeByCondition: the NoSchedule taints follow the conditions at once. */
async function syncNoScheduleTaints(deps: NodeLifecycleDeps, node: Frozen<Node>, now: number): Promise<Frozen<Node>> {
  return writeTaints(deps.client, node, (n) => nextTaints(n, desiredTaints(n), now));
}

/**
 * The NoExecute taint, which evicts: a switch between not-ready and unreachable is made at once,
 * a new one waits its turn in the zone's rate-limited queue, and a ready node loses both.
 * Go: processTaintBaseEviction.
 */
async function processTaintBaseEviction(deps: NodeLifecycleDeps, node: Frozen<Node>, now: number): Promise<void> {
  const status = readyCondition(node)?.status;
  if (status === 'True') {
    deps.zones.markReachable(node);
    await writeTaints(deps.client, node, (n) => swapNoExecuteTaint(n, undefined, now));
    return;
  }
  if (status !== 'False' && status !== 'Unknown') return;
  const [want, other]: [NoExecuteKey, NoExecuteKey] = status === 'False' ? [TAINT_NOT_READY, TAINT_UNREACHABLE] : [TAINT_UNREACHABLE, TAINT_NOT_READY];
  if (hasNoExecuteTaint(node, other)) await writeTaints(deps.client, node, (n) => swapNoExecuteTaint(n, want, now));
  else deps.zones.markForTainting(node);
}
