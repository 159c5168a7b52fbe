// Finds the fields of an object the schema does not declare, for ?fieldValidation=Strict|Warn.
// Kubernetes twin: sigs.k8s.io/json UnmarshalStrict as used by the apiserver's strict decoding
// (k8s.io/apimachinery/pkg/runtime/serializer/json), whose paths read "spec.containers[0].foo"
// and whose errors read `unknown field "spec.foo"`, joined with ", ".
import { inspectObject } from './inspect.js';

/**
 * Paths of the fields in `object` that its kind's schema does not know, in document order.
 * An unknown kind yields none (it is treated as an open object, as for a CRD without schema).
 */
export function unknownFields(group: string, version: string, kind: string, object: unknown): string[] {
  return inspectObject(group, version, kind, object).unknown;
}

/** One message per unknown field, as sent in Warning headers for fieldValidation=Warn. */
export function unknownFieldWarnings(paths: readonly string[]): string[] {
  return paths.map((path) => `unknown field "${path}"`);
}

/** The decoder's message for fieldValidation=Strict, e.g. `strict decoding error: unknown field "spec.foo"`. */
export function strictDecodingError(paths: readonly string[]): string {
  return `strict decoding error: ${unknownFieldWarnings(paths).join(', ')}`;
}
