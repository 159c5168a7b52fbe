// One walk of an object against its kind's schema, for the write path: the first value of the
// wrong JSON type (a decode error) and every field the schema does not know (strict field
// validation). Same answers as typeMismatch and unknownFields, in half the work.
import type { Shape } from './dsl.js';
import { INT_OR_STRING, QUANTITY, RAW_EXTENSION } from './names.js';
import { typeNamed, typeOfKind } from './registry.js';
import { describeMismatch, fits } from './type-check.js';

export interface Inspection {
  /** `json: cannot unmarshal ...` for the first ill-typed value, if any. */
  mismatch?: string;
  /** Paths of unknown fields, as strict decoding prints them ("spec.containers[0].foo"). */
  unknown: string[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const join = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);
const structName = (definition: string): string => definition.slice(definition.lastIndexOf('.') + 1);

class Walk {
  readonly out: Inspection = { unknown: [] };

  shape(shape: Shape, value: unknown, path: string, goPath: string[], struct: string): void {
    if (!this.out.mismatch && !fits(shape, value)) this.out.mismatch = describeMismatch(struct, goPath, value, shape);
    if (value === null || value === undefined) return;
    if (shape.type === 'array' && Array.isArray(value)) {
      value.forEach((item, i) => this.shape(shape.items, item, `${path}[${i}]`, goPath, struct));
    } else if (shape.type === 'map' && isPlainObject(value)) {
      for (const [key, item] of Object.entries(value)) this.shape(shape.values, item, join(path, key), goPath, struct);
    } else if (shape.type === 'ref' && shape.ref !== INT_OR_STRING && shape.ref !== QUANTITY && shape.ref !== RAW_EXTENSION) {
      this.definition(shape.ref, value, path, goPath);
    }
  }

  definition(name: string, value: unknown, path: string, goPath: string[]): void {
    const decl = typeNamed(name);
    if (!decl || !isPlainObject(value)) return;
    if (decl.kind === 'scalar') return this.shape(decl.shape, value, path, goPath, structName(name));
    for (const [key, item] of Object.entries(value)) {
      const field = decl.fields[key];
      if (field) this.shape(field.shape, item, join(path, key), [...goPath, key], structName(decl.name));
      else this.out.unknown.push(join(path, key));
    }
  }
}

export function inspectObject(group: string, version: string, kind: string, object: unknown): Inspection {
  const decl = typeOfKind(group, version, kind);
  if (!decl) return { unknown: [] };
  const walk = new Walk();
  walk.definition(decl.name, object, '', []);
  return walk.out;
}
