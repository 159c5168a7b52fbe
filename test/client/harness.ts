// Builds a real cluster and a Client over either transport, so that every client test runs
// both in-process and over a loopback socket.
import { Client } from '../../src/client/client.js';
import { HttpTransport } from '../../src/client/http-transport.js';
import { InProcessTransport } from '../../src/client/in-process-transport.js';
import { createCluster, type Cluster, type ClusterOptions } from '../../src/sim/cluster.js';

export type TransportKind = 'in-process' | 'http';
export const TRANSPORTS: TransportKind[] = ['in-process', 'http'];

export interface Harness {
  cluster: Cluster;
  client: Client;
  close(): Promise<void>;
}

export async function startHarness(kind: TransportKind, options: ClusterOptions = {}): Promise<Harness> {
  const cluster = await createCluster(options);
  if (kind === 'in-process') {
    return { cluster, client: new Client(new InProcessTransport(cluster.apiServer)), close: () => cluster.stop() };
  }
  const server = await cluster.listen('127.0.0.1', 0);
  const transport = new HttpTransport(server.url);
  return {
    cluster,
    client: new Client(transport),
    async close() {
      transport.close();
      await cluster.stop();
    },
  };
}

/** Waits (on real time, in small steps) until `check` holds; for HTTP round trips. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, tries = 400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (i > 50) await new Promise<void>((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}
