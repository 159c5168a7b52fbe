// serviceaccounts/token in process: tokens come from the seeded generator and the clock, so a
// replayed run issues the same tokens, and another seed issues others.
import { describe, expect, it } from 'vitest';
import { Client, InProcessTransport } from '../../../src/client/index.js';
import { SERVICEACCOUNTS } from '../../../src/client/resources.js';
import { VirtualClock } from '../../../src/clock/virtual-clock.js';
import { createCluster } from '../../../src/sim/cluster.js';

async function tokenOf(seed: number): Promise<string> {
  const cluster = await createCluster({ clock: new VirtualClock(), seed });
  const client = new Client(new InProcessTransport(cluster.apiServer));
  await client.create(SERVICEACCOUNTS, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'robot', namespace: 'default' } });
  const answer = (await client.createSubresource(SERVICEACCOUNTS, 'default', 'robot', 'token', {
    apiVersion: 'authentication.k8s.io/v1',
    kind: 'TokenRequest',
    spec: { audiences: ['api'] },
  })) as { status: { token: string } };
  await cluster.stop();
  return answer.status.token;
}

describe('serviceaccounts/token', () => {
  it('issues the same token in a replayed run, and another with another seed', async () => {
    const first = await tokenOf(7);
    expect(await tokenOf(7)).toBe(first);
    expect(await tokenOf(8)).not.toBe(first);
  });
});
