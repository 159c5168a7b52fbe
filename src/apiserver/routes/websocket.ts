// The WebSocket wire format (RFC 6455) as far as the API server's streams need it: the
// handshake answer, and whole messages (no fragmentation on our side; fragments from the
// client are joined). Kubernetes twin: gorilla/websocket as k8s.io/apiserver's wsstream uses it.
import { createHash } from 'node:crypto';

const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

export const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** Sec-WebSocket-Accept for a client's Sec-WebSocket-Key. */
export function acceptKey(key: string): string {
  return createHash('sha1').update(key + HANDSHAKE_GUID).digest('base64');
}

/** One unmasked frame from the server, FIN set. */
export function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const n = payload.length;
  const head = n < 126 ? Buffer.alloc(2) : n < 65536 ? Buffer.alloc(4) : Buffer.alloc(10);
  head[0] = 0x80 | opcode;
  if (n < 126) head[1] = n;
  else if (n < 65536) {
    head[1] = 126;
    head.writeUInt16BE(n, 2);
  } else {
    head[1] = 127;
    head.writeBigUInt64BE(BigInt(n), 2);
  }
  return Buffer.concat([head, payload]);
}

/** A close frame with its status code (1000: normal closure). */
export function closeFrame(code = 1000): Buffer {
  const payload = Buffer.alloc(2);
  payload.writeUInt16BE(code, 0);
  return encodeFrame(OPCODE.close, payload);
}

export interface Message {
  opcode: number;
  payload: Buffer;
}

/**
 * Reads frames from the bytes a client sends (masked, as clients must), handing on each
 * complete message; control frames (close, ping, pong) come through as they arrive.
 */
export class FrameReader {
  #buffered: Buffer = Buffer.alloc(0);
  #fragments: Buffer[] = [];
  #fragmentOpcode = 0;

  constructor(private readonly onMessage: (m: Message) => void) {}

  push(chunk: Buffer): void {
    this.#buffered = this.#buffered.length ? Buffer.concat([this.#buffered, chunk]) : chunk;
    for (;;) {
      const frame = this.#nextFrame();
      if (!frame) return;
      this.#accept(frame);
    }
  }

  #nextFrame(): { fin: boolean; opcode: number; payload: Buffer } | undefined {
    const b = this.#buffered;
    if (b.length < 2) return undefined;
    const fin = (b[0] & 0x80) !== 0;
    const opcode = b[0] & 0x0f;
    const masked = (b[1] & 0x80) !== 0;
    let length = b[1] & 0x7f;
    let at = 2;
    if (length === 126) {
      if (b.length < 4) return undefined;
      length = b.readUInt16BE(2);
      at = 4;
    } else if (length === 127) {
      if (b.length < 10) return undefined;
      length = Number(b.readBigUInt64BE(2));
      at = 10;
    }
    const maskAt = at;
    if (masked) at += 4;
    if (b.length < at + length) return undefined;
    const payload = Buffer.from(b.subarray(at, at + length));
    if (masked) for (let i = 0; i < payload.length; i++) payload[i] ^= b[maskAt + (i % 4)];
    this.#buffered = b.subarray(at + length);
    return { fin, opcode, payload };
  }

  #accept(frame: { fin: boolean; opcode: number; payload: Buffer }): void {
    if (frame.opcode >= OPCODE.close) return this.onMessage({ opcode: frame.opcode, payload: frame.payload });
    if (frame.opcode !== OPCODE.continuation) this.#fragmentOpcode = frame.opcode;
    this.#fragments.push(frame.payload);
    if (!frame.fin) return;
    const payload = this.#fragments.length === 1 ? this.#fragments[0] : Buffer.concat(this.#fragments);
    this.#fragments = [];
    this.onMessage({ opcode: this.#fragmentOpcode, payload });
  }
}
