// kubectl's client-side apply annotation seen from server-side apply: `kubectl apply
// --server-side` (manager "kubectl") may take over fields the annotation still describes
// truthfully, and keeps the annotation in step with what it applied.
// Kubernetes twin: managedfields/internal/lastappliedmanager.go and lastappliedupdater.go.
import { compare } from './compare.js';
import type { FieldSet } from './field-set.js';
import { isPlainObject, type TypeNode } from './schema-types.js';
import { toFieldSet } from './to-field-set.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** Only this manager upgrades from client-side apply; any other name opts out. */
export const KUBECTL_MANAGER = 'kubectl';

type WithAnnotations = { metadata?: { annotations?: Record<string, string> } };

export function lastAppliedOf(obj: object | undefined): string | undefined {
  const value = (obj as WithAnnotations | undefined)?.metadata?.annotations?.[LAST_APPLIED];
  return value ? value : undefined;
}

/**
 * The fields the annotation lists with the value the live object still has: conflicts on them
 * are the client-side applier's own and may be taken without force. Undefined when there is no
 * usable annotation.
 */
export function allowedFromLastApplied(root: TypeNode, live: object, apiVersion: string): FieldSet | undefined {
  const text = lastAppliedOf(live);
  if (!text) return undefined;
  let last: unknown;
  try {
    last = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(last) || last.apiVersion !== apiVersion) return undefined;
  const cmp = compare(root, last, live);
  return toFieldSet(root, last).difference(cmp.modified).difference(cmp.added).difference(cmp.removed);
}

/**
 * The annotation value for an applied configuration: its JSON without the annotation itself, keys
 * sorted and HTML characters escaped as Go's encoder writes them, with a final newline.
 */
export function buildLastApplied(applied: object): string {
  const copy = JSON.parse(JSON.stringify(applied)) as WithAnnotations;
  const annotations = copy.metadata?.annotations;
  // An emptied annotations map stays as {} (unstructured SetAnnotations keeps a non-nil map).
  if (annotations) delete annotations[LAST_APPLIED];
  const text = JSON.stringify(sortKeys(copy)).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isPlainObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
  return out;
}
