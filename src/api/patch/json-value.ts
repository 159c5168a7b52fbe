// JSON values as the patch functions see them. Kubernetes twin: the map[string]interface{} /
// []interface{} trees of k8s.io/apimachinery/pkg/runtime (unstructured content).

/** A decoded JSON object; readonly because inputs may be deep-frozen store objects. */
export type JsonObject = { readonly [key: string]: unknown };

export const isJsonObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The Go dynamic type a decoded JSON value would have; patch code compares these, not JS typeof. */
export type JsonKind = 'map' | 'slice' | 'string' | 'number' | 'bool' | 'nil';

export function kindOf(v: unknown): JsonKind {
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return 'slice';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'map';
  }
}

/** Structural equality of two JSON values (object key order does not matter, array order does). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return false;
  if (kind === 'slice') {
    const x = a as readonly unknown[];
    const y = b as readonly unknown[];
    return x.length === y.length && x.every((v, i) => jsonEqual(v, y[i]));
  }
  if (kind === 'map') {
    const x = a as JsonObject;
    const y = b as JsonObject;
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every((k) => Object.hasOwn(y, k) && jsonEqual(x[k], y[k]));
  }
  return false;
}

/** Sets an own property, even "__proto__" (a legal JSON key that plain assignment would misread). */
export function putKey(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** A shallow, writable copy of an object that keeps its key order. */
export function copyObject(source: JsonObject | undefined): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  if (source) for (const key of Object.keys(source)) putKey(copy, key, source[key]);
  return copy;
}
