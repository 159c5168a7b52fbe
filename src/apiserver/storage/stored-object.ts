// One version of one object as the store holds it: frozen, shared by every reader, and
// serialised at most once however many clients read or watch it. The JSON is kept as bytes,
// ready for the socket: GET, LIST and watch lines are assembled from them, never re-encoded.
import type { Frozen, KubeObject } from '../../api/types.js';

export type StoredValue = Frozen<KubeObject>;

export class StoredObject {
  #bytes: Buffer | undefined;

  constructor(
    readonly object: StoredValue,
    readonly revision: number,
    bytes?: Buffer,
  ) {
    this.#bytes = bytes;
  }

  /** The object's JSON as UTF-8 bytes, computed on first use and kept. */
  get bytes(): Buffer {
    if (this.#bytes === undefined) this.#bytes = utf8Bytes(JSON.stringify(this.object));
    return this.#bytes;
  }

  /** The object's JSON as a string (decoded from the bytes; not kept). */
  get json(): string {
    return this.bytes.toString('utf8');
  }
}

/**
 * A string's UTF-8 bytes in a buffer of exactly that size. Buffer.from would carve it from a
 * shared pool or round it up, keeping twice the memory alive for as long as the object lives.
 */
export function utf8Bytes(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}
