// The apimachinery types whose protobuf form differs from their JSON form. Kubernetes twins:
// apimachinery/pkg/apis/meta/v1/{time,micro_time,duration}_proto.go, api/resource/quantity_proto.go,
// util/intstr/intstr.go, runtime/types_proto.go and meta/v1 FieldsV1 (generated.proto).
import type { WellKnownType } from './message-spec.js';
import { toInt64, WireFormatError, WireReader, WireType } from './wire-reader.js';

const textDecoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(bytes: Uint8Array): string {
  try {
    return textDecoder.decode(bytes);
  } catch {
    throw new WireFormatError('string field is not valid UTF-8');
  }
}

/** Reads a small message made only of varint and length-delimited fields, keyed by number. */
function readFields(bytes: Uint8Array): Map<number, number | Uint8Array> {
  const fields = new Map<number, number | Uint8Array>();
  const reader = new WireReader(bytes);
  while (!reader.done) {
    const { number, wireType } = reader.readKey();
    if (wireType === WireType.varint) fields.set(number, toInt64(reader.readVarint()));
    else if (wireType === WireType.lengthDelimited) fields.set(number, reader.readLengthDelimited());
    else reader.skip(wireType);
  }
  return fields;
}

const numberAt = (fields: Map<number, number | Uint8Array>, n: number): number => {
  const v = fields.get(n);
  return typeof v === 'number' ? v : 0;
};
const bytesAt = (fields: Map<number, number | Uint8Array>, n: number): Uint8Array => {
  const v = fields.get(n);
  return v instanceof Uint8Array ? v : new Uint8Array();
};

/**
 * RFC 3339 in UTC, as Go's time.Format does it: seconds only for metav1.Time, six fractional
 * digits for MicroTime. Example: seconds 1795602602, nanos 0 -> "2026-11-25T10:30:02Z".
 */
export function formatRfc3339(seconds: number, nanos: number, fractionDigits: 0 | 6): string {
  const date = new Date(seconds * 1000);
  if (Number.isNaN(date.getTime())) throw new WireFormatError(`timestamp ${seconds}s is out of range`);
  const base = date.toISOString().slice(0, 19);
  if (fractionDigits === 0) return `${base}Z`;
  const micros = Math.floor(nanos / 1000);
  return `${base}.${String(micros).padStart(6, '0')}Z`;
}

const DURATION_UNITS: readonly [string, number][] = [
  ['h', 3600e9],
  ['m', 60e9],
];

/** Go's time.Duration.String(): "1h2m3.5s", "1.5ms", "0s". metav1.Duration's JSON form. */
export function formatGoDuration(nanos: number): string {
  if (nanos === 0) return '0s';
  const sign = nanos < 0 ? '-' : '';
  let rest = Math.abs(nanos);
  if (rest < 1e3) return `${sign}${rest}ns`;
  if (rest < 1e6) return `${sign}${trimFraction(rest / 1e3)}µs`;
  if (rest < 1e9) return `${sign}${trimFraction(rest / 1e6)}ms`;
  let text = '';
  for (const [unit, size] of DURATION_UNITS) {
    const whole = Math.floor(rest / size);
    // Go prints "1h0m5s": a larger unit once started forces every smaller one.
    if (whole > 0 || text) text += `${whole}${unit}`;
    rest -= whole * size;
  }
  return `${sign}${text}${trimFraction(rest / 1e9)}s`;
}

const trimFraction = (value: number): string => value.toFixed(9).replace(/\.?0+$/, '');

/** Parses the JSON held in RawExtension.raw or FieldsV1.Raw; nested protobuf goes to `nested`. */
function embeddedJson(raw: Uint8Array, nested: (raw: Uint8Array) => unknown): unknown {
  if (raw.length === 0) return null;
  if (raw[0] === 0x6b && raw[1] === 0x38 && raw[2] === 0x73 && raw[3] === 0) return nested(raw);
  try {
    return JSON.parse(utf8(raw)) as unknown;
  } catch {
    throw new WireFormatError('embedded raw object is neither JSON nor Kubernetes protobuf');
  }
}

/**
 * The JSON value of a well-known type. A zero Time marshals to no bytes at all (time_proto.go),
 * and its JSON form is null, which is what kubectl sends as `creationTimestamp: null`.
 */
export function decodeWellKnown(type: WellKnownType, bytes: Uint8Array, nested: (raw: Uint8Array) => unknown): unknown {
  const fields = readFields(bytes);
  switch (type) {
    case 'Time':
      // Kubernetes keeps only whole seconds of a metav1.Time read from protobuf.
      return bytes.length === 0 ? null : formatRfc3339(numberAt(fields, 1), 0, 0);
    case 'MicroTime':
      return bytes.length === 0 ? null : formatRfc3339(numberAt(fields, 1), numberAt(fields, 2), 6);
    case 'Duration':
      return formatGoDuration(numberAt(fields, 1));
    case 'Quantity':
      return utf8(bytesAt(fields, 1)) || '0';
    case 'IntOrString':
      return numberAt(fields, 1) === 1 ? utf8(bytesAt(fields, 3)) : numberAt(fields, 2);
    case 'RawExtension':
    case 'FieldsV1':
      return embeddedJson(bytesAt(fields, 1), nested);
  }
}
