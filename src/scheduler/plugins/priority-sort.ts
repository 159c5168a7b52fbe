// Twin of pkg/scheduler/framework/plugins/queuesort/priority_sort.go: the active queue pops the
// pod with the highest priority first, and among equals the one queued earliest.
import type { Pod } from '../../api/types/pod.js';
import type { Plugin, QueuedPodInfo } from '../framework.js';

export const NAME = 'PrioritySort';

/** corev1helpers.PodPriority: spec.priority, or 0 when the pod has none. */
export const podPriority = (pod: Pod): number => pod.spec.priority ?? 0;

export const prioritySort: Plugin = {
  name: NAME,
  less(a: QueuedPodInfo, b: QueuedPodInfo): boolean {
    const pa = podPriority(a.pod);
    const pb = podPriority(b.pod);
    return pa > pb || (pa === pb && a.timestamp < b.timestamp);
  },
};
