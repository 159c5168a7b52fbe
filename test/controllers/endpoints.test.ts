import { afterEach, describe, expect, it } from 'vitest';
import { ENDPOINTS, NAMESPACES, PODS, SERVICES } from '../../src/client/resources.js';
import { isNotFound } from '../../src/client/response-error.js';
import { startEndpointsController, type ServiceKeyedController } from '../../src/controllers/endpoints/index.js';
import { createPod, createService, setPodStatus } from './endpoints-fixtures.js';
import { settle, startEnv, until, type Env } from './garbagecollector-harness.js';

describe('endpoints controller', () => {
  let env: Env;
  let ctrl: ServiceKeyedController | undefined;
  afterEach(async () => {
    await ctrl?.stop();
    ctrl = undefined;
    await env?.cluster.stop();
  });
  const endpoints = async (name: string) => {
    try {
      return await env.client.get(ENDPOINTS, 'web', name);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  };

  it('follows pods becoming ready and not ready, resolving named target ports', async () => {
    env = await startEnv();
    const { client, clock } = env;
    await client.create(NAMESPACES, { metadata: { name: 'web' } });
    await createService(client, 'web', 'web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] });
    await createPod(client, 'web', 'a', { nodeName: 'node-1' });
    await createPod(client, 'web', 'b', { ports: [{ name: 'http', containerPort: 9090 }] });
    await createPod(client, 'web', 'no-ip');
    await createPod(client, 'web', 'other-port', { ports: [{ name: 'metrics', containerPort: 9100 }] });
    ctrl = startEndpointsController({ client, clock });
    await ctrl.started;
    await until(clock, async () => (await endpoints('web')) !== undefined, 'endpoints created');
    expect((await endpoints('web'))!.subsets ?? []).toEqual([]);

    await setPodStatus(client, 'web', 'a', '10.244.1.5', true, clock.now());
    await setPodStatus(client, 'web', 'b', '10.244.2.7', false, clock.now());
    await setPodStatus(client, 'web', 'no-ip', undefined, true, clock.now());
    await setPodStatus(client, 'web', 'other-port', '10.244.3.1', true, clock.now());
    await until(clock, async () => ((await endpoints('web'))!.subsets ?? []).length === 2, 'two subsets');
    const ep = (await endpoints('web'))!;
    const pa = await client.get(PODS, 'web', 'a');
    expect(ep.metadata.labels).toEqual({ team: 'a' });
    expect(ep.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(ep.subsets).toEqual([
      {
        addresses: [{ ip: '10.244.1.5', nodeName: 'node-1', targetRef: { kind: 'Pod', namespace: 'web', name: 'a', uid: pa.metadata.uid } }],
        ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      },
      {
        notReadyAddresses: [{ ip: '10.244.2.7', targetRef: expect.objectContaining({ name: 'b' }) }],
        ports: [{ name: 'http', port: 9090, protocol: 'TCP' }],
      },
    ]);

    // Idempotent once converged.
    await settle(clock);
    const before = env.counter.writes.length;
    await ctrl.reconcile('web/web');
    expect(env.counter.writes.slice(before)).toEqual([]);

    // a goes not ready, b ready.
    await clock.advance(5000);
    await setPodStatus(client, 'web', 'a', '10.244.1.5', false, clock.now());
    await setPodStatus(client, 'web', 'b', '10.244.2.7', true, clock.now());
    await until(clock, async () => (await endpoints('web'))!.subsets?.[0].notReadyAddresses?.[0]?.ip === '10.244.1.5', 'a not ready');
    expect((await endpoints('web'))!.subsets?.[1].addresses?.[0]?.ip).toBe('10.244.2.7');

    // Endpoints deleted by hand come back; with the Service, they go.
    await client.delete(ENDPOINTS, 'web', 'web');
    await until(clock, async () => (await endpoints('web')) !== undefined, 'endpoints recreated');
    await client.delete(SERVICES, 'web', 'web');
    await until(clock, async () => (await endpoints('web')) === undefined, 'endpoints deleted');
  });

  it('groups pods sharing ports in one subset; headless without ports lists bare addresses; no selector is left alone', async () => {
    env = await startEnv();
    const { client, clock } = env;
    await client.create(NAMESPACES, { metadata: { name: 'web' } });
    await createService(client, 'web', 'web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] });
    await createService(client, 'web', 'db', { selector: { app: 'web' }, clusterIP: 'None' });
    await createService(client, 'web', 'manual', { ports: [{ port: 80 }] });
    for (const [name, ip] of [['a', '10.0.0.2'], ['b', '10.0.0.1']] as const) {
      await createPod(client, 'web', name);
      await setPodStatus(client, 'web', name, ip, true, clock.now());
    }
    ctrl = startEndpointsController({ client, clock });
    await ctrl.started;
    await until(clock, async () => (await endpoints('web')) !== undefined && (await endpoints('db')) !== undefined, 'endpoints');
    const web = (await endpoints('web'))!;
    expect(web.subsets).toHaveLength(1);
    expect(web.subsets![0].addresses!.map((a) => a.ip)).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(web.subsets![0].ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    const db = (await endpoints('db'))!;
    expect(db.metadata.labels?.['service.kubernetes.io/headless']).toBe('');
    expect(db.subsets).toEqual([{ addresses: [expect.objectContaining({ ip: '10.0.0.1' }), expect.objectContaining({ ip: '10.0.0.2' })] }]);
    await settle(clock);
    expect(await endpoints('manual')).toBeUndefined();
  });
});
