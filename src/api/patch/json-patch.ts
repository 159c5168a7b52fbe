// RFC 6902 JSON Patch, as kube-apiserver applies it: gopkg.in/evanphx/json-patch.v4 (patch.go),
// called from staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go (applyJSPatch).
// Where v4 departs from the RFC we follow v4, because that is what clients observe:
//  - "replace" of a missing object member adds it (v4 only checks that array indices exist);
//  - negative array indices count from the end ("add" at -1 inserts before the last element);
//  - "copy" from a missing object member copies null;
//  - a "test" against null or a missing member passes when the value is null.
import { unmarshalTypeError } from './go-json.js';
import { copyObject, isJsonObject, jsonEqual, putKey, type JsonObject } from './json-value.js';

/** A patch that decoded but could not be applied; the message is v4's. kube-apiserver answers 422. */
export class JsonPatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonPatchError';
  }
}

/** One operation as decoded; null elements are kept, they fail as kind "unknown" like in v4. */
export type JsonPatchOperation = JsonObject | null;

/** Checks the decoded body has the shape v4's DecodePatch accepts; throws a GoJsonError otherwise. */
export function decodeJsonPatch(body: unknown): JsonPatchOperation[] {
  if (body === null) return [];
  if (!Array.isArray(body)) throw unmarshalTypeError(body, 'jsonpatch.Patch');
  for (const op of body) if (op !== null && !isJsonObject(op)) throw unmarshalTypeError(op, 'jsonpatch.Operation');
  return body as JsonPatchOperation[];
}

const MISSING = 'missing value';
const BAD_INDEX = 'invalid index referenced';

type Container = JsonObject | readonly unknown[];
const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

/** "~1" is "/" and "~0" is "~", decoded in one pass so "~01" stays "~1" (RFC 6901 section 4). */
const unescapeToken = (token: string): string => token.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));

/** Go's strconv.Atoi: optional sign and decimal digits, nothing else. */
function atoi(token: string): number {
  if (!/^[+-]?\d+$/.test(token)) throw new JsonPatchError(`strconv.Atoi: parsing ${JSON.stringify(token)}: invalid syntax`);
  return Number(token);
}

interface Location {
  readonly parents: readonly string[];
  readonly key: string;
}

/** v4 splits on "/" and ignores the first segment: "" and "a" locate nothing, "/a/b" is parents [a], key b. */
function locate(path: string): Location | undefined {
  const split = path.split('/');
  if (split.length < 2) return undefined;
  return { parents: split.slice(1, -1).map(unescapeToken), key: unescapeToken(split[split.length - 1]) };
}

/** The child used while walking to a container; undefined when v4's findObject would give up. */
function childOf(node: Container, token: string): unknown {
  if (!Array.isArray(node)) return Object.hasOwn(node, token) ? (node as JsonObject)[token] : undefined;
  if (!/^[+-]?\d+$/.test(token)) return undefined;
  const index = Number(token);
  return index >= 0 && index < node.length ? node[index] : undefined;
}

function findContainer(doc: unknown, parents: readonly string[]): Container | undefined {
  let node = doc;
  for (const token of parents) {
    if (!isContainer(node)) return undefined;
    node = childOf(node, token);
  }
  return isContainer(node) ? node : undefined;
}

/** Returns a copy of doc where the container at parents is replaced by edit(container); siblings are shared. */
function rebuild(doc: unknown, parents: readonly string[], edit: (c: Container) => Container): unknown {
  if (parents.length === 0) return edit(doc as Container);
  const node = doc as Container;
  const [token, ...rest] = parents;
  const replaced = rebuild(childOf(node, token), rest, edit);
  if (Array.isArray(node)) return node.map((v, i) => (i === Number(token) ? replaced : v));
  const copy = copyObject(node as JsonObject);
  putKey(copy, token, replaced);
  return copy;
}

function getIn(c: Container, key: string): unknown {
  if (!Array.isArray(c)) return Object.hasOwn(c, key) ? (c as JsonObject)[key] : null;
  const index = atoi(key);
  if (index < 0 || index >= c.length) throw new JsonPatchError(`Unable to access invalid index: ${index}: ${BAD_INDEX}`);
  return c[index];
}

function addIn(c: Container, key: string, value: unknown): Container {
  if (!Array.isArray(c)) {
    const copy = copyObject(c as JsonObject);
    putKey(copy, key, value);
    return copy;
  }
  if (key === '-') return [...c, value];
  let index: number;
  try {
    index = atoi(key);
  } catch (e) {
    throw new JsonPatchError(`value was not a proper array index: '${key}': ${(e as Error).message}`);
  }
  // v4 sizes the new array first, so valid positions are -(len+1) .. len; -1 means "before the end".
  const size = c.length + 1;
  if (index >= size || index < -size) throw new JsonPatchError(`Unable to access invalid index: ${index}: ${BAD_INDEX}`);
  if (index < 0) index += size;
  return [...c.slice(0, index), value, ...c.slice(index)];
}

function removeIn(c: Container, key: string): Container {
  if (!Array.isArray(c)) {
    if (!Object.hasOwn(c, key)) throw new JsonPatchError(`Unable to remove nonexistent key: ${key}: ${MISSING}`);
    const copy = copyObject(c as JsonObject);
    delete copy[key];
    return copy;
  }
  let index = atoi(key);
  if (index >= c.length || index < -c.length) throw new JsonPatchError(`Unable to access invalid index: ${index}: ${BAD_INDEX}`);
  if (index < 0) index += c.length;
  return c.filter((_, i) => i !== index);
}

function replaceIn(c: Container, key: string, value: unknown): Container {
  if (!Array.isArray(c)) return addIn(c, key, value);
  const index = atoi(key);
  return c.map((v, i) => (i === index ? value : v));
}

const stringField = (op: JsonObject, name: string): string | undefined => (typeof op[name] === 'string' ? (op[name] as string) : undefined);
const valueOf = (op: JsonObject): unknown => (Object.hasOwn(op, 'value') ? op.value : null);

/** Wraps an inner failure the way github.com/pkg/errors.Wrapf prints it: "context: cause". */
function wrapped<T>(context: string, run: () => T): T {
  try {
    return run();
  } catch (e) {
    throw new JsonPatchError(`${context}: ${(e as Error).message}`);
  }
}

function pathOf(op: JsonObject, verb: string, field: 'path' | 'from'): string {
  const path = stringField(op, field);
  if (path !== undefined) return path;
  const missing = field === 'path' ? 'operation missing path field' : 'operation, missing from field';
  throw new JsonPatchError(`${verb} operation failed to decode ${field}: ${missing}: ${MISSING}`);
}

interface Target {
  readonly container: Container;
  readonly at: Location;
}

/** The container a path points into, or the "does not apply" error v4 gives when the walk fails. */
function targetOf(doc: unknown, path: string, onMissing: string): Target {
  const at = locate(path);
  const container = at && findContainer(doc, at.parents);
  if (!at || !container) throw new JsonPatchError(`${onMissing}: ${MISSING}`);
  return { container, at };
}

type Apply = (doc: unknown, op: JsonObject) => unknown;

const operations: Record<string, Apply> = {
  add(doc, op) {
    const path = pathOf(op, 'add', 'path');
    const { container, at } = targetOf(doc, path, `add operation does not apply: doc is missing path: "${path}"`);
    const next = wrapped(`error in add for path: '${path}'`, () => addIn(container, at.key, valueOf(op)));
    return rebuild(doc, at.parents, () => next);
  },
  remove(doc, op) {
    const path = pathOf(op, 'remove', 'path');
    const { container, at } = targetOf(doc, path, `remove operation does not apply: doc is missing path: "${path}"`);
    const next = wrapped(`error in remove for path: '${path}'`, () => removeIn(container, at.key));
    return rebuild(doc, at.parents, () => next);
  },
  replace(doc, op) {
    const path = pathOf(op, 'replace', 'path');
    const { container, at } = targetOf(doc, path, `replace operation does not apply: doc is missing path: ${path}`);
    wrapped(`replace operation does not apply: doc is missing key: ${path}`, () => getIn(container, at.key));
    return rebuild(doc, at.parents, () => replaceIn(container, at.key, valueOf(op)));
  },
  move(doc, op) {
    const from = pathOf(op, 'move', 'from');
    const source = targetOf(doc, from, `move operation does not apply: doc is missing from path: ${from}`);
    const key = source.at.key;
    const value = wrapped(`error in move for path: '${key}'`, () => getIn(source.container, key));
    const removed = wrapped(`error in move for path: '${key}'`, () => removeIn(source.container, key));
    // v4 removes first and only then looks for the destination, in the document without the source.
    const without = rebuild(doc, source.at.parents, () => removed);
    const path = pathOf(op, 'move', 'path');
    const { container, at } = targetOf(without, path, `move operation does not apply: doc is missing destination path: ${path}`);
    const added = wrapped(`error in move for path: '${path}'`, () => addIn(container, at.key, value));
    return rebuild(without, at.parents, () => added);
  },
  copy(doc, op) {
    const from = pathOf(op, 'copy', 'from');
    const source = targetOf(doc, from, `copy operation does not apply: doc is missing from path: ${from}`);
    const value = wrapped(`error in copy for from: '${from}'`, () => getIn(source.container, source.at.key));
    const path = pathOf(op, 'copy', 'path');
    const { container, at } = targetOf(doc, path, `copy operation does not apply: doc is missing destination path: ${path}`);
    const added = wrapped('error while adding value during copy', () => addIn(container, at.key, value));
    return rebuild(doc, at.parents, () => added);
  },
  test(doc, op) {
    const path = pathOf(op, 'test', 'path');
    const { container, at } = targetOf(doc, path, `test operation does not apply: is missing path: ${path}`);
    const actual = wrapped(`error in test for path: '${path}'`, () => getIn(container, at.key));
    const expected = valueOf(op);
    if (actual === null ? expected === null : Object.hasOwn(op, 'value') && jsonEqual(actual, expected)) return doc;
    throw new JsonPatchError(`testing value ${path} failed: test failed`);
  },
};

/** Applies the operations in order to a JSON document and returns the new document; inputs are not touched. */
export function jsonPatch(original: unknown, patch: readonly JsonPatchOperation[]): unknown {
  let doc = original;
  for (const op of patch) {
    const kind = op !== null && typeof op.op === 'string' ? op.op : 'unknown';
    const apply = Object.hasOwn(operations, kind) ? operations[kind] : undefined;
    if (!apply || op === null) throw new JsonPatchError(`Unexpected kind: ${kind}`);
    doc = apply(doc, op);
  }
  return doc;
}
