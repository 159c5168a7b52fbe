// A deep, unfrozen copy of a JSON value, for the write path to shape in place.
// JSON.parse(JSON.stringify(x)) gives the same result at several times the cost: it goes
// through text. As in JSON, properties whose value is undefined are left out.

export function jsonCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = jsonCopy(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  const record = value as Record<string, unknown>;
  for (const k in record) {
    const v = record[k];
    if (v !== undefined) out[k] = jsonCopy(v);
  }
  return out as T;
}
