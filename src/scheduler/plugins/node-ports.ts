// Twin of pkg/scheduler/framework/plugins/nodeports: a pod asking for host ports fits only a
// node where none of them is taken (same protocol and port, and same IP or either 0.0.0.0).
import { skip, StateKey, success, unschedulable, type Plugin } from '../framework.js';
import { hostPortsOf, portConflicts } from '../node-info.js';

export const NAME = 'NodePorts';
export const ERR_REASON = "node(s) didn't have free ports for the requested pod ports";

const stateKey = new StateKey<readonly string[]>(`PreFilter${NAME}`);

export const nodePorts: Plugin = {
  name: NAME,
  preFilter(pod, state) {
    const ports = hostPortsOf(pod);
    if (ports.length === 0) return { status: skip };
    state.write(stateKey, ports);
    return { status: success };
  },
  filter(pod, node, state) {
    const wanted = state.read(stateKey) ?? hostPortsOf(pod);
    return wanted.some((k) => portConflicts(node.usedPorts, k)) ? unschedulable(ERR_REASON) : success;
  },
};
