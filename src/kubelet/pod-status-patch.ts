// The strategic merge patch the kubelet sends to pods/status: the two-way difference between
// the status the API server has and the one the kubelet wants, with the pod's uid as a
// precondition. Kubernetes twin: pkg/util/pod/pod.go (PatchPodStatus,
// preparePatchBytesForPodStatus) over strategicpatch.CreateTwoWayMergePatch with v1.PodStatus's
// patch metadata (conditions merged by type, podIPs and hostIPs by ip, other lists replaced).
import type { Frozen } from '../api/types.js';
import type { PodStatus } from '../api/types/pod.js';

/** Lists of PodStatus merged by key (patchStrategy=merge); every other list is replaced whole. */
const MERGE_KEYS: Readonly<Record<string, string>> = { conditions: 'type', podIPs: 'ip', hostIPs: 'ip' };

/**
 * Fields the kubelet writes: one it wrote before and no longer wants is deleted (null). Others
 * (nominatedNodeName from the scheduler, resize, ...) belong to someone else and are left alone.
 */
const KUBELET_FIELDS = new Set([
  'phase',
  'conditions',
  'message',
  'reason',
  'hostIP',
  'hostIPs',
  'podIP',
  'podIPs',
  'startTime',
  'initContainerStatuses',
  'containerStatuses',
  'ephemeralContainerStatuses',
  'qosClass',
]);

type Json = unknown;
type Item = Readonly<Record<string, Json>>;

const isMap = (v: Json): v is Item => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Does the server's `old` already say what `want` says? A null (or absent) field in a patch
 * means "not there", so `lastProbeTime: null` matches a condition without lastProbeTime.
 */
function holds(old: Json, want: Json): boolean {
  if (want === null || want === undefined) return old === null || old === undefined;
  if (old === want) return true;
  if (Array.isArray(want)) {
    if (!Array.isArray(old) || old.length !== want.length) return false;
    for (let i = 0; i < want.length; i++) if (!holds(old[i], want[i])) return false;
    return true;
  }
  if (!isMap(want) || !isMap(old)) return false;
  // for-in, not Object.keys: these run for every field of every status built, and make no arrays.
  for (const k in want) if (!holds(old[k], want[k])) return false;
  for (const k in old) if (!(k in want) && old[k] !== null) return false;
  return true;
}

/** A changed item of a keyed list: the wanted item, with fields it no longer has set to null (deleted). */
function itemPatch(before: Item | undefined, want: Item): Item {
  if (!before) return want;
  let out: Record<string, Json> | undefined;
  for (const k in before) {
    if (k in want || before[k] === null) continue;
    if (!out) {
      out = {};
      for (const w in want) out[w] = want[w];
    }
    out[k] = null;
  }
  return out ?? want;
}

/**
 * A keyed list's changes: new or changed items whole (fields they lost as null), removed IPs as
 * `$patch: delete`, and the wanted order; false when there are none. E.g. Ready turning True:
 * `conditions: [{type: Ready, status: "True", ...}]` and
 * `$setElementOrder/conditions: [{type: PodReadyToStartContainers}, {type: Initialized}, ...]`.
 */
function keyedListPatch(field: string, key: string, old: readonly Item[], want: readonly Item[], out: Record<string, Json>): boolean {
  // Plain loops, no closures: this runs for every status built.
  let changed: Json[] | undefined;
  let reordered = old.length < want.length;
  for (let i = 0; i < want.length; i++) {
    const item = want[i];
    if (!reordered && old[i][key] !== item[key]) reordered = true;
    const before = itemWith(old, key, item[key]);
    if (!before || !holds(before, item)) (changed ??= []).push(itemPatch(before, item));
  }
  // Conditions the kubelet does not set (PodScheduled, DisruptionTarget) stay as they are.
  if (field !== 'conditions') for (const o of old) if (!itemWith(want, key, o[key])) (changed ??= []).push({ [key]: o[key], $patch: 'delete' });
  if (!changed && !reordered) return false;
  out[`$setElementOrder/${field}`] = want.map((w) => ({ [key]: w[key] }));
  if (changed) out[field] = changed;
  return true;
}

/** The item of a keyed list whose key is `value`. */
function itemWith(list: readonly Item[], key: string, value: Json): Item | undefined {
  for (let i = 0; i < list.length; i++) if (list[i][key] === value) return list[i];
  return undefined;
}

/**
 * The patch from `current` (what the server has) to `want`, or undefined when there is nothing
 * to change. E.g. a container starting: phase, the Ready conditions, podIP(s) and
 * containerStatuses, beside `metadata.uid`.
 */
export function podStatusPatch(uid: string, current: Frozen<PodStatus> | undefined, want: PodStatus): Record<string, Json> | undefined {
  const old = (current ?? {}) as Item;
  const next = want as unknown as Item;
  const status: Record<string, Json> = {};
  let changed = false;
  for (const field in next) {
    const value = next[field];
    if (value === undefined || holds(old[field], value)) continue;
    const key = MERGE_KEYS[field];
    if (key && Array.isArray(old[field])) {
      // Only foreign conditions differ (PodScheduled after the kubelet's): nothing to send.
      if (keyedListPatch(field, key, old[field] as Item[], value as Item[], status)) changed = true;
    } else {
      status[field] = value;
      changed = true;
    }
  }
  for (const field in old) {
    if (KUBELET_FIELDS.has(field) && next[field] === undefined) {
      status[field] = null;
      changed = true;
    }
  }
  if (!changed) return undefined;
  return { metadata: { uid }, status };
}
