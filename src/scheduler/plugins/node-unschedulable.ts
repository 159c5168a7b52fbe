// Twin of pkg/scheduler/framework/plugins/nodeunschedulable: a cordoned node (spec.unschedulable)
// takes only pods that tolerate the node.kubernetes.io/unschedulable:NoSchedule taint.
import type { Taint } from '../../api/types/node.js';
import { success, unresolvable, type Plugin } from '../framework.js';
import { tolerates } from '../tolerations.js';

export const NAME = 'NodeUnschedulable';
export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

const unschedulableTaint: Taint = { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' };

export const nodeUnschedulable: Plugin = {
  name: NAME,
  filter(pod, node) {
    if (!node.unschedulable) return success;
    return tolerates(pod.spec.tolerations, unschedulableTaint) ? success : unresolvable(ERR_REASON_UNSCHEDULABLE);
  },
};
