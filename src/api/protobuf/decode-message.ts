// Turns one protobuf message into the JSON object the Go JSON encoder would have written for the
// same Go value. Kubernetes twin: gogo's generated Unmarshal methods followed by encoding/json.
import { messageDescriptor } from './message-registry.js';
import type { FieldDescriptor, FieldType, MessageDescriptor } from './message-spec.js';
import { decodeWellKnown, utf8 } from './well-known-types.js';
import { toBool, toInt32, toInt64, WireFormatError, WireReader, WireType } from './wire-reader.js';

export type JsonObject = Record<string, unknown>;

/** Decodes embedded "k8s\0" protobuf found inside a RawExtension. */
export type NestedDecoder = (raw: Uint8Array) => unknown;

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

/** Own property even for a map key like "__proto__", which plain assignment would not create. */
function defineKey(target: JsonObject, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const EXPECTED_WIRE_TYPE: Record<string, number> = {
  bool: WireType.varint,
  int32: WireType.varint,
  int64: WireType.varint,
  double: WireType.fixed64,
  string: WireType.lengthDelimited,
  bytes: WireType.lengthDelimited,
};

function expectedWireType(type: FieldType): number {
  return type.kind === 'scalar' ? EXPECTED_WIRE_TYPE[type.scalar] : WireType.lengthDelimited;
}

function readScalarVarint(reader: WireReader, scalar: string): number | boolean {
  const parts = reader.readVarint();
  if (scalar === 'bool') return toBool(parts);
  return scalar === 'int32' ? toInt32(parts) : toInt64(parts);
}

/** One value of `type` at the reader, whose wire type was already checked. */
function readValue(reader: WireReader, type: FieldType, nested: NestedDecoder): unknown {
  if (type.kind === 'scalar') {
    switch (type.scalar) {
      case 'string':
        return utf8(reader.readLengthDelimited());
      case 'bytes':
        // []byte is base64 in JSON (Secret.data, ConfigMap.binaryData).
        return base64(reader.readLengthDelimited());
      case 'double': {
        const { lo, hi } = reader.readFixed64();
        const view = new DataView(new ArrayBuffer(8));
        view.setUint32(0, lo, true);
        view.setUint32(4, hi, true);
        return view.getFloat64(0, true);
      }
      default:
        return readScalarVarint(reader, type.scalar);
    }
  }
  const body = reader.readLengthDelimited();
  if (type.kind === 'wellKnown') return decodeWellKnown(type.name, body, nested);
  return decodeMessage(body, messageDescriptor(type.name), nested);
}

const ZERO_VALUES: readonly unknown[] = ['', 0, false];

/** gogo always sends plain scalars; JSON with omitempty would have left their zero values out. */
function droppedAsZero(field: FieldDescriptor, value: unknown): boolean {
  return field.type.kind === 'scalar' && !field.pointer && field.omitempty && ZERO_VALUES.includes(value);
}

function readMapEntry(bytes: Uint8Array, field: FieldDescriptor, nested: NestedDecoder): [string, unknown] {
  const reader = new WireReader(bytes);
  let key = '';
  let value: unknown;
  while (!reader.done) {
    const { number, wireType } = reader.readKey();
    if (number === 1 && wireType === WireType.lengthDelimited) key = utf8(reader.readLengthDelimited());
    else if (number === 2 && wireType === expectedWireType(field.type)) value = readValue(reader, field.type, nested);
    else reader.skip(wireType);
  }
  // A missing value is the zero value of its type, as Go's map decoding leaves it.
  return [key, value ?? zeroOf(field.type)];
}

function zeroOf(type: FieldType): unknown {
  if (type.kind === 'message') return {};
  if (type.kind === 'wellKnown') return decodeWellKnown(type.name, new Uint8Array(), () => null);
  return type.scalar === 'string' || type.scalar === 'bytes' ? '' : type.scalar === 'bool' ? false : 0;
}

/** Repeated varint fields may arrive packed (one length-delimited run) from non-gogo encoders. */
function readPacked(bytes: Uint8Array, scalar: string): (number | boolean)[] {
  const reader = new WireReader(bytes);
  const values: (number | boolean)[] = [];
  while (!reader.done) values.push(readScalarVarint(reader, scalar));
  return values;
}

function decodeField(target: JsonObject, field: FieldDescriptor, reader: WireReader, wireType: number, nested: NestedDecoder, owner: string): void {
  const expected = expectedWireType(field.type);
  if (field.repeated && field.type.kind === 'scalar' && expected === WireType.varint && wireType === WireType.lengthDelimited) {
    const list = (target[field.json] ??= []) as unknown[];
    list.push(...readPacked(reader.readLengthDelimited(), field.type.scalar));
    return;
  }
  if (wireType !== expected) throw new WireFormatError(`field ${owner}.${field.json || field.number} has wire type ${wireType}, expected ${expected}`);
  if (field.map) {
    const map = (target[field.json] ??= {}) as JsonObject;
    const [key, value] = readMapEntry(reader.readLengthDelimited(), field, nested);
    defineKey(map, key, value);
    return;
  }
  const value = readValue(reader, field.type, nested);
  if (field.inline) Object.assign(target, value);
  else if (field.repeated) ((target[field.json] ??= []) as unknown[]).push(value);
  else if (droppedAsZero(field, value)) delete target[field.json];
  else target[field.json] = value;
}

/** Decodes `bytes` as the message `descriptor`; unknown field numbers are skipped. */
export function decodeMessage(bytes: Uint8Array, descriptor: MessageDescriptor, nested: NestedDecoder): JsonObject {
  const target: JsonObject = {};
  const reader = new WireReader(bytes);
  while (!reader.done) {
    const { number, wireType } = reader.readKey();
    const field = descriptor.byNumber.get(number);
    if (field) decodeField(target, field, reader, wireType, nested, descriptor.name);
    else reader.skip(wireType);
  }
  return target;
}
