// Protocol buffers wire format, reading side. Kubernetes twin: the Unmarshal methods that gogo
// generates into generated.pb.go (varint, fixed64, length-delimited and fixed32 records).
// https://protobuf.dev/programming-guides/encoding/

export const WireType = { varint: 0, fixed64: 1, lengthDelimited: 2, fixed32: 5 } as const;
export type WireTypeNumber = (typeof WireType)[keyof typeof WireType];

/** A 64-bit value as two unsigned 32-bit halves, so no precision is lost before we choose a type. */
export interface Uint64Parts {
  lo: number;
  hi: number;
}

/** Thrown for bytes that are not a well-formed protobuf message. */
export class WireFormatError extends Error {
  override name = 'WireFormatError';
}

export interface FieldKey {
  number: number;
  wireType: number;
}

export class WireReader {
  private pos = 0;

  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  /** A varint of up to ten bytes, split into 32-bit halves (bits 0-31 and 32-63). */
  readVarint(): Uint64Parts {
    let lo = 0;
    let hi = 0;
    for (let shift = 0; shift < 70; shift += 7) {
      if (this.pos >= this.bytes.length) throw new WireFormatError('truncated varint');
      const byte = this.bytes[this.pos++];
      const bits = byte & 0x7f;
      if (shift < 28) lo |= bits << shift;
      else if (shift === 28) {
        lo |= (bits & 0x0f) << 28; // four bits finish the low half...
        hi |= bits >> 4; // ...and three start the high half
      } else hi |= bits << (shift - 32);
      if (byte < 0x80) return { lo: lo >>> 0, hi: hi >>> 0 };
    }
    throw new WireFormatError('varint longer than ten bytes');
  }

  readFixed64(): Uint64Parts {
    const view = this.take(8);
    const data = new DataView(view.buffer, view.byteOffset, 8);
    return { lo: data.getUint32(0, true), hi: data.getUint32(4, true) };
  }

  readFixed32(): number {
    const view = this.take(4);
    return new DataView(view.buffer, view.byteOffset, 4).getUint32(0, true);
  }

  readLengthDelimited(): Uint8Array {
    const { lo, hi } = this.readVarint();
    if (hi !== 0 || lo > this.bytes.length - this.pos) throw new WireFormatError('length-delimited field runs past the end');
    return this.take(lo);
  }

  readKey(): FieldKey {
    const { lo, hi } = this.readVarint();
    if (hi !== 0) throw new WireFormatError('field key too large');
    const number = lo >>> 3;
    if (number === 0) throw new WireFormatError('field number 0');
    return { number, wireType: lo & 7 };
  }

  /** Skips the value of a field we do not know, as protobuf readers must. */
  skip(wireType: number): void {
    switch (wireType) {
      case WireType.varint:
        this.readVarint();
        return;
      case WireType.fixed64:
        this.take(8);
        return;
      case WireType.lengthDelimited:
        this.readLengthDelimited();
        return;
      case WireType.fixed32:
        this.take(4);
        return;
      default:
        // Groups (3, 4) were never used by Kubernetes; anything else is corrupt.
        throw new WireFormatError(`unsupported wire type ${wireType}`);
    }
  }

  private take(n: number): Uint8Array {
    if (this.pos + n > this.bytes.length) throw new WireFormatError('truncated field');
    const slice = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return slice;
  }
}

/** Two's-complement int64 from its halves: 2^32 * signed(hi) + lo; exact up to 2^53. */
export const toInt64 = ({ lo, hi }: Uint64Parts): number => (hi | 0) * 0x1_0000_0000 + lo;

/** int32 fields are sign-extended to 64 bits on the wire; the low half holds the value. */
export const toInt32 = ({ lo }: Uint64Parts): number => lo | 0;

export const toBool = ({ lo, hi }: Uint64Parts): boolean => lo !== 0 || hi !== 0;
