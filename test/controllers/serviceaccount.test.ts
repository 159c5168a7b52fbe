import { afterEach, describe, expect, it } from 'vitest';
import { CONFIGMAPS, NAMESPACES, SERVICEACCOUNTS } from '../../src/client/resources.js';
import { isNotFound } from '../../src/client/response-error.js';
import {
  FAKE_ROOT_CA,
  startRootCACertPublisher,
  startServiceAccountController,
  type RunningNamespaceLoop,
} from '../../src/controllers/serviceaccount/index.js';
import { settle, startEnv, until, type Env } from './garbagecollector-harness.js';

describe('service account controller and root CA publisher', () => {
  let env: Env;
  const loops: RunningNamespaceLoop[] = [];
  afterEach(async () => {
    await Promise.all(loops.splice(0).map((l) => l.stop()));
    await env?.cluster.stop();
  });
  const has = async (r: typeof SERVICEACCOUNTS | typeof CONFIGMAPS, ns: string, name: string) => {
    try {
      await env.client.get(r as typeof CONFIGMAPS, ns, name);
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  };

  it('gives every namespace, old and new, a default ServiceAccount and kube-root-ca.crt; recreates them', async () => {
    env = await startEnv();
    const { client, clock } = env;
    loops.push(startServiceAccountController({ client, clock }), startRootCACertPublisher({ client, clock }));
    await Promise.all(loops.map((l) => l.started));
    await until(clock, async () => (await has(SERVICEACCOUNTS, 'kube-system', 'default')) && (await has(CONFIGMAPS, 'default', 'kube-root-ca.crt')), 'existing namespaces');
    await client.create(NAMESPACES, { metadata: { name: 'fresh' } });
    await until(clock, async () => (await has(SERVICEACCOUNTS, 'fresh', 'default')) && (await has(CONFIGMAPS, 'fresh', 'kube-root-ca.crt')), 'new namespace');
    const cm = await client.get(CONFIGMAPS, 'fresh', 'kube-root-ca.crt');
    expect(cm.data?.['ca.crt']).toBe(FAKE_ROOT_CA);
    expect(FAKE_ROOT_CA).toMatch(/^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+\n-----END CERTIFICATE-----\n$/);
    expect(cm.metadata.annotations?.['kubernetes.io/description']).toMatch(/^Contains a CA bundle/);

    // Converged: passes write nothing.
    await settle(clock);
    const before = env.counter.writes.length;
    for (const l of loops) await l.reconcile('fresh');
    expect(env.counter.writes.slice(before)).toEqual([]);

    await client.delete(SERVICEACCOUNTS, 'fresh', 'default');
    await until(clock, () => has(SERVICEACCOUNTS, 'fresh', 'default'), 'default recreated');
    await client.update(CONFIGMAPS, { ...cm, data: { 'ca.crt': 'tampered' } });
    await until(clock, async () => (await client.get(CONFIGMAPS, 'fresh', 'kube-root-ca.crt')).data?.['ca.crt'] === FAKE_ROOT_CA, 'ca restored');
  });

  it('leaves a Terminating namespace alone', async () => {
    env = await startEnv();
    const { client, clock } = env;
    await client.create(NAMESPACES, { metadata: { name: 'going' } });
    await client.create(CONFIGMAPS, { metadata: { namespace: 'going', name: 'hold', finalizers: ['example.com/x'] } });
    await client.delete(NAMESPACES, '', 'going');
    loops.push(startServiceAccountController({ client, clock }));
    await loops[0].started;
    await settle(clock, 50);
    expect(await has(SERVICEACCOUNTS, 'going', 'default')).toBe(false);
  });
});
