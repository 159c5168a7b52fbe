// Protocol buffers wire format, writing side: the counterpart of wire-reader.ts, for answering in
// protobuf and for building request bodies in tests. Kubernetes twin: gogo's generated Marshal code.
import { WireType } from './wire-reader.js';

const textEncoder = new TextEncoder();

export class WireWriter {
  private chunks: number[] = [];

  /** An unsigned or two's-complement varint; negative numbers take all ten bytes, as Go writes int64. */
  varint(value: number | bigint): this {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.chunks.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.chunks.push(Number(v));
    return this;
  }

  key(number: number, wireType: number): this {
    return this.varint(number * 8 + wireType);
  }

  raw(bytes: Uint8Array): this {
    for (const b of bytes) this.chunks.push(b);
    return this;
  }

  /** Field `number` as a varint (int32, int64, bool). */
  varintField(number: number, value: number | bigint | boolean): this {
    return this.key(number, WireType.varint).varint(typeof value === 'boolean' ? (value ? 1 : 0) : value);
  }

  bytesField(number: number, value: Uint8Array): this {
    return this.key(number, WireType.lengthDelimited).varint(value.length).raw(value);
  }

  stringField(number: number, value: string): this {
    return this.bytesField(number, textEncoder.encode(value));
  }

  /** An embedded message, written by `build` into its own writer and then length-prefixed. */
  messageField(number: number, build: (w: WireWriter) => void): this {
    const inner = new WireWriter();
    build(inner);
    return this.bytesField(number, inner.finish());
  }

  fixed64Field(number: number, value: number): this {
    const data = new DataView(new ArrayBuffer(8));
    data.setFloat64(0, value, true);
    return this.key(number, WireType.fixed64).raw(new Uint8Array(data.buffer));
  }

  /** A map entry {key=1, value=2} with a string value, as gogo writes map<string,string>. */
  stringMapEntry(number: number, key: string, value: string): this {
    return this.messageField(number, (w) => w.stringField(1, key).stringField(2, value));
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}
