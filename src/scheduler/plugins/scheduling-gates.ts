// Twin of pkg/scheduler/framework/plugins/schedulinggates: a pod with spec.schedulingGates stays
// out of the active queue until every gate is removed.
import { success, unresolvable, type Plugin } from '../framework.js';

export const NAME = 'SchedulingGates';

export const schedulingGates: Plugin = {
  name: NAME,
  preEnqueue(pod) {
    const gates = (pod.spec.schedulingGates ?? []).map((g) => g.name);
    return gates.length === 0 ? success : unresolvable(`waiting for scheduling gates: [${gates.join(' ')}]`);
  },
};
