// Whether an update changes anything. etcd3's store compares the encoded bytes with the
// resourceVersion cleared and skips a write that changes nothing; we compare structurally,
// which immer's structural sharing makes cheap (untouched subtrees are the same reference).

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let count = 0;
  for (const k in ra) {
    if (ra[k] === undefined) continue;
    count++;
    if (!deepEqual(ra[k], rb[k])) return false;
  }
  for (const k in rb) if (rb[k] !== undefined) count--;
  return count === 0;
}

type WithMeta = { metadata?: Record<string, unknown> };

/** Equal but for metadata.resourceVersion. */
export function sameContent(next: unknown, current: unknown): boolean {
  if (next === current) return true;
  const n = next as WithMeta;
  const c = current as WithMeta;
  if (typeof n !== 'object' || typeof c !== 'object' || !n || !c) return false;
  for (const k in n) if (k !== 'metadata' && !deepEqual((n as Record<string, unknown>)[k], (c as Record<string, unknown>)[k])) return false;
  for (const k in c) if (k !== 'metadata' && !(k in n) && (c as Record<string, unknown>)[k] !== undefined) return false;
  const nm = n.metadata ?? {};
  const cm = c.metadata ?? {};
  for (const k in nm) if (k !== 'resourceVersion' && !deepEqual(nm[k], cm[k])) return false;
  for (const k in cm) if (k !== 'resourceVersion' && !(k in nm) && cm[k] !== undefined) return false;
  return true;
}
