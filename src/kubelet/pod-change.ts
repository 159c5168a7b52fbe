// Which pod updates the kubelet acts on. Kubernetes twin: pkg/kubelet/config/config.go
// (checkAndUpdatePod): a change of spec, labels, annotations or deletion is an update the pod
// worker syncs; a change of status alone is only recorded.
import type { Frozen } from '../api/types.js';
import type { Pod } from '../api/types/pod.js';
import { jsonEqual } from '../api/patch/json-value.js';

/** True when `b` asks nothing of the kubelet that `a` did not: only its status (or version) differs. */
export function sameDesiredPod(a: Frozen<Pod>, b: Frozen<Pod>): boolean {
  const ma = a.metadata;
  const mb = b.metadata;
  return (
    ma.uid === mb.uid &&
    ma.deletionTimestamp === mb.deletionTimestamp &&
    ma.deletionGracePeriodSeconds === mb.deletionGracePeriodSeconds &&
    jsonEqual(ma.labels, mb.labels) &&
    jsonEqual(ma.annotations, mb.annotations) &&
    (a.spec === b.spec || jsonEqual(a.spec, b.spec))
  );
}
