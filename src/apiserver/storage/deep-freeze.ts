// Freezes a JSON value all the way down (subtrees already frozen are left as they are). Plain JSON holds only objects, arrays
// and scalars, so this walk is simpler (and on the write path, cheaper) than immer's freeze.
// Empty objects, which abound in managedFields (every FieldsV1 leaf is `{}`), all become one
// shared frozen `{}`: once frozen nobody can tell them apart, and each costs heap of its own.

const EMPTY: Readonly<Record<string, never>> = Object.freeze({});

export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = deepFreeze(value[i]);
    return Object.freeze(value);
  }
  const record = value as Record<string, unknown>;
  let empty = true;
  for (const k in record) {
    empty = false;
    const child = record[k];
    if (typeof child === 'object' && child !== null) record[k] = deepFreeze(child);
  }
  return (empty ? EMPTY : Object.freeze(value)) as T;
}
