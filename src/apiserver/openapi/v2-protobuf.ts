// The Swagger 2.0 document in protocol buffers, as kube-apiserver serves /openapi/v2 to a client
// that asks for `application/com.github.proto-openapi.spec.v2@v1.0+protobuf`. kubectl up to 1.28
// asks only for this form: its apply, validation, explain and query-parameter checks read it.
// Kubernetes twin: k8s.io/kube-openapi/pkg/handler (the protobuf document it caches) and the
// gnostic openapi.v2 messages (openapiv2/OpenAPIv2.proto) it is written in.
//
// Values gnostic keeps as `Any` (vendor extensions, enums, defaults) carry their YAML text;
// JSON is YAML, so that text is the value's JSON, which clients read back with a YAML parser.
import { WireWriter } from '../../api/protobuf/wire-writer.js';
import type { JsonSchema } from '../../api/schema/openapi-schema.js';

export const OPENAPI_V2_PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

type Json = JsonSchema;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const entries = (v: unknown): [string, unknown][] => (isObject(v) ? Object.entries(v) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : []);

function optionalString(w: WireWriter, field: number, v: unknown): void {
  if (typeof v === 'string' && v !== '') w.stringField(field, v);
}

function optionalBool(w: WireWriter, field: number, v: unknown): void {
  if (v === true) w.varintField(field, true);
}

function repeatedStrings(w: WireWriter, field: number, v: unknown): void {
  for (const s of strings(v)) w.stringField(field, s);
}

/** Any { yaml = 2 }. */
function anyValue(w: WireWriter, value: unknown): void {
  w.stringField(2, JSON.stringify(value));
}

/** The `x-` keys of an object as repeated NamedAny { name = 1, value = 2 }, in `field`. */
function vendorExtensions(w: WireWriter, field: number, o: Json): void {
  for (const [name, value] of Object.entries(o)) {
    if (name.startsWith('x-')) w.messageField(field, (e) => e.stringField(1, name).messageField(2, (a) => anyValue(a, value)));
  }
}

/** openapi.v2.Schema. */
function schema(w: WireWriter, s: Json): void {
  optionalString(w, 1, s.$ref);
  optionalString(w, 2, s.format);
  optionalString(w, 3, s.title);
  optionalString(w, 4, s.description);
  if (s.default !== undefined) w.messageField(5, (a) => anyValue(a, s.default));
  repeatedStrings(w, 19, s.required);
  if (Array.isArray(s.enum)) for (const value of s.enum) w.messageField(20, (a) => anyValue(a, value));
  const extra = s.additionalProperties;
  if (isObject(extra)) w.messageField(21, (a) => a.messageField(1, (x) => schema(x, extra)));
  else if (typeof extra === 'boolean') w.messageField(21, (a) => a.varintField(2, extra));
  if (typeof s.type === 'string') w.messageField(22, (t) => t.stringField(1, s.type as string));
  const items = s.items;
  if (isObject(items)) w.messageField(23, (i) => i.messageField(1, (x) => schema(x, items)));
  if (Array.isArray(s.allOf)) for (const part of s.allOf) if (isObject(part)) w.messageField(24, (x) => schema(x, part));
  if (isObject(s.properties)) {
    const properties = s.properties;
    w.messageField(25, (p) => namedSchemas(p, 1, properties));
  }
  optionalBool(w, 27, s.readOnly);
  vendorExtensions(w, 31, s);
}

/** repeated NamedSchema { name = 1, value = 2 }. */
function namedSchemas(w: WireWriter, field: number, byName: Json): void {
  for (const [name, value] of Object.entries(byName)) {
    if (isObject(value)) w.messageField(field, (n) => n.stringField(1, name).messageField(2, (x) => schema(x, value)));
  }
}

/** The field numbers of the non-body parameter messages, which differ by where the parameter goes. */
const NON_BODY = {
  query: { oneof: 3, required: 1, in: 2, description: 3, name: 4, allowEmptyValue: 5, type: 6, format: 7, uniqueItems: 20, enum: 21 },
  formData: { oneof: 2, required: 1, in: 2, description: 3, name: 4, allowEmptyValue: 5, type: 6, format: 7, uniqueItems: 20, enum: 21 },
  path: { oneof: 4, required: 1, in: 2, description: 3, name: 4, allowEmptyValue: 0, type: 5, format: 6, uniqueItems: 19, enum: 20 },
  header: { oneof: 1, required: 1, in: 2, description: 3, name: 4, allowEmptyValue: 0, type: 5, format: 6, uniqueItems: 19, enum: 20 },
} as const;

/** ParametersItem: a $ref, or a Parameter (BodyParameter, or one of the NonBodyParameter kinds). */
function parametersItem(w: WireWriter, p: Json): void {
  if (typeof p.$ref === 'string') {
    const ref = p.$ref;
    w.messageField(2, (r) => r.stringField(1, ref));
    return;
  }
  w.messageField(1, (parameter) => {
    if (p.in === 'body') {
      parameter.messageField(1, (b) => {
        optionalString(b, 1, p.description);
        optionalString(b, 2, p.name);
        optionalString(b, 3, p.in);
        optionalBool(b, 4, p.required);
        if (isObject(p.schema)) {
          const body = p.schema;
          b.messageField(5, (x) => schema(x, body));
        }
        vendorExtensions(b, 6, p);
      });
      return;
    }
    const f = NON_BODY[p.in as keyof typeof NON_BODY];
    if (!f) return;
    parameter.messageField(2, (nonBody) =>
      nonBody.messageField(f.oneof, (q) => {
        optionalBool(q, f.required, p.required);
        optionalString(q, f.in, p.in);
        optionalString(q, f.description, p.description);
        optionalString(q, f.name, p.name);
        if (f.allowEmptyValue) optionalBool(q, f.allowEmptyValue, p.allowEmptyValue);
        optionalString(q, f.type, p.type);
        optionalString(q, f.format, p.format);
        optionalBool(q, f.uniqueItems, p.uniqueItems);
        if (Array.isArray(p.enum)) for (const value of p.enum) q.messageField(f.enum, (a) => anyValue(a, value));
      }),
    );
  });
}

/** openapi.v2.Operation. */
function operation(w: WireWriter, op: Json): void {
  repeatedStrings(w, 1, op.tags);
  optionalString(w, 2, op.summary);
  optionalString(w, 3, op.description);
  optionalString(w, 5, op.operationId);
  repeatedStrings(w, 6, op.produces);
  repeatedStrings(w, 7, op.consumes);
  if (Array.isArray(op.parameters)) for (const p of op.parameters) if (isObject(p)) w.messageField(8, (x) => parametersItem(x, p));
  if (isObject(op.responses)) {
    const responses = op.responses;
    w.messageField(9, (r) => {
      for (const [code, response] of Object.entries(responses)) {
        if (!isObject(response)) continue;
        r.messageField(1, (named) =>
          named.stringField(1, code).messageField(2, (value) =>
            value.messageField(1, (x) => {
              optionalString(x, 1, response.description);
              if (isObject(response.schema)) {
                const body = response.schema;
                x.messageField(2, (item) => item.messageField(1, (s) => schema(s, body)));
              }
            }),
          ),
        );
      }
    });
  }
  repeatedStrings(w, 10, op.schemes);
  optionalBool(w, 11, op.deprecated);
  vendorExtensions(w, 13, op);
}

/** The methods of a PathItem by field number. */
const METHODS: [string, number][] = [
  ['get', 2],
  ['put', 3],
  ['post', 4],
  ['delete', 5],
  ['options', 6],
  ['head', 7],
  ['patch', 8],
];

function pathItem(w: WireWriter, item: Json): void {
  optionalString(w, 1, item.$ref);
  for (const [method, field] of METHODS) {
    const op = item[method];
    if (isObject(op)) w.messageField(field, (x) => operation(x, op));
  }
  if (Array.isArray(item.parameters)) for (const p of item.parameters) if (isObject(p)) w.messageField(9, (x) => parametersItem(x, p));
  vendorExtensions(w, 10, item);
}

/** SecurityDefinitions: the apiKey schemes kube-apiserver declares (BearerToken). */
function securityDefinitions(w: WireWriter, byName: Json): void {
  for (const [name, def] of Object.entries(byName)) {
    if (!isObject(def) || def.type !== 'apiKey') continue;
    w.messageField(1, (named) =>
      named.stringField(1, name).messageField(2, (item) =>
        item.messageField(2, (key) => {
          optionalString(key, 1, def.type);
          optionalString(key, 2, def.name);
          optionalString(key, 3, def.in);
          optionalString(key, 4, def.description);
        }),
      ),
    );
  }
}

/** The whole document: openapi.v2.Document. */
export function openapiV2Protobuf(doc: Json): Uint8Array {
  const w = new WireWriter();
  optionalString(w, 1, doc.swagger);
  if (isObject(doc.info)) {
    const info = doc.info;
    w.messageField(2, (i) => {
      optionalString(i, 1, info.title);
      optionalString(i, 2, info.version);
      optionalString(i, 3, info.description);
    });
  }
  optionalString(w, 3, doc.host);
  optionalString(w, 4, doc.basePath);
  repeatedStrings(w, 5, doc.schemes);
  repeatedStrings(w, 6, doc.consumes);
  repeatedStrings(w, 7, doc.produces);
  if (isObject(doc.paths)) {
    const paths = doc.paths;
    w.messageField(8, (p) => {
      for (const [path, item] of entries(paths)) if (isObject(item)) p.messageField(2, (named) => named.stringField(1, path).messageField(2, (x) => pathItem(x, item)));
    });
  }
  if (isObject(doc.definitions)) {
    const definitions = doc.definitions;
    w.messageField(9, (d) => namedSchemas(d, 1, definitions));
  }
  if (Array.isArray(doc.security)) {
    for (const requirement of doc.security) {
      if (!isObject(requirement)) continue;
      w.messageField(12, (r) => {
        for (const [name, scopes] of Object.entries(requirement)) r.messageField(1, (named) => named.stringField(1, name).messageField(2, (a) => repeatedStrings(a, 1, scopes)));
      });
    }
  }
  if (isObject(doc.securityDefinitions)) {
    const defs = doc.securityDefinitions;
    w.messageField(13, (s) => securityDefinitions(s, defs));
  }
  vendorExtensions(w, 16, doc);
  return w.finish();
}
