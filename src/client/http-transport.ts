// The transport over HTTP, so that a component can run against a real cluster: JSON bodies,
// and a watch read as a chunked stream of newline-delimited JSON events, parsed line by line.
// Kubernetes twin: k8s.io/client-go/rest (request.go) and watch/streamwatcher.go.
import http from 'node:http';
import type { IncomingMessage } from 'node:http';
import { deepFreeze } from './deep-freeze.js';
import type { ApiRequest, ApiResponse, Transport, WatchSink, WatchStream, WatchStreamEvent } from './transport.js';

export interface HttpTransportOptions {
  /** Sent with every request, e.g. { authorization: 'Bearer ...' }. */
  headers?: Record<string, string>;
}

const isWatch = (req: ApiRequest): boolean => {
  const w = req.query.get('watch');
  return w === 'true' || w === '1' || req.path.includes('/watch/');
};

function flatHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function readAll(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve(Buffer.concat(chunks)));
    res.on('error', reject);
  });
}

/** A watch over an open response: held paused until started, then one event per line. */
function streamOf(req: http.ClientRequest, res: IncomingMessage): WatchStream {
  res.pause();
  return {
    encode: (e) => Buffer.from(`${JSON.stringify(e)}\n`),
    start(sink: WatchSink) {
      let closed = false;
      let partial = '';
      const close = (): void => {
        if (closed) return;
        closed = true;
        sink.close();
      };
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        const lines = (partial + chunk).split('\n');
        partial = lines.pop() ?? '';
        for (const line of lines) {
          if (closed) return;
          if (line.trim() === '') continue;
          let e: WatchStreamEvent;
          try {
            e = JSON.parse(line) as WatchStreamEvent;
          } catch {
            // A torn or garbled stream is a dropped stream: the watcher starts again.
            req.destroy();
            close();
            return;
          }
          sink.event({ type: e.type, object: deepFreeze(e.object) });
        }
      });
      res.on('end', close);
      res.on('close', close);
      res.on('error', close);
      req.on('error', close);
      res.resume();
      return {
        stop() {
          req.destroy();
          close();
        },
      };
    },
  };
}

export class HttpTransport implements Transport {
  readonly #base: URL;
  readonly #agent = new http.Agent({ keepAlive: true });
  readonly #headers: Record<string, string>;

  constructor(url: string, options: HttpTransportOptions = {}) {
    this.#base = new URL(url);
    this.#headers = options.headers ?? {};
  }

  request(req: ApiRequest): Promise<ApiResponse> {
    const query = req.query.toString();
    const headers: Record<string, string> = { accept: 'application/json', ...this.#headers };
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = v;
    const body = req.body;
    if (body) headers['content-length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const outgoing = http.request(
        {
          protocol: this.#base.protocol,
          hostname: this.#base.hostname.replace(/^\[|\]$/g, ''),
          port: this.#base.port,
          method: req.method,
          path: `${req.path}${query ? `?${query}` : ''}`,
          headers,
          agent: this.#agent,
        },
        (res) => {
          const status = res.statusCode ?? 500;
          if (status === 200 && isWatch(req)) {
            resolve({ status: 200, headers: flatHeaders(res), watch: streamOf(outgoing, res) });
            return;
          }
          readAll(res).then((body) => resolve({ status, headers: flatHeaders(res), body }), reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  /** Closes idle keep-alive sockets (open watches end when stopped). */
  close(): void {
    this.#agent.destroy();
  }
}
