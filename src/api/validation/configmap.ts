// ConfigMap validation. Kubernetes twin: pkg/apis/core/validation/validation.go (ValidateConfigMap, ValidateConfigMapUpdate).

import { FieldPath, forbidden, invalid, tooLong, type FieldError } from '../field-errors.js';
import type { Frozen } from '../types.js';
import type { ConfigMap } from '../types/configmap.js';
import { isConfigMapKey, nameIsDNSSubdomain } from './names.js';
import { deepEqual, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

/** ConfigMaps and Secrets share etcd's comfortable object size: 1 MiB of values. */
export const MAX_CONFIG_SIZE = 1024 * 1024;
export const IMMUTABLE_WHEN_SET = 'field is immutable when `immutable` is set';

type Cm = Frozen<ConfigMap>;

/** Decoded length of a base64 value (binaryData is []byte on the wire). */
export const base64DecodedLength = (b64: string): number => Buffer.from(b64, 'base64').length;

export function validateConfigMap(cm: Cm): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, { namespaced: true, validateName: nameIsDNSSubdomain });
  const data = FieldPath.root('data');
  const binary = FieldPath.root('binaryData');
  let total = 0;
  for (const [key, value] of Object.entries(cm.data ?? {})) {
    for (const msg of isConfigMapKey(key)) errs.push(invalid(data.key(key), key, msg));
    // One key cannot name two files in the mounted volume.
    if (cm.binaryData && key in cm.binaryData) errs.push(invalid(data.key(key), key, 'duplicate of key present in binaryData'));
    total += Buffer.byteLength(value, 'utf8');
  }
  for (const [key, value] of Object.entries(cm.binaryData ?? {})) {
    for (const msg of isConfigMapKey(key)) errs.push(invalid(binary.key(key), key, msg));
    total += base64DecodedLength(value);
  }
  // kube points this error at the whole object: an empty path.
  if (total > MAX_CONFIG_SIZE) errs.push(tooLong(FieldPath.root(''), '', MAX_CONFIG_SIZE));
  return errs;
}

export function validateConfigMapUpdate(next: Cm, prev: Cm): FieldError[] {
  const errs = validateObjectMetaUpdate(next.metadata, prev.metadata);
  if (prev.immutable === true) {
    if (next.immutable !== true) errs.push(forbidden(FieldPath.root('immutable'), IMMUTABLE_WHEN_SET));
    if (!deepEqual(next.data, prev.data)) errs.push(forbidden(FieldPath.root('data'), IMMUTABLE_WHEN_SET));
    if (!deepEqual(next.binaryData, prev.binaryData)) errs.push(forbidden(FieldPath.root('binaryData'), IMMUTABLE_WHEN_SET));
  }
  return [...errs, ...validateConfigMap(next)];
}
