// Message descriptors as data. Kubernetes twin: the generated.proto files of k8s.io/api and
// k8s.io/apimachinery, read together with the Go types they were generated from (types.go),
// because protobuf alone cannot say which zero values the JSON form would have kept.
//
// Each field is one short string, `name=number:type`, in proto declaration order:
//   type     string | bytes | bool | int32 | int64 | double, a message name, or a well-known type
//            (Time, MicroTime, Duration, Quantity, IntOrString, RawExtension, FieldsV1)
//   []T      repeated field
//   {}V      map<string, V>, sent as repeated entry messages {key=1, value=2}
//   *T       the Go field is a pointer: it is on the wire only when set, so its zero value is real
//   T!       the Go field is a plain value whose JSON tag lacks omitempty: its zero value is kept
//            (a plain scalar without `!` has omitempty, and gogo sends "" / 0 / false anyway,
//            so the decoder drops those zeros to match what the JSON encoder would have sent)
//   ...name  the Go field is embedded with `json:",inline"`: its fields join the parent object
// Example: 'replicas=1:*int32' is DeploymentSpec.Replicas *int32 `protobuf:"varint,1,opt,name=replicas"`.

/** Per message name, its field specs. */
export type MessageSpecs = Readonly<Record<string, readonly string[]>>;

export const SCALAR_TYPES = ['string', 'bytes', 'bool', 'int32', 'int64', 'double'] as const;
export type ScalarType = (typeof SCALAR_TYPES)[number];

export const WELL_KNOWN_TYPES = ['Time', 'MicroTime', 'Duration', 'Quantity', 'IntOrString', 'RawExtension', 'FieldsV1'] as const;
export type WellKnownType = (typeof WELL_KNOWN_TYPES)[number];

export type FieldType =
  | { kind: 'scalar'; scalar: ScalarType }
  | { kind: 'wellKnown'; name: WellKnownType }
  | { kind: 'message'; name: string };

export interface FieldDescriptor {
  /** The JSON field name (the proto name is the same); '' for an inline embedded struct. */
  json: string;
  number: number;
  type: FieldType;
  repeated: boolean;
  /** A map<string, type>: `type` describes the value. */
  map: boolean;
  /** The Go field is a pointer (or, for messages, nullable): present only when set. */
  pointer: boolean;
  /** The Go JSON tag has omitempty. */
  omitempty: boolean;
  inline: boolean;
}

export interface MessageDescriptor {
  name: string;
  fields: readonly FieldDescriptor[];
  byNumber: ReadonlyMap<number, FieldDescriptor>;
}

const SPEC_PATTERN = /^(\.\.\.)?(\w+)=(\d+):(\[\]|\{\})?(\*)?([\w.]+)(!)?$/;

function fieldTypeOf(token: string): FieldType {
  if ((SCALAR_TYPES as readonly string[]).includes(token)) return { kind: 'scalar', scalar: token as ScalarType };
  if ((WELL_KNOWN_TYPES as readonly string[]).includes(token)) return { kind: 'wellKnown', name: token as WellKnownType };
  return { kind: 'message', name: token };
}

/** Parses one field spec; throws on a malformed one, which is a bug in the tables. */
export function parseFieldSpec(spec: string): FieldDescriptor {
  const m = SPEC_PATTERN.exec(spec);
  if (!m) throw new Error(`malformed protobuf field spec ${JSON.stringify(spec)}`);
  const [, inline, name, number, collection, pointer, type, keep] = m;
  return {
    json: inline ? '' : name,
    number: Number(number),
    type: fieldTypeOf(type),
    repeated: collection === '[]',
    map: collection === '{}',
    pointer: pointer === '*',
    omitempty: keep !== '!',
    inline: inline === '...',
  };
}

export function parseMessage(name: string, specs: readonly string[]): MessageDescriptor {
  const fields = specs.map(parseFieldSpec);
  return { name, fields, byNumber: new Map(fields.map((f) => [f.number, f])) };
}
