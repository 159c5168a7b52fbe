// Which fields one version of an object added, changed or removed relative to another.
// Kubernetes twin: structured-merge-diff typed/compare.go (TypedValue.Compare).
//
// Leaves (scalars, atomic lists/maps/structs, and maps or lists empty on both sides) are added,
// modified or removed by value. A map or list walked into is itself "added" when it did not
// exist before and "removed" when it is gone, but never "modified": that is why a new labels
// map shows ".": {} in managedFields while an existing spec does not.
import { deepEqual } from '../storage/same-content.js';
import { FieldSet, fieldToken, type PathToken } from './field-set.js';
import { indexList, zipLists } from './list-items.js';
import { childType, elementType, isPlainObject, walkKind, type TypeNode } from './schema-types.js';

export interface Comparison {
  readonly added: FieldSet;
  readonly modified: FieldSet;
  readonly removed: FieldSet;
}

interface Walk extends Comparison {
  /** Which top-level fields are compared at all (a status write looks at status only). */
  readonly top: (token: PathToken) => boolean;
}

/**
 * Compares two versions; `undefined` means absent, `null` is a present null value. Only the
 * top-level fields `top` accepts are compared (all by default).
 */
export function compare(type: TypeNode, lhs: unknown, rhs: unknown, top: (token: PathToken) => boolean = () => true): Comparison {
  const c: Walk = { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet(), top };
  walk(c, type, lhs, rhs, []);
  return { added: c.added, modified: c.modified, removed: c.removed };
}

function walk(c: Walk, type: TypeNode, lhs: unknown, rhs: unknown, path: PathToken[]): void {
  // The same (frozen) subtree on both sides, as a status write carries its spec over: nothing changed.
  if (lhs === rhs && typeof lhs === 'object' && lhs !== null) return;
  const value = rhs === undefined ? lhs : rhs;
  const kind = walkKind(type, value);
  if (kind === 'map' && bothEmpty(lhs, rhs, isPlainObject, (v) => Object.keys(v).length === 0)) return leaf(c, lhs, rhs, path);
  if (kind === 'list' && bothEmpty(lhs, rhs, Array.isArray, (v) => v.length === 0)) return leaf(c, lhs, rhs, path);
  if (kind === 'map') {
    const l = isPlainObject(lhs) ? lhs : EMPTY;
    const r = isPlainObject(rhs) ? rhs : EMPTY;
    // One path array for the whole walk, pushed and popped: inserting into a set copies it.
    const visit = (k: string): void => {
      const token = fieldToken(k);
      if (path.length === 0 && !c.top(token)) return;
      // managedFields record the fields; they are not among them (and are compared by no one).
      if (path.length === 1 && k === 'managedFields' && path[0] === METADATA) return;
      const lv = l[k];
      const rv = r[k];
      if (lv === undefined && rv !== undefined) return walkAdded(nodeAt(c.added, path), token, childType(type, k), rv);
      path.push(token);
      walk(c, childType(type, k), lv, rv, path);
      path.pop();
    };
    for (const k in l) visit(k);
    for (const k in r) if (!(k in l)) visit(k);
  } else if (kind === 'list') {
    const item = elementType(type);
    zipLists(indexList(type, lhs), indexList(type, rhs), (t, l, r) => {
      if (l === undefined && r !== undefined) return walkAdded(nodeAt(c.added, path), t, item, r);
      path.push(t);
      walk(c, item, l, r, path);
      path.pop();
    });
  } else {
    return leaf(c, lhs, rhs, path);
  }
  // A node walked into: present on one side only.
  if (path.length === 0) return;
  if (lhs === undefined) c.added.insert(path);
  else if (rhs === undefined) c.removed.insert(path);
}

const EMPTY: Readonly<Record<string, unknown>> = Object.freeze({});
const METADATA = fieldToken('metadata');

/** The node of a set at a path, made on demand. */
function nodeAt(set: FieldSet, path: readonly PathToken[]): FieldSet {
  let node = set;
  for (const t of path) node = node.child(t);
  return node;
}

/**
 * A value the other side does not have: it and everything in it are added. Same answer as
 * walk() with nothing on the left, without comparing (a create is all this).
 */
function walkAdded(parent: FieldSet, token: PathToken, type: TypeNode, value: unknown): void {
  parent.members.add(token);
  const kind = walkKind(type, value);
  if (kind === 'map' && isPlainObject(value)) {
    let node: FieldSet | undefined;
    for (const k in value) walkAdded((node ??= parent.child(token)), fieldToken(k), childType(type, k), value[k]);
  } else if (kind === 'list' && Array.isArray(value) && value.length > 0) {
    const item = elementType(type);
    const { order, items } = indexList(type, value);
    const node = parent.child(token);
    for (const t of order) walkAdded(node, t, item, items.get(t));
  }
}

function bothEmpty<T>(lhs: unknown, rhs: unknown, is: (v: unknown) => v is T, empty: (v: T) => boolean): boolean {
  const emptyOrNull = (v: unknown) => v === undefined || v === null || (is(v) && empty(v));
  return emptyOrNull(lhs) && emptyOrNull(rhs);
}

function leaf(c: Walk, lhs: unknown, rhs: unknown, path: PathToken[]): void {
  if (path.length === 0) return;
  if (lhs === undefined) c.added.insert(path);
  else if (rhs === undefined) c.removed.insert(path);
  else if (!deepEqual(lhs, rhs)) c.modified.insert(path);
}
