// Streams a watch to an HTTP response: chunked, one JSON event per line. Events that arrive
// together are written together (one corked flush per turn of the event loop), and a client
// that stops reading is cut off rather than buffered without bound, as kube-apiserver does.
import type { ServerResponse } from 'node:http';
import type { WatchStream } from '../api-request.js';

const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

export function pipeWatch(stream: WatchStream, res: ServerResponse, headers: Record<string, string>, onClose: (stop: () => void) => void): void {
  res.writeHead(200, { ...headers, 'cache-control': 'no-cache, private', 'transfer-encoding': 'chunked' });
  res.flushHeaders();
  let pending: Buffer[] = [];
  let scheduled = false;
  let closed = false;
  const flush = (): void => {
    scheduled = false;
    if (closed && pending.length === 0) return;
    const batch = pending;
    pending = [];
    if (batch.length === 0 || res.destroyed) return;
    res.cork();
    for (const b of batch) res.write(b);
    res.uncork();
  };
  let handle: { stop(): void } | undefined;
  const finish = (): void => {
    if (closed) return;
    closed = true;
    flush();
    if (!res.destroyed) res.end();
  };
  handle = stream.start({
    event(e) {
      if (closed) return;
      pending.push(stream.encode(e));
      if (res.writableLength > MAX_BUFFERED_BYTES) {
        handle?.stop();
        res.destroy();
        return;
      }
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    close: finish,
  });
  onClose(() => handle?.stop());
}
