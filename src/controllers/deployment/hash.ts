// The pod-template-hash: names a Deployment's ReplicaSet after its pod template.
// Kubernetes twin: controller.ComputeHash (pkg/controller/controller_utils.go) and
// rand.SafeEncodeString (k8s.io/apimachinery/pkg/util/rand).
//
// Go hashes the template with FNV-32a over a spew dump of the Go struct, then renders the
// uint32 in decimal and maps each digit through the safe alphabet. We hash a canonical JSON
// form instead (sorted keys, Go's zero values dropped): the same template gives the same
// hash on every run, and the shape of the result is the real one (digits map as
// '0'->'4' ... '5'->'9', '6'->'b' ... '9'->'f', so names look like "web-7d9c8b6f5"), but the
// values differ from kube-controller-manager's.
import type { Frozen } from '../../api/types.js';
import type { PodTemplateSpec } from '../../api/types/pod.js';

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Go's SafeEncodeString: each character replaced by alphabet[code % 27]. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (const ch of s) out += SAFE_ALPHABET[ch.codePointAt(0)! % SAFE_ALPHABET.length];
  return out;
}

/** FNV-1a, 32 bits, over bytes. */
export function fnv32a(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** JSON with sorted keys and empty values dropped, so that equal templates serialise alike. */
export function canonicalJson(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (Array.isArray(value)) {
    if (value.length === 0) return undefined;
    return `[${value.map((v) => canonicalJson(v) ?? 'null').join(',')}]`;
  }
  if (typeof value === 'object') {
    const parts: string[] = [];
    for (const k of Object.keys(value as object).sort()) {
      const v = canonicalJson((value as Record<string, unknown>)[k]);
      if (v !== undefined) parts.push(`${JSON.stringify(k)}:${v}`);
    }
    return parts.length === 0 ? undefined : `{${parts.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The hash of a template; a collisionCount (after a name clash) is mixed in as Go does, as
 * little-endian bytes, so the next attempt gets another name.
 */
export function computePodTemplateHash(template: Frozen<PodTemplateSpec> | undefined, collisionCount?: number): string {
  const encoded = new TextEncoder().encode(canonicalJson(template) ?? '{}');
  let h = fnv32a(encoded);
  if (collisionCount !== undefined) {
    const extra = new Uint8Array(8);
    new DataView(extra.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(extra, h);
  }
  return safeEncodeString(String(h));
}
