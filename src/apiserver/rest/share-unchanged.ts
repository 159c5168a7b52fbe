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
