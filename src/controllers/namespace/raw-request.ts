// The few calls the Client has no verb for (discovery documents, deletecollection, the
// namespace finalize subresource), sent over the Client's own transport.
import type { Client } from '../../client/client.js';
import { errorFromResponse } from '../../client/response-error.js';

export async function requestJson<T>(client: Client, method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await client.transport.request({
    method,
    path,
    query: new URLSearchParams(),
    headers,
    body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)),
  });
  if (res.watch) throw new Error(`${method} ${path}: the server answered with a watch stream`);
  if (res.status < 200 || res.status >= 300) throw errorFromResponse(res.status, res.body);
  return JSON.parse(String(res.body)) as T;
}
