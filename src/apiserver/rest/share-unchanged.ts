// An update's next version made to share what it did not change with the version stored now.
// The write path shapes a private copy of the client's object (see resource-store.ts); equal
// parts of that copy are swapped for the current version's frozen ones before it is compared,
// checked, frozen and stored. What comes after then skips them by identity: the field manager's
// diff, the schema check of known fields, the no-op write test, freezing. And successive
// versions of one object hold one copy of what stays the same, as immer's drafts would.
// Kubernetes twin: none (Go decodes into fresh structs each time and compares them in full).

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/**
 * `next` with its equal parts replaced by `current`'s, changed in place; `current` itself when
 * the two are equal as a whole (key order aside, as with deepEqual). `next` must be mutable
 * all the way down (a fresh copy); `current` is only read.
 */
export function shareUnchanged(next: unknown, current: unknown): unknown {
  if (next === current || !isObject(next) || !isObject(current)) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(current)) return next;
    let same = next.length === current.length;
    const n = Math.min(next.length, current.length);
    for (let i = 0; i < n; i++) {
      const shared = shareUnchanged(next[i], current[i]);
      if (shared !== next[i]) next[i] = shared;
      if (shared !== current[i]) same = false;
    }
    return same ? current : next;
  }
  if (Array.isArray(current)) return next;
  let same = true;
  let count = 0;
  for (const k in next) {
    const v = next[k];
    if (v === undefined) continue;
    count++;
    const cv = current[k];
    const shared = shareUnchanged(v, cv);
    if (shared !== v) next[k] = shared;
    if (shared !== cv) same = false;
  }
  if (!same) return next;
  for (const k in current) if (current[k] !== undefined) count--;
  return count === 0 ? current : next;
}

/**
 * Shares the unchanged parts of an update's draft with the current version, all but the draft
 * itself and its metadata, which the store still writes to (managedFields, resourceVersion).
 */
export function shareUnchangedParts(draft: Json & { metadata: Json }, current: Json & { metadata?: Json }): void {
  for (const k in draft) {
    if (k === 'metadata') continue;
    const shared = shareUnchanged(draft[k], current[k]);
    if (shared !== draft[k]) draft[k] = shared;
  }
  const meta = draft.metadata;
  const currentMeta = current.metadata ?? {};
  for (const k in meta) {
    const shared = shareUnchanged(meta[k], currentMeta[k]);
    if (shared !== meta[k]) meta[k] = shared;
  }
}

/**
 * A copy of `value` that keeps, as they are, the parts that are `current`'s own frozen objects
 * at the same place (a patch leaves untouched parts so); everything else is copied.
 */
function copyKeepingCurrent(value: unknown, current: unknown): unknown {
  if (!isObject(value)) return value;
  if (value === current && Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    const before = Array.isArray(current) ? current : undefined;
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copyKeepingCurrent(value[i], before?.[i]);
    return out;
  }
  const before = isObject(current) && !Array.isArray(current) ? current : undefined;
  const out: Json = {};
  for (const k in value) {
    const v = value[k];
    if (v !== undefined) out[k] = copyKeepingCurrent(v, before?.[k]);
  }
  return out;
}

/**
 * The draft an update is shaped in: the proposed version copied, but for the parts it shares
 * with the current version, which stay the current version's frozen objects. The draft itself
 * and its metadata are always fresh (the pipeline writes the server's fields there). Shaping
 * only writes where something is missing or not in canonical form, which a stored part never
 * is; a write into a kept part throws a TypeError (it is frozen), and the caller then shapes a
 * full copy instead.
 */
export function draftKeepingCurrent<T extends Json & { metadata: Json }>(proposed: T, current: Json & { metadata?: Json }): T {
  const out: Json = {};
  for (const k in proposed) {
    const v = proposed[k];
    if (v === undefined) continue;
    if (k === 'metadata' && isObject(v) && !Array.isArray(v)) {
      const meta: Json = {};
      const currentMeta = current.metadata;
      for (const mk in v) if (v[mk] !== undefined) meta[mk] = copyKeepingCurrent(v[mk], currentMeta?.[mk]);
      out.metadata = meta;
    } else out[k] = copyKeepingCurrent(v, current[k]);
  }
  return out as T;
}
