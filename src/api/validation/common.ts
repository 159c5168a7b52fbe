// Small field checks shared by many kinds, each turning syntax messages into field errors.
// Kubernetes twin: the ValidateDNS1123Label / ValidateQualifiedName / ValidatePortNumOrName
// helpers in pkg/apis/core/validation/validation.go.

import { FieldPath, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortName, isValidPortNum } from './names.js';

const each = (msgs: string[], path: FieldPath, value: unknown): FieldError[] => msgs.map((m) => invalid(path, value, m));

export const validateDNS1123Label = (value: string, path: FieldPath): FieldError[] => each(isDNS1123Label(value), path, value);
export const validateDNS1123Subdomain = (value: string, path: FieldPath): FieldError[] => each(isDNS1123Subdomain(value), path, value);
export const validateQualifiedName = (value: string, path: FieldPath): FieldError[] => each(isQualifiedName(value), path, value);

/** A port given as a number (1-65535) or as an IANA service name. */
export function validatePortNumOrName(port: number | string, path: FieldPath): FieldError[] {
  return typeof port === 'number' ? each(isValidPortNum(port), path, port) : each(isValidPortName(port), path, port);
}

/** Sorted as Go's sets.List sorts them, which is the order kube prints in "supported values". */
export const SUPPORTED_PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;

export function validateProtocol(protocol: string | undefined, path: FieldPath): FieldError[] {
  if (!protocol) return [required(path)];
  return (SUPPORTED_PORT_PROTOCOLS as readonly string[]).includes(protocol) ? [] : [notSupported(path, protocol, SUPPORTED_PORT_PROTOCOLS)];
}
