// Names and uids drawn from the seeded generator.
// Kubernetes twin: k8s.io/apiserver/pkg/storage/names (generateName) and k8s.io/apimachinery/pkg/util/rand.
import { customRandom } from 'nanoid';
import type { Random } from './random.js';

/** The alphabet Kubernetes uses for random suffixes: no vowels (no words), no confusable 0/1/3. */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';
/** generateName keeps at most this many characters of the prefix, leaving room for the suffix within 63. */
const MAX_GENERATED_PREFIX = 58;
const SUFFIX_LENGTH = 5;
const HEX_DIGITS = Buffer.from('0123456789abcdef', 'latin1');
/** Where each of a uid's 16 bytes goes in its text: two hex digits, after a hyphen at 8, 13, 18 and 23. */
const UID_OFFSETS = [0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34];

export class NameGenerator {
  readonly #suffix: () => string;
  readonly #random: Random;
  // Every create draws a uid (and often a name): the bytes are drawn into buffers kept for it,
  // which are read at once, rather than into a new typed array each time.
  readonly #uidBytes = new Uint8Array(16);
  readonly #uidText = Buffer.from('00000000-0000-0000-0000-000000000000', 'latin1');
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
    // Written as ASCII into a buffer kept for it and read out once: every create draws a uid,
    // and building it by concatenation left a dozen intermediate strings behind each time.
    const text = this.#uidText;
    for (let i = 0; i < 16; i++) {
      text[UID_OFFSETS[i]] = HEX_DIGITS[b[i] >> 4];
      text[UID_OFFSETS[i] + 1] = HEX_DIGITS[b[i] & 15];
    }
    return text.toString('latin1', 0, 36);
  }
}
