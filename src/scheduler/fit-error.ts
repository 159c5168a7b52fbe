// Why a pod fits no node, worded as kube-scheduler words it in the FailedScheduling event.
// Kubernetes twin: pkg/scheduler/framework/types.go (FitError, Diagnosis, NodeToStatus).
import type { Pod } from '../api/types/pod.js';
import { compareGoStrings } from '../api/selectors/label-requirement.js';
import type { Status } from './framework.js';

export const NO_NODE_AVAILABLE_MSG = (n: number) => `0/${n} nodes are available`;

export interface Diagnosis {
  /** Statuses of the nodes that were actually filtered (and failed). */
  readonly nodeToStatus: Map<string, Status>;
  /** Status of every node not in nodeToStatus (PreFilter rejected the pod or narrowed the nodes). */
  absentStatus?: Status;
  readonly unschedulablePlugins: Set<string>;
  preFilterMsg: string;
  postFilterMsg: string;
}

export const newDiagnosis = (): Diagnosis => ({ nodeToStatus: new Map(), unschedulablePlugins: new Set(), preFilterMsg: '', postFilterMsg: '' });

/**
 * Counts every reason of every filtered node, plus the shared status's reasons once for each
 * node that has no status of its own, then sorts the "N reason" strings as Go's sort.Strings
 * does (so "10 ..." sorts before "2 ...").
 * Worked example: statuses [Insufficient cpu], [Insufficient cpu, Insufficient memory],
 * [node(s) had untolerated taint {a: b}] -> "1 Insufficient memory, 1 node(s) had untolerated
 * taint {a: b}, 2 Insufficient cpu".
 */
export function reasonsHistogram(numAllNodes: number, d: Pick<Diagnosis, 'nodeToStatus' | 'absentStatus'>): string[] {
  const counts = new Map<string, number>();
  for (const s of d.nodeToStatus.values()) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const absent = numAllNodes - d.nodeToStatus.size;
  if (absent > 0 && d.absentStatus) for (const r of d.absentStatus.reasons) counts.set(r, (counts.get(r) ?? 0) + absent);
  return [...counts].map(([r, n]) => `${n} ${r}`).sort(compareGoStrings);
}

/**
 * FitError.Error() (1.32): "0/N nodes are available:" then " <PreFilter message>." or else
 * " <histogram>." (left out when empty), then " <PostFilter message>" as the plugin wrote it.
 * Example: "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available:
 * 3 No preemption victims found for incoming pod."
 */
export function fitErrorMessage(numAllNodes: number, d: Diagnosis): string {
  let msg = `${NO_NODE_AVAILABLE_MSG(numAllNodes)}:`;
  if (d.preFilterMsg !== '') msg += ` ${d.preFilterMsg}.`;
  else {
    const h = reasonsHistogram(numAllNodes, d);
    if (h.length > 0) msg += ` ${h.join(', ')}.`;
  }
  if (d.postFilterMsg !== '') msg += ` ${d.postFilterMsg}`;
  return msg;
}

/** A pod that fits no node; `message` is re-derived, so a PostFilter message shows once added. */
export class FitError {
  readonly name = 'FitError';
  constructor(
    readonly pod: Pod,
    readonly numAllNodes: number,
    readonly diagnosis: Diagnosis,
  ) {}
  get message(): string {
    return fitErrorMessage(this.numAllNodes, this.diagnosis);
  }
  toString(): string {
    return this.message;
  }
}

/** The status a node has in the diagnosis: its own, or the one shared by unfiltered nodes. */
export function statusOfNode(d: Diagnosis, node: string): Status | undefined {
  return d.nodeToStatus.get(node) ?? d.absentStatus;
}
