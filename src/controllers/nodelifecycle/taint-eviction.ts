// The taint eviction controller's pass over one pod: on a node with NoExecute taints it does
// not tolerate, the pod is deleted at once; tolerated for tolerationSeconds, it is deleted that
// long after the controller first saw it threatened (unless the taints go first).
// Kubernetes twin: pkg/controller/tainteviction/taint_eviction.go (processPodOnNode,
// deletePodHandler, addConditionAndDeletePod, emitPodDeletionEvent).
import type { Frozen, KubeObject } from '../../api/types.js';
import type { Node } from '../../api/types/node.js';
import type { Pod } from '../../api/types/pod.js';
import { rfc3339 } from '../../clock/clock.js';
import type { Clock } from '../../clock/clock.js';
import type { Client } from '../../client/client.js';
import type { EventRecorder } from '../../client/event-recorder.js';
import type { Lister } from '../../client/lister.js';
import { splitKey } from '../../client/object-key.js';
import { PODS } from '../../client/resources.js';
import { isNotFound } from '../../client/response-error.js';
import type { ReconcileResult } from '../../client/run-controller.js';
import { evictionVerdict, noExecuteTaints } from './eviction-plan.js';

export const TAINT_MANAGER_EVICTION = 'TaintManagerEviction';

/** A deletion on the clock: the pod (by uid) and when the controller first saw it threatened. */
export interface ScheduledEviction {
  uid: string;
  sinceMs: number;
}

export interface TaintEvictionDeps {
  client: Client;
  clock: Clock;
  nodes: Lister<Node>;
  pods: Lister<Pod>;
  recorder: EventRecorder;
  scheduled: Map<string, ScheduledEviction>;
}

const podRef = (namespace: string, name: string): Frozen<KubeObject> =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name } }) as Frozen<KubeObject>;

export async function reconcilePodEviction(deps: TaintEvictionDeps, key: string): Promise<ReconcileResult> {
  const { namespace, name } = splitKey(key);
  const pod = deps.pods.get(namespace, name);
  const nodeName = pod?.spec?.nodeName;
  const node = nodeName ? deps.nodes.get('', nodeName) : undefined;
  const taints = noExecuteTaints(node?.spec?.taints);
  const verdict = pod && !pod.metadata.deletionTimestamp ? evictionVerdict(pod.spec?.tolerations, taints) : { kind: 'stay' as const };
  const previous = deps.scheduled.get(key);
  if (verdict.kind === 'stay') {
    deps.scheduled.delete(key);
    if (previous && pod && !pod.metadata.deletionTimestamp) void deps.recorder.event(podRef(namespace, name), 'Normal', TAINT_MANAGER_EVICTION, `Cancelling deletion of Pod ${key}`);
    return {};
  }
  const now = deps.clock.now();
  const uid = pod!.metadata.uid ?? '';
  const since = previous && previous.uid === uid ? previous.sinceMs : now;
  deps.scheduled.set(key, { uid, sinceMs: since });
  const dueAt = verdict.kind === 'now' ? now : since + verdict.afterMs;
  if (dueAt > now) return { requeueAfterMs: dueAt - now };
  await evict(deps, pod!, key, now);
  deps.scheduled.delete(key);
  return {};
}

/** Says why on the pod (the DisruptionTarget condition), tells the user, then deletes. */
async function evict(deps: TaintEvictionDeps, pod: Frozen<Pod>, key: string, now: number): Promise<void> {
  const { namespace, name } = splitKey(key);
  void deps.recorder.event(podRef(namespace, name), 'Normal', TAINT_MANAGER_EVICTION, `Marking for deletion Pod ${key}`);
  try {
    const hasTarget = pod.status?.conditions?.some((c) => c.type === 'DisruptionTarget' && c.status === 'True');
    if (!hasTarget) {
      const condition = {
        type: 'DisruptionTarget',
        status: 'True',
        reason: 'DeletionByTaintManager',
        message: 'Taint manager: deleting due to NoExecute taint',
        lastTransitionTime: rfc3339(now),
      };
      await deps.client.patch(PODS, namespace, name, 'strategic', { status: { conditions: [condition] } }, { subresource: 'status' });
    }
    await deps.client.delete(PODS, namespace, name, { preconditions: { uid: pod.metadata.uid } });
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}
