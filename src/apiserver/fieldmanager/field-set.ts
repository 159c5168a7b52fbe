// A set of field paths as a trie, and its FieldsV1 wire form.
// Kubernetes twin: sigs.k8s.io/structured-merge-diff fieldpath (Set, PathElement, serialize.go).
//
// A path element is kept as its FieldsV1 token: "f:spec" (a struct field or map key),
// 'k:{"name":"web"}' (an associative-list item by its keys), 'v:"a"' (a set-list item),
// "i:3" (a list item by index). A node is a *member* when the path ending there is in the set;
// FieldsV1 writes that as ".": {} beside the node's children, or as {} for a leaf.
// Example: members {spec.replicas, metadata.labels, metadata.labels.app} encode as
// {"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:replicas":{}}}.

import { sortInPlace } from './small-sort.js';

export type PathToken = string;
export type FieldPathTokens = readonly PathToken[];

export class FieldSet {
  readonly members = new Set<PathToken>();
  readonly children = new Map<PathToken, FieldSet>();
  /** This node's FieldsV1, once encoded (see encodeNode). */
  wirePlain: Record<string, unknown> | undefined = undefined;
  wireMarked: Record<string, unknown> | undefined = undefined;

  static of(...paths: FieldPathTokens[]): FieldSet {
    const s = new FieldSet();
    for (const p of paths) s.insert(p);
    return s;
  }

  isEmpty(): boolean {
    if (this.members.size > 0) return false;
    for (const c of this.children.values()) if (!c.isEmpty()) return false;
    return true;
  }

  insert(path: FieldPathTokens): void {
    if (path.length === 0) return;
    let node: FieldSet = this;
    for (let i = 0; i < path.length - 1; i++) node = node.child(path[i]);
    node.members.add(path[path.length - 1]);
  }

  /** The subtree under one element, created on demand. */
  child(token: PathToken): FieldSet {
    let c = this.children.get(token);
    if (!c) this.children.set(token, (c = new FieldSet()));
    return c;
  }

  has(path: FieldPathTokens): boolean {
    let node: FieldSet | undefined = this;
    for (let i = 0; i < path.length - 1 && node; i++) node = node.children.get(path[i]);
    return !!node && path.length > 0 && node.members.has(path[path.length - 1]);
  }

  /** The set below one element (the paths that start with it, without it). */
  withPrefix(token: PathToken): FieldSet | undefined {
    return this.children.get(token);
  }

  // The algebra below never changes its operands and shares every subtree a result has in
  // common with one of them: a set is never modified once built (insert and child are for
  // building only), so a result may hand back an operand, or an operand's subtree, as is.
  // That keeps a status write, which touches a few fields of a large set, from copying it.

  union(other: FieldSet): FieldSet {
    if (other === this || other.isEmpty()) return this;
    if (this.isEmpty()) return other;
    const out = new FieldSet();
    for (const m of this.members) out.members.add(m);
    for (const m of other.members) out.members.add(m);
    for (const [t, c] of this.children) {
      const o = other.children.get(t);
      out.children.set(t, o ? c.union(o) : c);
    }
    for (const [t, o] of other.children) if (!this.children.has(t)) out.children.set(t, o);
    return out;
  }

  difference(other: FieldSet): FieldSet {
    if (other === this) return new FieldSet();
    if (!this.intersects(other)) return this;
    const out = new FieldSet();
    for (const m of this.members) if (!other.members.has(m)) out.members.add(m);
    for (const [t, c] of this.children) {
      const o = other.children.get(t);
      const d = o ? c.difference(o) : c;
      if (!d.isEmpty()) out.children.set(t, d);
    }
    return out;
  }

  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    for (const m of this.members) if (other.members.has(m)) out.members.add(m);
    for (const [t, c] of this.children) {
      const o = other.children.get(t);
      if (!o) continue;
      const i = c.intersection(o);
      if (!i.isEmpty()) out.children.set(t, i);
    }
    return out;
  }

  /** Whether some path is in both sets (the intersection is not empty), without building it. */
  intersects(other: FieldSet): boolean {
    const [small, large] = this.members.size <= other.members.size ? [this.members, other.members] : [other.members, this.members];
    for (const m of small) if (large.has(m)) return true;
    for (const [t, c] of this.children) {
      const o = other.children.get(t);
      if (o && c.intersects(o)) return true;
    }
    return false;
  }

  /** Only the paths whose first element passes keep (subtrees are shared, not copied). */
  filterTop(keep: (token: PathToken) => boolean): FieldSet {
    let all = true;
    for (const m of this.members) if (!keep(m)) all = false;
    for (const t of this.children.keys()) if (!keep(t)) all = false;
    if (all) return this;
    const out = new FieldSet();
    for (const m of this.members) if (keep(m)) out.members.add(m);
    for (const [t, c] of this.children) if (keep(t)) out.children.set(t, c);
    return out;
  }

  /** Every member path in fieldpath.Set.Iterate order: a node's members (sorted), then its children. */
  forEach(visit: (path: PathToken[]) => void, prefix: PathToken[] = []): void {
    for (const t of sortTokens([...this.members])) visit([...prefix, t]);
    for (const t of sortTokens([...this.children.keys()])) this.children.get(t)!.forEach(visit, [...prefix, t]);
  }

  paths(): PathToken[][] {
    const out: PathToken[][] = [];
    this.forEach((p) => out.push(p));
    return out;
  }

  equals(other: FieldSet): boolean {
    return this.difference(other).isEmpty() && other.difference(this).isEmpty();
  }
}

const KIND_ORDER: Record<string, number> = { f: 0, k: 1, v: 2, i: 3 };

/** Path-element order: field names, then keys, then values, then indexes (fieldpath.PathElement.Compare). */
function compareTokens(a: PathToken, b: PathToken): number {
  const ka = KIND_ORDER[a[0]] ?? 4;
  const kb = KIND_ORDER[b[0]] ?? 4;
  if (ka !== kb) return ka - kb;
  if (a[0] === 'i') return Number(a.slice(2)) - Number(b.slice(2));
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts tokens in place in path-element order, and returns them. */
export const sortTokens = (tokens: PathToken[]): PathToken[] => sortInPlace(tokens, compareTokens);

export const fieldToken = (name: string): PathToken => `f:${name}`;
export const indexToken = (i: number): PathToken => `i:${i}`;
export const valueToken = (v: unknown): PathToken => `v:${JSON.stringify(v)}`;

/** An associative-list item by its key fields, written with the key names sorted. */
export function keyToken(keys: Record<string, unknown>): PathToken {
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(keys).sort()) sorted[k] = keys[k];
  return `k:${JSON.stringify(sorted)}`;
}

/** A leaf of FieldsV1, one frozen object for all: the wire form is never edited once made. */
const LEAF: Readonly<Record<string, unknown>> = Object.freeze({});

/** The FieldsV1 JSON object of a set (treat it as frozen: it is shared). */
export function toFieldsV1(set: FieldSet): Record<string, unknown> {
  return encodeNode(set, false);
}

/**
 * A node's wire object, plain or marked with "." (as its parent has it as a member), made once
 * per node and kept on it: sets never change once built and the set algebra shares the
 * subtrees a result has in common with its operands, so a manager whose fields grow by a few
 * paths gets the wire objects of its unchanged parts back instead of encoding them again.
 */
function encodeNode(set: FieldSet, marked: boolean): Record<string, unknown> {
  const hit = marked ? set.wireMarked : set.wirePlain;
  if (hit) return hit;
  const out: Record<string, unknown> = marked ? { '.': LEAF } : {};
  writeFieldsV1(set, out);
  if (marked) set.wireMarked = out;
  else set.wirePlain = out;
  return out;
}

function writeFieldsV1(set: FieldSet, out: Record<string, unknown>): void {
  const tokens: PathToken[] = [...set.members];
  for (const t of set.children.keys()) if (!set.members.has(t)) tokens.push(t);
  if (tokens.length > 1) sortTokens(tokens);
  for (const t of tokens) {
    const c = set.children.get(t);
    out[t] = !c || (c.members.size === 0 && c.children.size === 0) ? LEAF : encodeNode(c, set.members.has(t));
  }
}

// Questions asked of a stored FieldsV1 object without decoding it: most managers of an object
// are untouched by a write, and their stored fields are kept as they are.
type FieldsV1Node = Readonly<Record<string, unknown>>;

const asNode = (v: unknown): FieldsV1Node | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as FieldsV1Node) : undefined);

/** Whether the element `token` of a FieldsV1 node is a member (a leaf, or marked "."). */
function memberOf(node: FieldsV1Node, token: PathToken): boolean {
  const sub = asNode(node[token]);
  if (!sub) return false;
  for (const k in sub) if (k === '.') return true;
  return Object.keys(sub).length === 0;
}

/** Whether a (normalised) stored FieldsV1 object and a set share a path. */
export function fieldsV1Intersects(fields: unknown, set: FieldSet): boolean {
  const node = asNode(fields);
  if (!node) return false;
  for (const m of set.members) if (memberOf(node, m)) return true;
  for (const [t, c] of set.children) if (t in node && fieldsV1Intersects(node[t], c)) return true;
  return false;
}

/** Whether every path of the set is in a (normalised) stored FieldsV1 object. */
export function fieldsV1Covers(fields: unknown, set: FieldSet): boolean {
  const node = asNode(fields);
  if (!node) return set.isEmpty();
  for (const m of set.members) if (!memberOf(node, m)) return false;
  for (const [t, c] of set.children) if (!fieldsV1Covers(node[t], c)) return false;
  return true;
}

/** Reads a FieldsV1 object; throws on anything that is not one. Key and value tokens are normalised. */
export function fromFieldsV1(fields: unknown): FieldSet {
  const set = new FieldSet();
  readInto(set, fields, true);
  return set;
}

function readInto(set: FieldSet, fields: unknown, top: boolean): void {
  if (!fields || typeof fields !== 'object' || Array.isArray(fields)) throw new Error('FieldsV1 must be a JSON object');
  for (const [raw, sub] of Object.entries(fields as Record<string, unknown>)) {
    if (raw === '.') {
      if (top) throw new Error('"." is not allowed at the top level');
      continue;
    }
    const token = normaliseToken(raw);
    if (!sub || typeof sub !== 'object' || Array.isArray(sub)) throw new Error(`the value of ${raw} must be an object`);
    const entries = Object.keys(sub);
    if (entries.length === 0 || entries.includes('.')) set.members.add(token);
    if (entries.some((k) => k !== '.')) readInto(set.child(token), sub, false);
  }
}

function normaliseToken(raw: string): PathToken {
  const kind = raw.slice(0, 2);
  const body = raw.slice(2);
  switch (kind) {
    case 'f:':
      return raw;
    case 'i:':
      if (!/^[0-9]+$/.test(body)) throw new Error(`invalid index ${raw}`);
      return raw;
    case 'v:':
      return valueToken(JSON.parse(body));
    case 'k:': {
      const keys = JSON.parse(body) as unknown;
      if (!keys || typeof keys !== 'object' || Array.isArray(keys)) throw new Error(`invalid key ${raw}`);
      return keyToken(keys as Record<string, unknown>);
    }
    default:
      throw new Error(`unknown path element ${raw}`);
  }
}

/** A path as structured-merge-diff prints it in conflicts: .spec.containers[name="web"].image. */
export function pathString(path: FieldPathTokens): string {
  return path.map(elementString).join('');
}

function elementString(token: PathToken): string {
  const body = token.slice(2);
  switch (token[0]) {
    case 'f':
      return `.${body}`;
    case 'k': {
      const keys = JSON.parse(body) as Record<string, unknown>;
      return `[${Object.entries(keys).map(([k, v]) => `${k}=${scalarString(v)}`).join(',')}]`;
    }
    case 'v':
      return `[=${scalarString(JSON.parse(body))}]`;
    default:
      return `[${body}]`;
  }
}

/** value.ToString: strings quoted, numbers and booleans bare. */
function scalarString(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}
