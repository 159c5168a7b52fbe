import { afterEach, describe, expect, it } from 'vitest';
import type { Service } from '../../src/api/types/service.js';
import { EVENTS, NAMESPACES, SERVICES } from '../../src/client/resources.js';
import { isNotFound } from '../../src/client/response-error.js';
import { startServiceLBController, type ServiceLBController } from '../../src/controllers/service-lb/index.js';
import { allocate, parsePool } from '../../src/controllers/service-lb/pool.js';
import { settle, startEnv, until, type Env } from './garbagecollector-harness.js';

describe('address pool', () => {
  it('parses ranges and hands out the lowest free address', () => {
    const pool = parsePool('172.18.255.200-202');
    expect(allocate(pool, new Set())).toBe('172.18.255.200');
    expect(allocate(pool, new Set(['172.18.255.200']))).toBe('172.18.255.201');
    expect(allocate(pool, new Set(['172.18.255.200', '172.18.255.201', '172.18.255.202']))).toBeUndefined();
    expect(allocate(pool, new Set(), '172.18.255.202')).toBe('172.18.255.202');
    expect(allocate(pool, new Set(), '10.0.0.1')).toBeUndefined();
  });
});

describe('service load-balancer controller', () => {
  let env: Env;
  let ctrl: ServiceLBController | undefined;
  afterEach(async () => {
    await ctrl?.stop();
    ctrl = undefined;
    await env?.cluster.stop();
  });
  const lb = (name: string, type = 'LoadBalancer') =>
    env.client.create(SERVICES, { metadata: { namespace: 'lb', name }, spec: { type, selector: { app: name }, ports: [{ port: 80 }] } } as Service);
  const ingress = async (name: string) => {
    try {
      return (await env.client.get(SERVICES, 'lb', name)).status?.loadBalancer?.ingress;
    } catch (e) {
      if (isNotFound(e)) return 'gone';
      throw e;
    }
  };

  it('assigns ingress addresses from the pool and releases them on type change and deletion', async () => {
    env = await startEnv();
    const { client, clock } = env;
    await client.create(NAMESPACES, { metadata: { name: 'lb' } });
    ctrl = startServiceLBController({ client, clock, addressPool: '172.18.255.200-201' });
    await ctrl.started;
    await lb('one');
    await lb('plain', 'ClusterIP');
    await until(clock, async () => (await ingress('one'))?.length === 1, 'one gets an address');
    expect(await ingress('one')).toEqual([{ ip: '172.18.255.200', ipMode: 'VIP' }]);
    expect((await client.get(SERVICES, 'lb', 'one')).metadata.finalizers).toEqual(['service.kubernetes.io/load-balancer-cleanup']);
    await lb('two');
    await until(clock, async () => (await ingress('two'))?.length === 1, 'two gets an address');
    expect(await ingress('two')).toEqual([{ ip: '172.18.255.201', ipMode: 'VIP' }]);
    expect(await ingress('plain')).toBeUndefined();
    const reasons = (await client.list(EVENTS, { namespace: 'lb' })).items.filter((e) => e.involvedObject.name === 'one').map((e) => e.reason);
    expect(reasons).toEqual(['EnsuringLoadBalancer', 'EnsuredLoadBalancer']);

    // Converged: a pass writes nothing.
    await settle(clock);
    const before = env.counter.writes.length;
    await ctrl.reconcile('lb/one');
    await ctrl.reconcile('lb/two');
    expect(env.counter.writes.slice(before)).toEqual([]);

    // Pool exhausted: three waits until one is released by a type change.
    await lb('three');
    await settle(clock, 50);
    expect(await ingress('three')).toBeUndefined();
    const one = await client.get(SERVICES, 'lb', 'one');
    const { allocateLoadBalancerNodePorts: _a, externalTrafficPolicy: _e, ...spec } = one.spec!;
    await client.update(SERVICES, { ...one, spec: { ...spec, type: 'ClusterIP', ports: spec.ports?.map(({ nodePort: _n, ...p }) => p) } });
    await until(clock, async () => JSON.stringify(await ingress('three')) === JSON.stringify([{ ip: '172.18.255.200', ipMode: 'VIP' }]), 'three takes the released address');
    expect(await ingress('one')).toBeUndefined();
    expect((await client.get(SERVICES, 'lb', 'one')).metadata.finalizers).toBeUndefined();

    // Deleting waits for the release (finalizer), then the Service is gone.
    await client.delete(SERVICES, 'lb', 'two');
    await until(clock, async () => (await ingress('two')) === 'gone', 'two deleted');
  });
});
