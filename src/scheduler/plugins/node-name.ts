// Twin of pkg/scheduler/framework/plugins/nodename: a pod that names its node (spec.nodeName)
// fits only that node.
import { success, unresolvable, type Plugin } from '../framework.js';

export const NAME = 'NodeName';
export const ERR_REASON = "node(s) didn't match the requested node name";

export const nodeName: Plugin = {
  name: NAME,
  filter(pod, node) {
    const wanted = pod.spec.nodeName;
    return !wanted || wanted === node.name ? success : unresolvable(ERR_REASON);
  },
};
