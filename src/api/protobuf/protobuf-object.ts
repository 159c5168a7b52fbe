// Reads a request body sent as application/vnd.kubernetes.protobuf. Kubernetes twin:
// apimachinery/pkg/runtime/serializer/protobuf/protobuf.go (Serializer.Decode) and the
// runtime.Unknown envelope in apimachinery/pkg/runtime/generated.proto.
import { badRequest } from '../errors.js';
import { decodeMessage, type JsonObject } from './decode-message.js';
import { encodeMessage } from './encode-message.js';
import { messageDescriptor } from './message-registry.js';
import { messageForKind } from './object-kinds.js';
import { utf8 } from './well-known-types.js';
import { WireFormatError, WireReader, WireType } from './wire-reader.js';
import { WireWriter } from './wire-writer.js';

export const PROTOBUF_MEDIA_TYPE = 'application/vnd.kubernetes.protobuf';

/** Every Kubernetes protobuf object starts with these four bytes: "k8s" and a NUL. */
export const PROTOBUF_MAGIC = Uint8Array.of(0x6b, 0x38, 0x73, 0x00);

export interface DecodedProtobufObject {
  apiVersion: string;
  kind: string;
  /** The object as its JSON form, apiVersion and kind included. */
  object: JsonObject;
}

interface UnknownEnvelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
}

function readTypeMeta(bytes: Uint8Array): { apiVersion: string; kind: string } {
  const reader = new WireReader(bytes);
  let apiVersion = '';
  let kind = '';
  while (!reader.done) {
    const { number, wireType } = reader.readKey();
    if (number === 1 && wireType === WireType.lengthDelimited) apiVersion = utf8(reader.readLengthDelimited());
    else if (number === 2 && wireType === WireType.lengthDelimited) kind = utf8(reader.readLengthDelimited());
    else reader.skip(wireType);
  }
  return { apiVersion, kind };
}

/** runtime.Unknown {typeMeta=1, raw=2, contentEncoding=3, contentType=4}. */
function readEnvelope(bytes: Uint8Array): UnknownEnvelope {
  const envelope: UnknownEnvelope = { apiVersion: '', kind: '', raw: new Uint8Array(), contentEncoding: '' };
  const reader = new WireReader(bytes);
  while (!reader.done) {
    const { number, wireType } = reader.readKey();
    if (wireType !== WireType.lengthDelimited || number > 4) {
      reader.skip(wireType);
      continue;
    }
    const value = reader.readLengthDelimited();
    if (number === 1) Object.assign(envelope, readTypeMeta(value));
    else if (number === 2) envelope.raw = value;
    else if (number === 3) envelope.contentEncoding = utf8(value);
  }
  return envelope;
}

const hasMagic = (body: Uint8Array): boolean => body.length >= 4 && PROTOBUF_MAGIC.every((b, i) => body[i] === b);

function decodeWithoutStatus(body: Uint8Array): DecodedProtobufObject {
  if (!hasMagic(body)) throw badRequest('provided protobuf body does not start with the Kubernetes protobuf prefix "k8s\\x00"');
  const envelope = readEnvelope(body.subarray(PROTOBUF_MAGIC.length));
  const { apiVersion, kind } = envelope;
  if (!kind) throw badRequest('Object \'Kind\' is missing in protobuf body');
  if (envelope.contentEncoding) throw badRequest(`protobuf body with content encoding "${envelope.contentEncoding}" is not supported`);
  const message = messageForKind(apiVersion, kind);
  if (!message) throw badRequest(`no kind "${kind}" is registered for version "${apiVersion}" in protobuf bodies`);
  const fields = decodeMessage(envelope.raw, messageDescriptor(message), (raw) => decodeWithoutStatus(raw).object);
  return { apiVersion, kind, object: { apiVersion, kind, ...fields } };
}

/**
 * Decodes a Kubernetes protobuf body into the JSON object the client would have sent as JSON.
 * Throws a 400 BadRequest StatusError for a body that is malformed or of a kind we cannot read.
 */
export function decodeProtobufObject(body: Uint8Array): DecodedProtobufObject {
  try {
    return decodeWithoutStatus(body);
  } catch (err) {
    if (err instanceof WireFormatError) throw badRequest(`unable to decode protobuf body: ${err.message}`);
    throw err;
  }
}

/**
 * Encodes a JSON object (apiVersion and kind included) as a Kubernetes protobuf body: the magic
 * prefix, then runtime.Unknown {typeMeta, raw, contentEncoding "", contentType ""} as Go writes it.
 */
export function encodeProtobufObject(object: JsonObject): Uint8Array {
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const kind = typeof object.kind === 'string' ? object.kind : '';
  const message = messageForKind(apiVersion, kind);
  if (!message) throw new Error(`no protobuf descriptor for kind "${kind}" in version "${apiVersion}"`);
  const raw = new WireWriter();
  encodeMessage(object, messageDescriptor(message), raw);
  const envelope = new WireWriter()
    .raw(PROTOBUF_MAGIC)
    .messageField(1, (typeMeta) => typeMeta.stringField(1, apiVersion).stringField(2, kind))
    .bytesField(2, raw.finish())
    .stringField(3, '')
    .stringField(4, '');
  return envelope.finish();
}
