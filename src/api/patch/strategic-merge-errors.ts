// Failures of a strategic merge, worded as apimachinery words them and sorted the way
// kube-apiserver answers them. Kubernetes twins: k8s.io/apimachinery/pkg/util/mergepatch/errors.go
// and interpretStrategicMergePatchError in staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go.
import { kindOf, type JsonObject } from './json-value.js';

/**
 * How kube-apiserver answers: "badRequest" is 400 BadRequest, "invalid" is 422 with the generic
 * "the server rejected our request..." message, "unknown" is a plain Go error, which the apiserver
 * turns into a 500 carrying the message as is.
 */
export type StrategicMergeFailure = 'badRequest' | 'invalid' | 'unknown';

export class StrategicMergeError extends Error {
  constructor(
    message: string,
    readonly failure: StrategicMergeFailure = 'unknown',
  ) {
    super(message);
    this.name = 'StrategicMergeError';
  }
}

/** Go's fmt %v of a decoded JSON value: map[a:1 b:x], [1 2], <nil>; map keys sorted as fmt sorts them. */
export function goValue(v: unknown): string {
  switch (kindOf(v)) {
    case 'nil':
      return '<nil>';
    case 'slice':
      return `[${(v as unknown[]).map(goValue).join(' ')}]`;
    case 'map': {
      const m = v as JsonObject;
      return `map[${Object.keys(m).sort().map((k) => `${k}:${goValue(m[k])}`).join(' ')}]`;
    }
    case 'number':
      // Go prints float64 exponents with two digits at least: 1e-07, 1e+21.
      return String(v).replace(/e([+-])(\d)$/, 'e$10$2');
    default:
      return String(v);
  }
}

/** The Go type name reflect would report for a decoded value (ints decoded with PreserveInts are int64). */
function goType(v: unknown): string {
  switch (kindOf(v)) {
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    case 'number':
      return Number.isInteger(v) ? 'int64' : 'float64';
    case 'nil':
      return '%!s(<nil>)';
    default:
      return typeof v === 'boolean' ? 'bool' : 'string';
  }
}

export const badPatchFormatForPrimitiveList = () => new StrategicMergeError('invalid patch format of primitive list', 'badRequest');
export const badPatchFormatForRetainKeys = () => new StrategicMergeError('invalid patch format of retainKeys', 'badRequest');
export const badPatchFormatForSetElementOrderList = () =>
  new StrategicMergeError('invalid patch format of setElementOrder list', 'badRequest');
export const noListOfLists = () => new StrategicMergeError('lists of lists are not supported', 'invalid');

export const noMergeKey = (m: unknown, key: string) =>
  new StrategicMergeError(`map: ${goValue(m)} does not contain declared merge key: ${key}`);

export const badArgType = (expected: 'map' | 'slice', actual: unknown) =>
  new StrategicMergeError(`expected a ${expected === 'map' ? 'map[string]interface {}' : '[]interface {}'}, but received a ${goType(actual)}`);

export const badPatchType = (directive: unknown, m: JsonObject) =>
  new StrategicMergeError(`unknown patch type: ${goValue(directive)} in map: ${goValue(m)}`);

export const elementTypesNotIdentical = (lists: readonly (readonly unknown[])[]) =>
  new StrategicMergeError(`list element types are not identical: [${lists.map(goValue).join(' ')}]`);

export const noElements = () => new StrategicMergeError('no elements in any of the given slices');
export const mergeDirectiveInList = () => new StrategicMergeError('merging lists cannot yet be specified in the patch');
export const noMergeKeyDeclared = (field: string) => new StrategicMergeError(`cannot merge lists without merge key for ${field}`);

export const setElementOrderMismatch = (patchList: unknown, order: unknown) =>
  new StrategicMergeError(`the order in patch list:\n${goValue(patchList)}\n doesn't match $setElementOrder list:\n${goValue(order)}`);
