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
  // Every create draws a uid (and often a name): the bytes are drawn into buffers kept for it,
  // which are read at once, rather than into a new typed array each time.
  readonly #uidBytes = new Uint8Array(16);
  readonly #suffixBytes = new Map<number, Uint8Array>();

  constructor(random: Random) {
    this.#random = random;
    this.#suffix = customRandom(NAME_SUFFIX_ALPHABET, SUFFIX_LENGTH, (size) => random.bytes(this.#bytesOf(size)));
  }

  #bytesOf(size: number): Uint8Array {
    let bytes = this.#suffixBytes.get(size);
    if (!bytes) this.#suffixBytes.set(size, (bytes = new Uint8Array(size)));
    return bytes;
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
    const b = this.#random.bytes(this.#uidBytes);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    let hex = '';
    for (const x of b) hex += HEX[x];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
}
