// The registry handles objects as open JSON; each strategy reads them as its typed shape.
import type { FieldError } from '../../field-errors.js';
import type { MutableObj, Obj, Strategy } from '../definition.js';

/** Adapts typed validators and defaulters to the Strategy's open object types. */
export function typed<T>(s: {
  defaults?(obj: T): void;
  prepareForCreate?(obj: T): void;
  validate?(obj: T): FieldError[];
  validateUpdate?(next: T, prev: T): FieldError[];
  validateStatusUpdate?(next: T, prev: T): FieldError[];
}): Strategy {
  const out: Strategy = {};
  if (s.defaults) out.defaults = (o: MutableObj) => s.defaults!(o as unknown as T);
  if (s.prepareForCreate) out.prepareForCreate = (o: MutableObj) => s.prepareForCreate!(o as unknown as T);
  if (s.validate) out.validate = (o: Obj) => s.validate!(o as unknown as T);
  if (s.validateUpdate) out.validateUpdate = (n: Obj, p: Obj) => s.validateUpdate!(n as unknown as T, p as unknown as T);
  if (s.validateStatusUpdate) out.validateStatusUpdate = (n: Obj, p: Obj) => s.validateStatusUpdate!(n as unknown as T, p as unknown as T);
  return out;
}
