// The PATCH verb's body applied to the live object, with malformed patches answered as kube-apiserver
// answers them. Kubernetes twin: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go
// (applyJSPatch, strategicPatchObject, interpretStrategicMergePatchError).
//
//   body not JSON / wrong JSON type   json: 400 with Go's decode error; merge: 400 "Invalid JSON Patch";
//                                     strategic: 400 with Go's decode error
//   JSON patch op fails (test, path)  422 Invalid, generic message (the op error is not sent back)
//   strategic: malformed directive    400 (invalid patch format of retainKeys / primitive list / ...)
//   strategic: list of lists          422 Invalid, generic message
//   strategic: anything else          500 (missing merge key, unknown $patch value, ...)
import { badRequest, genericServerResponse, internalError, invalid, requestEntityTooLarge } from '../errors.js';
import { invalid as invalidField } from '../field-errors.js';
import { decodeJson, GoJsonError, unmarshalTypeError } from './go-json.js';
import { decodeJsonPatch, jsonPatch, JsonPatchError } from './json-patch.js';
import { isJsonObject, type JsonObject } from './json-value.js';
import { mergePatch } from './merge-patch.js';
import { NO_PATCH_META, type PatchMeta } from './patch-meta.js';
import { StrategicMergeError } from './strategic-merge-errors.js';
import { strategicMergePatch } from './strategic-merge-patch.js';

/** application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json. */
export type PatchKind = 'json' | 'merge' | 'strategic';

export interface ApplyPatchOptions {
  /** fieldValidation=Strict or Warn: the apiserver decodes the body strictly first, which words decode errors differently. */
  readonly strict?: boolean;
}

/** kube-apiserver refuses JSON patches longer than this (maxJSONPatchOperations). */
export const MAX_JSON_PATCH_OPERATIONS = 10_000;

/** The message v4 gives for a merge patch that is not a JSON object or array (ErrBadJSONPatch). */
const INVALID_JSON_PATCH = 'Invalid JSON Patch';

/** What the typed decoder says when a merge patch turned the object into an array. */
const NOT_AN_OBJECT =
  'couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }';

/** A patch already decoded, from a caller in the same process (never mutated here). */
export interface DecodedPatch {
  readonly decoded: unknown;
}

/** A patch body: JSON text as sent, or its value. */
export type PatchBody = string | DecodedPatch;

function decodeOr400(body: PatchBody, wording: (goMessage: string) => string): unknown {
  if (typeof body !== 'string') return body.decoded;
  try {
    return decodeJson(body);
  } catch (e) {
    if (e instanceof GoJsonError) throw badRequest(wording(e.message));
    throw e;
  }
}

function applyJsonPatch(original: unknown, body: PatchBody, strict: boolean): unknown {
  const wording = (m: string) => (strict ? `error decoding patch: ${m}` : m);
  const decoded = decodeOr400(body, wording);
  let operations;
  try {
    operations = decodeJsonPatch(decoded);
  } catch (e) {
    throw e instanceof GoJsonError ? badRequest(wording(e.message)) : e;
  }
  if (operations.length > MAX_JSON_PATCH_OPERATIONS) throw requestEntityTooLarge(MAX_JSON_PATCH_OPERATIONS);
  try {
    return jsonPatch(original, operations);
  } catch (e) {
    throw e instanceof JsonPatchError ? genericServerResponse(422) : e;
  }
}

function applyMergePatch(original: unknown, body: PatchBody, strict: boolean): unknown {
  const decoded = decodeOr400(body, (m) => (strict ? `error decoding patch: ${m}` : INVALID_JSON_PATCH));
  if (strict && !isJsonObject(decoded) && decoded !== null) {
    throw badRequest(`error decoding patch: ${unmarshalTypeError(decoded, 'map[string]interface {}').message}`);
  }
  if (!isJsonObject(decoded) && !Array.isArray(decoded)) throw badRequest(INVALID_JSON_PATCH);
  const patched = mergePatch(original, decoded);
  if (Array.isArray(patched)) {
    throw invalid({ group: '', kind: '' }, '', [invalidField('patch', JSON.stringify(patched), NOT_AN_OBJECT)]);
  }
  return patched;
}

function applyStrategicPatch(original: unknown, body: PatchBody, meta: PatchMeta): JsonObject {
  const decoded = decodeOr400(body, (m) => m);
  if (decoded !== null && !isJsonObject(decoded)) throw badRequest(unmarshalTypeError(decoded, 'map[string]interface {}').message);
  try {
    return strategicMergePatch(isJsonObject(original) ? original : {}, decoded ?? {}, meta);
  } catch (e) {
    if (!(e instanceof StrategicMergeError)) throw e;
    if (e.failure === 'badRequest') throw badRequest(e.message);
    if (e.failure === 'invalid') throw genericServerResponse(422);
    // kube-apiserver sends a plain error as a 500 with the bare message and no reason; we only
    // have the InternalError shape, which prefixes "Internal error occurred: ".
    throw internalError(e);
  }
}

/**
 * Applies a PATCH body to the live object (as JSON) and returns the patched object.
 * Never mutates `original`. Throws StatusError for any patch the apiserver would refuse.
 */
export function applyPatch(kind: PatchKind, original: unknown, patchBody: PatchBody, meta: PatchMeta = NO_PATCH_META, options: ApplyPatchOptions = {}): unknown {
  const strict = options.strict ?? false;
  switch (kind) {
    case 'json':
      return applyJsonPatch(original, patchBody, strict);
    case 'merge':
      return applyMergePatch(original, patchBody, strict);
    case 'strategic':
      return applyStrategicPatch(original, patchBody, meta);
  }
}

