// One walk of an object against its kind's schema, for the write path: the first value of the
// wrong JSON type (a decode error) and every field the schema does not know (strict field
// validation). Same answers as typeMismatch and unknownFields, in half the work.
//
// The walk is on every write, so it keeps its place as a stack of path segments and spells a
// path out only for what it reports; and a patch result's subtrees that are the stored
// version's own (the same frozen objects) were checked when stored and are not walked again.
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
const structName = (definition: string): string => definition.slice(definition.lastIndexOf('.') + 1);
const isOpaqueRef = (ref: string): boolean => ref === INT_OR_STRING || ref === QUANTITY || ref === RAW_EXTENSION;

class Walk {
  readonly out: Inspection = { unknown: [] };
  /** Field names and list indexes from the root to where the walk is. */
  readonly #path: (string | number)[] = [];
  /** The Go field path of the current struct field (map keys and indexes not included). */
  readonly #goPath: string[] = [];

  shape(shape: Shape, value: unknown, struct: string, stored: unknown): void {
    if (value === stored && typeof value === 'object' && value !== null) return;
    if (!this.out.mismatch && !fits(shape, value)) this.out.mismatch = describeMismatch(struct, [...this.#goPath], value, shape);
    if (value === null || value === undefined) return;
    if (shape.type === 'array' && Array.isArray(value)) {
      const before = Array.isArray(stored) ? stored : undefined;
      for (let i = 0; i < value.length; i++) {
        this.#path.push(i);
        this.shape(shape.items, value[i], struct, before?.[i]);
        this.#path.pop();
      }
    } else if (shape.type === 'map' && isPlainObject(value)) {
      const before = isPlainObject(stored) ? stored : undefined;
      for (const key in value) {
        this.#path.push(key);
        this.shape(shape.values, value[key], struct, before?.[key]);
        this.#path.pop();
      }
    } else if (shape.type === 'ref' && !isOpaqueRef(shape.ref)) {
      this.definition(shape.ref, value, stored);
    }
  }

  definition(name: string, value: unknown, stored: unknown): void {
    const decl = typeNamed(name);
    if (!decl || !isPlainObject(value)) return;
    if (decl.kind === 'scalar') return this.shape(decl.shape, value, structName(name), stored);
    const before = isPlainObject(stored) ? stored : undefined;
    const struct = structName(decl.name);
    for (const key in value) {
      const field = Object.hasOwn(decl.fields, key) ? decl.fields[key] : undefined;
      this.#path.push(key);
      if (field) {
        this.#goPath.push(key);
        this.shape(field.shape, value[key], struct, before?.[key]);
        this.#goPath.pop();
      } else {
        this.out.unknown.push(this.#pathText());
      }
      this.#path.pop();
    }
  }

  #pathText(): string {
    let text = '';
    for (const segment of this.#path) text += typeof segment === 'number' ? `[${segment}]` : text === '' ? segment : `.${segment}`;
    return text;
  }
}

/**
 * Inspects an object about to be written. `stored` is the version it replaces, if any: subtrees
 * the object shares with it (by identity) are taken as already checked.
 */
export function inspectObject(group: string, version: string, kind: string, object: unknown, stored?: unknown): Inspection {
  const decl = typeOfKind(group, version, kind);
  if (!decl) return { unknown: [] };
  const walk = new Walk();
  walk.definition(decl.name, object, stored);
  return walk.out;
}
