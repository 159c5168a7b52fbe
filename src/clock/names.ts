// Names and uids drawn from the seeded generator.
// Kubernetes twin: k8s.io/apiserver/pkg/storage/names (generateName) and k8s.io/apimachinery/pkg/util/rand.
import { customRandom } from 'nanoid';
import type { Random } from './random.js';

/** The alphabet Kubernetes uses for random suffixes: no vowels (no words), no confusable 0/1/3. */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** generateName keeps at most this many characters of the prefix, leaving room for the suffix within 63. */
const MAX_GENERATED_PREFIX = 58;
const SUFFIX_LENGTH = 5;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export class NameGenerator {
  readonly #suffix: () => string;
  readonly #random: Random;

  constructor(random: Random) {
    this.#random = random;
    this.#suffix = customRandom(NAME_SUFFIX_ALPHABET, SUFFIX_LENGTH, (size) => random.bytes(new Uint8Array(size)));
  }

  /** `prefix` + five random characters, the prefix cut as kube-apiserver cuts it. */
  generateName(prefix: string): string {
    return prefix.slice(0, MAX_GENERATED_PREFIX) + this.#suffix();
  }

  /** A random suffix on its own (pod-template-hash style names use it too). */
  suffix(): string {
    return this.#suffix();
  }

  /** An RFC 4122 version 4 uid, as metadata.uid. */
  uid(): string {
    const b = this.#random.bytes(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex = '';
    for (const x of b) hex += HEX[x];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
