// Writes a JSON object as a protobuf message, byte for byte as gogo would marshal the Go value
// that JSON decodes to: fields in number order, plain (non-pointer) fields always present, map
// keys sorted. Kubernetes twin: the Marshal methods in generated.pb.go.
import { messageDescriptor } from './message-registry.js';
import type { FieldDescriptor, FieldType, MessageDescriptor, WellKnownType } from './message-spec.js';
import { WireWriter } from './wire-writer.js';

type JsonObject = Record<string, unknown>;

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const asObject = (v: unknown): JsonObject => (isObject(v) ? v : {});

/** "2026-11-25T10:30:02.123456Z" -> seconds and nanoseconds since the epoch. */
function parseTimestamp(text: string): { seconds: number; nanos: number } {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) throw new Error(`not an RFC 3339 time: ${JSON.stringify(text)}`);
  const fraction = /\.(\d+)/.exec(text)?.[1] ?? '';
  return { seconds: Math.floor(ms / 1000), nanos: Number(fraction.padEnd(9, '0').slice(0, 9)) };
}

const textEncoder = new TextEncoder();

function writeWellKnown(w: WireWriter, type: WellKnownType, value: unknown): void {
  switch (type) {
    case 'Time':
    case 'MicroTime': {
      // A zero (null) time marshals to no bytes at all; metav1.Time keeps whole seconds only.
      if (typeof value !== 'string') return;
      const { seconds, nanos } = parseTimestamp(value);
      w.varintField(1, seconds).varintField(2, type === 'Time' ? 0 : nanos);
      return;
    }
    case 'Duration':
      throw new Error('encoding metav1.Duration is not supported');
    case 'Quantity':
      w.stringField(1, value === undefined || value === null ? '0' : String(value));
      return;
    case 'IntOrString':
      if (typeof value === 'string') w.varintField(1, 1).varintField(2, 0).stringField(3, value);
      else w.varintField(1, 0).varintField(2, typeof value === 'number' ? value : 0).stringField(3, '');
      return;
    case 'RawExtension':
    case 'FieldsV1':
      if (value !== undefined && value !== null) w.bytesField(1, textEncoder.encode(JSON.stringify(value)));
  }
}

function writeScalar(w: WireWriter, field: FieldDescriptor, scalar: string, value: unknown): void {
  switch (scalar) {
    case 'string':
      w.stringField(field.number, typeof value === 'string' ? value : '');
      return;
    case 'bytes':
      w.bytesField(field.number, typeof value === 'string' ? Buffer.from(value, 'base64') : new Uint8Array());
      return;
    case 'bool':
      w.varintField(field.number, value === true);
      return;
    case 'double':
      w.fixed64Field(field.number, typeof value === 'number' ? value : 0);
      return;
    default:
      w.varintField(field.number, typeof value === 'number' ? Math.trunc(value) : 0);
  }
}

/** One value of `type` as field `field.number`. */
function writeValue(w: WireWriter, field: FieldDescriptor, type: FieldType, value: unknown): void {
  if (type.kind === 'scalar') writeScalar(w, field, type.scalar, value);
  else if (type.kind === 'wellKnown') w.messageField(field.number, (inner) => writeWellKnown(inner, type.name, value));
  else w.messageField(field.number, (inner) => encodeMessage(asObject(value), messageDescriptor(type.name), inner));
}

function writeField(w: WireWriter, field: FieldDescriptor, source: JsonObject): void {
  if (field.inline && field.type.kind === 'message') {
    // The embedded struct's fields live in the parent object itself.
    const embedded = messageDescriptor(field.type.name);
    w.messageField(field.number, (inner) => encodeMessage(source, embedded, inner));
    return;
  }
  const value = source[field.json];
  if (field.map) {
    const entries = Object.entries(asObject(value)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [key, item] of entries) {
      w.messageField(field.number, (entry) => {
        entry.stringField(1, key);
        writeValue(entry, { ...field, number: 2 }, field.type, item);
      });
    }
    return;
  }
  if (field.repeated) {
    if (Array.isArray(value)) for (const item of value) writeValue(w, field, field.type, item);
    return;
  }
  if ((value === undefined || value === null) && field.pointer) return;
  writeValue(w, field, field.type, value);
}

/** Appends the fields of `source` as message `descriptor` to `w`. */
export function encodeMessage(source: JsonObject, descriptor: MessageDescriptor, w: WireWriter): void {
  const ordered = [...descriptor.fields].sort((a, b) => a.number - b.number);
  for (const field of ordered) writeField(w, field, source);
}
