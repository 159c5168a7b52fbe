// /openapi/v2 in protocol buffers (gnostic's openapi.v2.Document), read back field by field as
// kubectl's OpenAPI models read it.
import { describe, expect, it } from 'vitest';
import { openapiV2 } from '../../../src/apiserver/openapi/v2.js';
import { openapiV2Protobuf } from '../../../src/apiserver/openapi/v2-protobuf.js';
import { WireReader, WireType } from '../../../src/api/protobuf/wire-reader.js';
import { SERVED } from './fixtures.js';

/** A decoded message: each field number's values, raw bytes for length-delimited ones. */
type Message = Map<number, (Uint8Array | number)[]>;

function decode(bytes: Uint8Array): Message {
  const reader = new WireReader(bytes);
  const out: Message = new Map();
  while (!reader.done) {
    const { number, wireType } = reader.readKey();
    // The document has only strings, messages and booleans: anything else is a mistake.
    if (wireType !== WireType.lengthDelimited && wireType !== WireType.varint) throw new Error(`unexpected wire type ${wireType} in field ${number}`);
    const value = wireType === WireType.lengthDelimited ? reader.readLengthDelimited() : reader.readVarint().lo;
    out.set(number, [...(out.get(number) ?? []), value]);
  }
  return out;
}

const text = (m: Message, field: number): string | undefined => {
  const v = m.get(field)?.[0];
  return v instanceof Uint8Array ? new TextDecoder().decode(v) : undefined;
};
const texts = (m: Message, field: number): string[] => (m.get(field) ?? []).map((v) => new TextDecoder().decode(v as Uint8Array));
const messages = (m: Message, field: number): Message[] => (m.get(field) ?? []).map((v) => decode(v as Uint8Array));
const message = (m: Message, field: number): Message | undefined => messages(m, field)[0];

/** NamedX entries { name = 1, value = 2 } as a map. */
const named = (entries: Message[]): Map<string, Message> => new Map(entries.map((e) => [text(e, 1)!, message(e, 2)!]));

/** Vendor extensions (NamedAny) with their YAML read back (it is JSON). */
const extensions = (m: Message, field: number): Record<string, unknown> =>
  Object.fromEntries([...named(messages(m, field))].map(([k, any]) => [k, JSON.parse(text(any, 2)!)]));

type Json = Record<string, unknown>;

/** A Schema message back in JSON form, for the fields our documents use. */
function schemaJson(s: Message): Json {
  const out: Json = {};
  if (text(s, 1)) out.$ref = text(s, 1);
  if (text(s, 2)) out.format = text(s, 2);
  if (text(s, 4)) out.description = text(s, 4);
  if (s.has(19)) out.required = texts(s, 19);
  if (s.has(20)) out.enum = messages(s, 20).map((a) => JSON.parse(text(a, 2)!));
  const extra = message(s, 21);
  if (extra) out.additionalProperties = extra.has(1) ? schemaJson(message(extra, 1)!) : extra.get(2)?.[0] === 1;
  const type = message(s, 22);
  if (type) out.type = text(type, 1);
  const items = message(s, 23);
  if (items) out.items = schemaJson(message(items, 1)!);
  const properties = message(s, 25);
  if (properties) out.properties = Object.fromEntries([...named(messages(properties, 1))].map(([k, v]) => [k, schemaJson(v)]));
  Object.assign(out, extensions(s, 31));
  return out;
}

describe('/openapi/v2 as protocol buffers', () => {
  const json = openapiV2(SERVED);
  const doc = decode(openapiV2Protobuf(json));

  it('carries the header and every definition, field for field', () => {
    expect(text(doc, 1)).toBe('2.0');
    expect(text(message(doc, 2)!, 1)).toBe((json.info as Json).title);
    const definitions = named(messages(message(doc, 9)!, 1));
    const expected = json.definitions as Record<string, Json>;
    expect([...definitions.keys()]).toEqual(Object.keys(expected));
    for (const [name, schema] of definitions) expect(schemaJson(schema)).toEqual(expected[name]);
  });

  it('names each kind in x-kubernetes-group-version-kind, as kubectl finds a kind by', () => {
    const deployment = named(messages(message(doc, 9)!, 1)).get('io.k8s.api.apps.v1.Deployment')!;
    expect(extensions(deployment, 31)['x-kubernetes-group-version-kind']).toEqual([{ group: 'apps', kind: 'Deployment', version: 'v1' }]);
  });

  it("lists the fieldValidation query parameter on a kind's PATCH, which kubectl 1.27 checks before a strict apply", () => {
    const paths = named(messages(message(doc, 8)!, 2));
    const item = paths.get('/apis/apps/v1/namespaces/{namespace}/deployments/{name}')!;
    const patch = message(item, 8)!;
    expect(extensions(patch, 13)['x-kubernetes-group-version-kind']).toEqual({ group: 'apps', kind: 'Deployment', version: 'v1' });
    const queryNames = messages(patch, 8)
      .map((p) => message(message(message(p, 1)!, 2) ?? new Map(), 3))
      .filter((q): q is Message => q !== undefined)
      .map((q) => text(q, 4));
    expect(queryNames).toContain('fieldValidation');
    const body = message(message(messages(patch, 8)[0], 1)!, 1)!;
    expect(text(body, 2)).toBe('body');
    expect(text(message(body, 5)!, 1)).toBe('#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Patch');
  });
});
