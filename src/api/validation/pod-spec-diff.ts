// Semantic equality of pod specs and a readable diff for the "pod updates may not change
// fields" error. Kubernetes twin: apimachinery pkg/api/equality (Semantic.DeepEqual, where a
// nil and an empty list are equal) and the go-cmp diff kube appends to that message.
// Our diff names fields by their JSON paths; Go's prints its internal struct, which a
// JavaScript server cannot reproduce, so only the shape (- old / + new lines) is kept.

/** Absent, null and [] are the same list to Kubernetes. */
const isEmptyList = (v: unknown): boolean => v === undefined || v === null || (Array.isArray(v) && v.length === 0);

export function semanticEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmptyList(a) && isEmptyList(b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!semanticEqual(ra[k], rb[k])) return false;
  return true;
}

const show = (v: unknown): string => (v === undefined ? 'nil' : JSON.stringify(v));

function collect(a: unknown, b: unknown, path: string, out: string[]): void {
  if (semanticEqual(a, b)) return;
  const bothObjects = a !== null && b !== null && typeof a === 'object' && typeof b === 'object';
  if (bothObjects && Array.isArray(a) === Array.isArray(b)) {
    if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
      a.forEach((x, i) => collect(x, b[i], `${path}[${i}]`, out));
      return;
    }
    if (!Array.isArray(a)) {
      const ra = a as Record<string, unknown>;
      const rb = b as Record<string, unknown>;
      for (const k of new Set([...Object.keys(ra), ...Object.keys(rb)])) collect(ra[k], rb[k], path ? `${path}.${k}` : k, out);
      return;
    }
  }
  out.push(`- \t${path}: ${show(a)},`, `+ \t${path}: ${show(b)},`);
}

/** A cmp.Diff-like listing of what differs between two specs: "- old" then "+ new" per field. */
export function specDiff(prev: unknown, next: unknown): string {
  const lines: string[] = [];
  collect(prev, next, '', lines);
  return ['  core.PodSpec{', ...lines, '  }', ''].join('\n');
}
