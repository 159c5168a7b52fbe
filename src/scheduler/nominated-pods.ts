// Pods nominated to a node (status.nominatedNodeName, set when they preempted there) and not yet
// bound hold their place: a pod of lower priority must not take the room freed for them. Filters
// therefore run with the nominated pods of equal or higher priority counted as present on the
// node; when that passes, they run again without them (pod affinity may need them absent), and
// the node fits only if both passes do.
// Kubernetes twins: pkg/scheduler/framework/runtime/framework.go (RunFilterPluginsWithNominatedPods,
// addGENominatedPods, RunPreFilterExtensionAddPod) and backend/queue/nominator.go.
import type { Pod } from '../api/types/pod.js';
import { CycleState, errorStatus, statusMessage, type Status } from './framework.js';
import type { NodeInfo } from './node-info.js';
import { podPriority } from './plugins/priority-sort.js';
import type { Profile } from './profile.js';
import { withNodePods, type Snapshot } from './snapshot.js';

/** Whether any pod is nominated anywhere: when none is, filtering takes its plain path. */
export const haveNominatedPods = (snapshot: Snapshot): boolean => (snapshot.input.nominatedPods?.length ?? 0) > 0;

/** Two objects for one pod: by UID when both have one, otherwise by namespace and name. */
function samePod(a: Pod, b: Pod): boolean {
  if (a.metadata.uid && b.metadata.uid) return a.metadata.uid === b.metadata.uid;
  return a.metadata.namespace === b.metadata.namespace && a.metadata.name === b.metadata.name;
}

/** The pods nominated to `nodeName` that `pod` must leave room for: priority >= its own, not itself. */
export function nominatedPodsToAdd(snapshot: Snapshot, pod: Pod, nodeName: string): Pod[] {
  const priority = podPriority(pod);
  return (snapshot.input.nominatedPods ?? []).filter(
    (p) => p.status?.nominatedNodeName === nodeName && podPriority(p) >= priority && !samePod(p, pod),
  );
}

/**
 * addGENominatedPods: the node with `added` placed on it, and the cycle state as PreFilter would
 * have left it had they been there. Here PreFilter simply runs again over that snapshot, which
 * is what the AddPod extensions of InterPodAffinity and PodTopologySpread work out incrementally;
 * plugins skipped in this cycle stay skipped. A PreFilter that now fails is an error, as a
 * failing AddPod is.
 */
export function withNominatedPods(
  profile: Profile, pod: Pod, state: CycleState, node: NodeInfo, added: readonly Pod[],
): { readonly state: CycleState; readonly node: NodeInfo } | Status {
  const snapshot = withNodePods(state.snapshot, node.name, [...node.pods.map((p) => p.pod), ...added]);
  const out = state.cloneFor(snapshot);
  for (const p of profile.preFilter) {
    if (state.skipFilterPlugins.has(p.name)) continue;
    const s = p.preFilter!(pod, out).status;
    if (s.code !== 'Success' && s.code !== 'Skip') return errorStatus(`running AddPod on PreFilter plugin "${p.name}": ${statusMessage(s)}`);
  }
  return { state: out, node: snapshot.get(node.name)! };
}
