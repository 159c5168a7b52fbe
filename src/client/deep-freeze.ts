// Objects a client hands out are frozen, as the store's are: a cache shared by every reader
// must not be edited in place. Changes are made on a copy (immer's produce) and written back.
// Kubernetes twin: the "do not mutate objects from a lister" rule of client-go, enforced.

/** Freezes `value` and everything reachable from it; returns it, typed as given. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const v of Object.values(value as object)) deepFreeze(v);
  return value;
}
