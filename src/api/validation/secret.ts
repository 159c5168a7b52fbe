// Secret validation. Kubernetes twin: pkg/apis/core/validation/validation.go (ValidateSecret, ValidateSecretUpdate).
// Bad base64 in data never reaches validation in kube: JSON decoding of []byte fails first and
// the client gets a 400 BadRequest; see base64DecodeError for that message.

import { FieldPath, forbidden, invalid, required, tooLong, type FieldError } from '../field-errors.js';
import type { Frozen } from '../types.js';
import type { Secret } from '../types/secret.js';
import { base64DecodedLength, IMMUTABLE_WHEN_SET, MAX_CONFIG_SIZE } from './configmap.js';
import { isConfigMapKey, nameIsDNSSubdomain } from './names.js';
import { deepEqual, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

type Sec = Frozen<Secret>;
const dataPath = FieldPath.root('data');
const REDACTED = '<secret contents redacted>';

/**
 * Go's encoding/json error for a []byte field holding bad base64 ("illegal base64 data at
 * input byte N"), or undefined when the value decodes. N is where the offending 4-character
 * quantum (or character) starts, as Go's decoder reports it; "\r" and "\n" are skipped.
 */
export function base64DecodeError(value: string): string | undefined {
  const chars = [...value].map((c, i) => ({ c, i })).filter(({ c }) => c !== '\r' && c !== '\n');
  for (let q = 0; q < chars.length; q += 4) {
    const quantum = chars.slice(q, q + 4);
    const firstPad = quantum.findIndex(({ c }) => c === '=');
    for (let j = 0; j < quantum.length; j++) {
      const { c, i } = quantum[j];
      const padding = c === '=' && j >= 2 && q + 4 >= chars.length && quantum.slice(j).every((x) => x.c === '=');
      if (!/[A-Za-z0-9+/]/.test(c) && !padding) return `illegal base64 data at input byte ${i}`;
    }
    if (firstPad === 2 && quantum.length === 4 && quantum[3].c !== '=') return `illegal base64 data at input byte ${quantum[3].i}`;
    if (quantum.length < 4) return `illegal base64 data at input byte ${quantum[0].i}`;
  }
  return undefined;
}

const decoded = (b64: string): string => Buffer.from(b64, 'base64').toString('utf8');

/** kubernetes.io/dockercfg and dockerconfigjson payloads must at least be a JSON object. */
function jsonObjectError(b64: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(decoded(b64));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      return `json: cannot unmarshal ${Array.isArray(parsed) ? 'array' : typeof parsed} into Go value of type map[string]interface {}`;
    }
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

function requireJSONKey(data: Readonly<Record<string, string>>, key: string): FieldError[] {
  if (!(key in data)) return [required(dataPath.key(key))];
  const err = jsonObjectError(data[key]);
  return err ? [invalid(dataPath.key(key), REDACTED, err)] : [];
}

/** Each well-known type promises certain keys to its readers. */
function validateSecretType(s: Sec): FieldError[] {
  const data = s.data ?? {};
  switch (s.type ?? '') {
    case 'kubernetes.io/service-account-token': {
      // The token itself arrives later from the token controller; only the account name is needed now.
      const key = 'kubernetes.io/service-account.name';
      return s.metadata.annotations?.[key] ? [] : [required(FieldPath.root('metadata').child('annotations').key(key))];
    }
    case 'kubernetes.io/dockercfg':
      return requireJSONKey(data, '.dockercfg');
    case 'kubernetes.io/dockerconfigjson':
      return requireJSONKey(data, '.dockerconfigjson');
    case 'kubernetes.io/basic-auth':
      // Either may be empty, but at least one must be present.
      if ('username' in data || 'password' in data) return [];
      return [required(dataPath.key('username')), required(dataPath.key('password'))];
    case 'kubernetes.io/ssh-auth':
      return data['ssh-privatekey'] ? [] : [required(dataPath.key('ssh-privatekey'))];
    case 'kubernetes.io/tls': {
      const errs: FieldError[] = [];
      if (!('tls.crt' in data)) errs.push(required(dataPath.key('tls.crt')));
      if (!('tls.key' in data)) errs.push(required(dataPath.key('tls.key')));
      return errs;
    }
    default:
      return [];
  }
}

export function validateSecret(s: Sec): FieldError[] {
  const errs = validateObjectMeta(s.metadata, { namespaced: true, validateName: nameIsDNSSubdomain });
  let total = 0;
  for (const [key, value] of Object.entries(s.data ?? {})) {
    for (const msg of isConfigMapKey(key)) errs.push(invalid(dataPath.key(key), key, msg));
    total += base64DecodedLength(value);
  }
  if (total > MAX_CONFIG_SIZE) errs.push(tooLong(dataPath, '', MAX_CONFIG_SIZE));
  return [...errs, ...validateSecretType(s)];
}

export function validateSecretUpdate(next: Sec, prev: Sec): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, prev.metadata);
  errs.push(...validateImmutableField(next.type ?? '', prev.type ?? '', FieldPath.root('type')));
  if (prev.immutable === true) {
    if (next.immutable !== true) errs.push(forbidden(FieldPath.root('immutable'), IMMUTABLE_WHEN_SET));
    if (!deepEqual(next.data, prev.data)) errs.push(forbidden(dataPath, IMMUTABLE_WHEN_SET));
  }
  return [...errs, ...validateSecret(next)];
}
