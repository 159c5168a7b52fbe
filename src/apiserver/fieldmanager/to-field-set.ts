// The set of fields a value sets: what an applier owns after applying it.
// Kubernetes twin: structured-merge-diff typed/tofieldset.go (TypedValue.ToFieldSet).
//
// Leaves are members; so is every list item (so that dropping it later can remove it) and
// every entry of a free-keyed map. Struct fields with children are reached, not owned.
// Example: {"spec":{"replicas":2,"template":{"spec":{"containers":[{"name":"web"}]}}}} gives
// .spec.replicas, .spec.template.spec.containers[name="web"] and its .name.
import { FieldSet, fieldToken, type PathToken } from './field-set.js';
import { indexList } from './list-items.js';
import { childType, elementType, isPlainObject, walkKind, type TypeNode } from './schema-types.js';

export function toFieldSet(type: TypeNode, value: unknown): FieldSet {
  const set = new FieldSet();
  walk(set, type, value, []);
  return set;
}

function walk(set: FieldSet, type: TypeNode, value: unknown, path: PathToken[]): void {
  const kind = walkKind(type, value);
  if (kind === 'map' && isPlainObject(value) && Object.keys(value).length > 0) {
    for (const [k, v] of Object.entries(value)) {
      const childPath = [...path, fieldToken(k)];
      walk(set, childType(type, k), v, childPath);
      // Entries of a Go map (and undeclared fields) are owned as themselves too.
      if (type.t !== 'struct' || !(k in type.decl.fields)) set.insert(childPath);
    }
    return;
  }
  if (kind === 'list' && Array.isArray(value)) {
    const item = elementType(type);
    const { order, items } = indexList(type, value);
    for (const t of order) {
      walk(set, item, items.get(t), [...path, t]);
      set.insert([...path, t]);
    }
    return;
  }
  if (kind === 'list' || kind === 'map') {
    // An empty or null map or list is a leaf.
    set.insert(path);
    return;
  }
  set.insert(path);
}
