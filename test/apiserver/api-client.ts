// Calls the API server core directly (no socket), for tests of API behaviour.
import type { ApiServer } from '../../src/apiserver/apiserver.js';
import { createCluster, type Cluster } from '../../src/sim/cluster.js';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed JSON of any response shape
  text: string;
}

export class ApiClient {
  constructor(readonly api: ApiServer) {}

  static async start(): Promise<{ cluster: Cluster; client: ApiClient }> {
    const cluster = await createCluster();
    return { cluster, client: new ApiClient(cluster.apiServer) };
  }

  async call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const [path, query = ''] = url.split('?');
    const raw = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const res = await this.api.handle({
      method,
      path,
      query: new URLSearchParams(query),
      headers: { 'content-type': 'application/json', ...headers },
      body: raw,
    });
    if (res.watch) throw new Error('use a watch helper for watches');
    const text = String(res.body);
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  get = (url: string, headers?: Record<string, string>) => this.call('GET', url, undefined, headers);
  post = (url: string, body: unknown, headers?: Record<string, string>) => this.call('POST', url, body, headers);
  put = (url: string, body: unknown) => this.call('PUT', url, body);
  patch = (url: string, body: unknown, type = 'application/merge-patch+json') => this.call('PATCH', url, body, { 'content-type': type });
  delete = (url: string, body?: unknown) => this.call('DELETE', url, body);
}
