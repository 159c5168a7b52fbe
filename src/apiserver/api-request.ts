// A request and its answer as the API server core sees them, with no HTTP framework in
// sight: the Fastify routes and the in-process transport both speak this.
import type { Status } from '../api/errors.js';
import type { StoredObject } from './storage/stored-object.js';

export interface ApiRequest {
  method: string;
  /** The path without the query string: "/api/v1/namespaces/default/pods". */
  path: string;
  query: URLSearchParams;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  body?: Buffer;
  /**
   * The body as a JSON value, from a caller in the same process: `body` is then its JSON text
   * (made only if something reads it), and the server takes the value instead of parsing.
   */
  value?: unknown;
}

/** One event of a watch, before encoding. `object` is a stored version, or a plain object for BOOKMARK and ERROR. */
export interface WatchStreamEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: StoredObject | Record<string, unknown> | Status;
}

/** The receiving end of a watch: events in order, then `close` once. */
export interface WatchSink {
  event(e: WatchStreamEvent): void;
  close(): void;
}

/** A watch that starts when the transport is ready to receive and stops when told or when it times out. */
export interface WatchStream {
  /** Encodes an event for this stream's negotiated format (JSON line or Table row). */
  encode(e: WatchStreamEvent): Buffer;
  start(sink: WatchSink): { stop(): void };
}

export type ApiResponse =
  | {
      status: number;
      headers: Record<string, string>;
      body: string | Buffer;
      watch?: undefined;
      /**
       * The answer as a frozen object, when it is one the store holds (or a list of them):
       * `body` is its JSON. A caller in the same process takes it as it is, and `body` is then
       * never serialised for it.
       */
      value?: unknown;
    }
  | { status: 200; headers: Record<string, string>; body?: undefined; watch: WatchStream; value?: undefined };

export const JSON_TYPE = 'application/json';

export function jsonResponse(status: number, body: string | Buffer, headers: Record<string, string> = {}): ApiResponse {
  return { status, headers: { 'content-type': JSON_TYPE, ...headers }, body };
}

/**
 * A JSON answer carrying its value: the JSON is made on first read of `body`, if ever. A class
 * rather than an object literal with a getter: each such literal gets a hidden class of its own
 * (the getter closure is part of it), made in old space for every response.
 */
class ValueResponse {
  readonly watch = undefined;
  #body: string | Buffer | undefined;

  constructor(
    readonly status: number,
    readonly value: unknown,
    private readonly encode: () => string | Buffer,
    readonly headers: Record<string, string>,
  ) {}

  get body(): string | Buffer {
    return (this.#body ??= this.encode());
  }
}

export function valueResponse(status: number, value: unknown, encode: () => string | Buffer, headers: Record<string, string> = {}): ApiResponse {
  return new ValueResponse(status, value, encode, { 'content-type': JSON_TYPE, ...headers });
}
