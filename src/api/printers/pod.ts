// `kubectl get pods`: NAME READY STATUS RESTARTS AGE | IP NODE NOMINATED NODE READINESS GATES.
// Kubernetes twin: podColumnDefinitions and printPod in pkg/printers/internalversion/printers.go.
import type { Frozen, KubeObject } from '../types.js';
import { podSummary, type PodView } from './pod-status.js';
import {
  ageColumn,
  ageOf,
  column,
  nameColumn,
  nameOf,
  wideColumn,
  type ResourcePrinter,
  type TableCell,
  type TableRowCondition,
} from './table-column.js';

const columns = [
  nameColumn,
  column('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
  column('Status', 'The aggregate status of the containers in this pod.'),
  column(
    'Restarts',
    'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
  ),
  ageColumn,
  wideColumn('IP', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.'),
  wideColumn(
    'Node',
    'NodeName indicates in which node this pod is scheduled. If empty, this pod is a candidate for scheduling by the ' +
      'scheduler defined in schedulerName. Once this field is set, the kubelet for this node becomes responsible for ' +
      'the lifecycle of this pod. This field should not be used to express a desire for the pod to be scheduled on a ' +
      'specific node. https://kubernetes.io/docs/concepts/scheduling-eviction/assign-pod-node/#nodename',
  ),
  wideColumn(
    'Nominated Node',
    'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right ' +
      'away as preemption victims receive their graceful termination periods. This field does not guarantee that the ' +
      'pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become ' +
      'available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that ' +
      'is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is ' +
      'scheduled.',
  ),
  wideColumn(
    'Readiness Gates',
    'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers ' +
      'are ready AND all conditions specified in the readiness gates have status equal to "True" More info: ' +
      'https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates',
  ),
];

/** Finished pods carry a Completed row condition, so watchers can tell done from running rows. */
const SUCCEEDED: TableRowCondition[] = [
  { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
];
const FAILED: TableRowCondition[] = [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];

export const podPrinter: ResourcePrinter = {
  columns,
  row(obj: KubeObject, now: number): TableCell[] {
    const pod = obj as Frozen<PodView>;
    const summary = podSummary(pod, now);
    return [
      nameOf(obj),
      summary.ready,
      summary.status,
      summary.restarts,
      ageOf(obj, now),
      podIP(pod),
      pod.spec?.nodeName || '<none>',
      pod.status?.nominatedNodeName || '<none>',
      readinessGates(pod),
    ];
  },
  conditions(obj: KubeObject): TableRowCondition[] | undefined {
    const phase = (obj as Frozen<PodView>).status?.phase;
    if (phase === 'Succeeded') return SUCCEEDED;
    if (phase === 'Failed') return FAILED;
    return undefined;
  },
};

/** The first pod IP. v1 objects may carry only the legacy podIP; the internal form always has podIPs. */
function podIP(pod: Frozen<PodView>): string {
  return pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>';
}

/** "1/2": readiness gates whose condition is True, over all gates; "<none>" without gates. */
function readinessGates(pod: Frozen<PodView>): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  const conditions = pod.status?.conditions ?? [];
  const passing = gates.filter((gate) => conditions.find((c) => c.type === gate.conditionType)?.status === 'True');
  return `${passing.length}/${gates.length}`;
}
