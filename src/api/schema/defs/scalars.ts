// Named types whose JSON form is a single value or a free object: Quantity, IntOrString, Time,
// MicroTime, FieldsV1, RawExtension. Kubernetes twin: their OpenAPIDefinition/OpenAPISchemaType
// methods in k8s.io/apimachinery (api/resource, util/intstr, apis/meta/v1, runtime).
import { open, scalar, type TypeDecl } from '../dsl.js';
import { INT_OR_STRING, META, QUANTITY, RAW_EXTENSION } from '../names.js';

export const scalarTypes: readonly TypeDecl[] = [
  scalar(QUANTITY, 'A fixed-point amount such as "100m", "1.5Gi" or "2", always sent as a string.', { type: 'string' }),
  scalar(INT_OR_STRING, 'Either an integer or a string such as a port name or a percentage.', {
    type: 'string',
    format: 'int-or-string',
  }),
  scalar(META + 'Time', 'A timestamp in RFC 3339 form with second precision.', { type: 'string', format: 'date-time' }),
  scalar(META + 'MicroTime', 'A timestamp in RFC 3339 form with microsecond precision.', {
    type: 'string',
    format: 'date-time',
  }),
  scalar(META + 'FieldsV1', 'A set of field paths in the structured-merge-diff trie format.', open),
  scalar(RAW_EXTENSION, 'An embedded object of any kind, kept as sent.', open),
];
