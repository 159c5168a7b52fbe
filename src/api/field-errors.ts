// Validation errors on a field path. Kubernetes twin: k8s.io/apimachinery/pkg/util/validation/field.

export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueNotFound'
  | 'InternalError';

/** What the error type reads as in a message: "Required value", "Invalid value", ... */
const typeText: Record<FieldErrorType, string> = {
  FieldValueRequired: 'Required value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  FieldValueNotFound: 'Not found',
  InternalError: 'Internal error',
};

export interface FieldError {
  type: FieldErrorType;
  field: string;
  badValue?: unknown;
  detail?: string;
}

/** A field path built as Kubernetes prints it: "spec.containers[0].image", "metadata.labels[app]". */
export class FieldPath {
  constructor(readonly text: string) {}
  static root(name: string): FieldPath {
    return new FieldPath(name);
  }
  child(name: string): FieldPath {
    return new FieldPath(this.text ? `${this.text}.${name}` : name);
  }
  index(i: number): FieldPath {
    return new FieldPath(`${this.text}[${i}]`);
  }
  key(k: string): FieldPath {
    return new FieldPath(`${this.text}[${k}]`);
  }
  toString(): string {
    return this.text;
  }
}

type Path = FieldPath | string;
const str = (p: Path): string => (typeof p === 'string' ? p : p.text);

export const required = (path: Path, detail = ''): FieldError => ({ type: 'FieldValueRequired', field: str(path), detail });
export const invalid = (path: Path, badValue: unknown, detail = ''): FieldError => ({
  type: 'FieldValueInvalid',
  field: str(path),
  badValue,
  detail,
});
export const notSupported = (path: Path, badValue: unknown, supported: readonly string[]): FieldError => ({
  type: 'FieldValueNotSupported',
  field: str(path),
  badValue,
  detail: supported.length ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : '',
});
export const duplicate = (path: Path, badValue: unknown): FieldError => ({ type: 'FieldValueDuplicate', field: str(path), badValue });
export const forbidden = (path: Path, detail: string): FieldError => ({ type: 'FieldValueForbidden', field: str(path), detail });
export const notFound = (path: Path, badValue: unknown): FieldError => ({ type: 'FieldValueNotFound', field: str(path), badValue });
export const tooLong = (path: Path, badValue: unknown, max: number): FieldError => ({
  type: 'FieldValueTooLong',
  field: str(path),
  badValue,
  detail: `must have at most ${max} bytes`,
});
export const tooMany = (path: Path, actual: number, max: number): FieldError => ({
  type: 'FieldValueTooMany',
  field: str(path),
  badValue: actual,
  detail: `must have at most ${max} items`,
});

/** Go's %#v for the values a badValue can hold, close enough for messages users read. */
function formatBadValue(value: unknown): string {
  if (value === null || value === undefined) return '"null"';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** The part after the field path: `Invalid value: "Bad_Name": a lowercase RFC 1123 ...`. */
export function fieldErrorBody(e: FieldError): string {
  let s = typeText[e.type];
  const showsValue = e.type !== 'FieldValueRequired' && e.type !== 'FieldValueForbidden' && e.type !== 'InternalError' && e.type !== 'FieldValueTooMany';
  if (showsValue && e.type !== 'FieldValueTooLong') s += `: ${formatBadValue(e.badValue)}`;
  if (e.detail) s += `: ${e.detail}`;
  return s;
}

export function fieldErrorText(e: FieldError): string {
  return `${e.field}: ${fieldErrorBody(e)}`;
}
