// Freezes a freshly parsed JSON value all the way down. Plain JSON holds only objects, arrays
// and scalars, so this walk is simpler (and on the write path, cheaper) than immer's freeze.
export function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  if (Array.isArray(value)) {
    for (const v of value) deepFreeze(v);
  } else {
    for (const k in value) deepFreeze((value as Record<string, unknown>)[k]);
  }
  return Object.freeze(value);
}
