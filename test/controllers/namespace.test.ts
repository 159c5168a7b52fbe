import { afterEach, describe, expect, it } from 'vitest';
import type { ConfigMap } from '../../src/api/types/configmap.js';
import type { Namespace } from '../../src/api/types/namespace.js';
import type { Pod } from '../../src/api/types/pod.js';
import type { Frozen } from '../../src/api/types.js';
import { CONFIGMAPS, NAMESPACES, PODS, SECRETS } from '../../src/client/resources.js';
import { isNotFound } from '../../src/client/response-error.js';
import { startNamespaceController, type NamespaceController } from '../../src/controllers/namespace/index.js';
import { settle, startEnv, until, type Env } from './garbagecollector-harness.js';

describe('namespace controller', () => {
  let env: Env;
  let ctrl: NamespaceController | undefined;
  afterEach(async () => {
    await ctrl?.stop();
    ctrl = undefined;
    await env?.cluster.stop();
  });

  const getNs = async (name: string): Promise<Frozen<Namespace> | undefined> => {
    try {
      return await env.client.get(NAMESPACES, '', name);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  };
  const condition = (ns: Frozen<Namespace> | undefined, type: string) => ns?.status?.conditions?.find((c) => c.type === type);

  it('empties a Terminating namespace, shows its conditions meanwhile, then lets it go', async () => {
    env = await startEnv();
    const { client, clock } = env;
    await client.create(NAMESPACES, { metadata: { name: 'doomed' } });
    await client.create(CONFIGMAPS, { metadata: { namespace: 'doomed', name: 'plain' } } as ConfigMap);
    await client.create(CONFIGMAPS, { metadata: { namespace: 'doomed', name: 'held', finalizers: ['example.com/hold'] } } as ConfigMap);
    await client.create(SECRETS, { metadata: { namespace: 'doomed', name: 's' } });
    await client.create(PODS, { metadata: { namespace: 'doomed', name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } as Pod);
    ctrl = startNamespaceController({ client, clock });
    await ctrl.started;

    // An active namespace: a pass writes nothing.
    const before = env.counter.writes.length;
    await ctrl.reconcile('doomed');
    expect(env.counter.writes.slice(before)).toEqual([]);

    await client.delete(NAMESPACES, '', 'doomed');
    await until(clock, async () => condition(await getNs('doomed'), 'NamespaceContentRemaining')?.status === 'True', 'content-remaining condition');
    const ns = (await getNs('doomed'))!;
    expect(ns.status?.phase).toBe('Terminating');
    expect(condition(ns, 'NamespaceContentRemaining')).toMatchObject({
      reason: 'SomeResourcesRemain',
      message: 'Some resources are remaining: configmaps. has 1 resource instances',
    });
    expect(condition(ns, 'NamespaceFinalizersRemaining')).toMatchObject({
      status: 'True',
      reason: 'SomeFinalizerRemain',
      message: 'Some finalizers are remaining: example.com/hold in 1 resource instances',
    });
    expect(condition(ns, 'NamespaceDeletionDiscoveryFailure')).toMatchObject({ status: 'False', reason: 'ResourcesDiscovered' });
    expect(condition(ns, 'NamespaceDeletionContentFailure')).toMatchObject({ status: 'False', reason: 'ContentDeleted' });
    expect(condition(ns, 'NamespaceDeletionGroupVersionParsingFailure')).toMatchObject({ status: 'False', reason: 'ParsedGroupVersions' });
    expect((await client.list(SECRETS, { namespace: 'doomed' })).items).toHaveLength(0);
    expect((await client.list(PODS, { namespace: 'doomed' })).items).toHaveLength(0);
    // Creating into a Terminating namespace is refused.
    await expect(client.create(SECRETS, { metadata: { namespace: 'doomed', name: 'late' } })).rejects.toMatchObject({ code: 403 });

    // While it waits on the finalizer, another pass writes nothing.
    await settle(clock);
    const mark = env.counter.writes.length;
    expect(await ctrl.reconcile('doomed')).toMatchObject({ requeueAfterMs: 3000 });
    expect(env.counter.writes.slice(mark)).toEqual([]);
    const held = await client.get(CONFIGMAPS, 'doomed', 'held');
    await client.update(CONFIGMAPS, { ...held, metadata: { ...held.metadata, finalizers: undefined } });
    await until(clock, async () => (await getNs('doomed')) === undefined, 'namespace deleted', 500, 200);
  });

  it('finalizes at once a namespace that was already empty', async () => {
    env = await startEnv();
    const { client, clock } = env;
    await client.create(NAMESPACES, { metadata: { name: 'empty' } });
    ctrl = startNamespaceController({ client, clock });
    await ctrl.started;
    await client.delete(NAMESPACES, '', 'empty');
    await until(clock, async () => (await getNs('empty')) === undefined, 'namespace deleted');
  });

  it('drains a namespace together with the other controllers (GC, endpoint slices, load balancer)', async () => {
    env = await startEnv();
    const { client, clock } = env;
    const { startGarbageCollectorController } = await import('../../src/controllers/garbagecollector/index.js');
    const { startEndpointSliceController } = await import('../../src/controllers/endpointslice/index.js');
    const { startServiceLBController } = await import('../../src/controllers/service-lb/index.js');
    const { SERVICES, ENDPOINTSLICES } = await import('../../src/client/resources.js');
    const others = [startGarbageCollectorController({ client, clock }), startEndpointSliceController({ client, clock }), startServiceLBController({ client, clock })];
    ctrl = startNamespaceController({ client, clock });
    await Promise.all([ctrl.started, ...others.map((o) => o.started)]);
    await client.create(NAMESPACES, { metadata: { name: 'shop' } });
    await client.create(SERVICES, { metadata: { namespace: 'shop', name: 'web' }, spec: { type: 'LoadBalancer', selector: { app: 'web' }, ports: [{ port: 80 }] } });
    await until(clock, async () => (await client.list(ENDPOINTSLICES, { namespace: 'shop' })).items.length === 1, 'slice');
    await until(clock, async () => ((await client.get(SERVICES, 'shop', 'web')).metadata.finalizers ?? []).length === 1, 'lb finalizer');
    await client.delete(NAMESPACES, '', 'shop');
    try {
      await until(clock, async () => (await getNs('shop')) === undefined, 'namespace deleted', 500, 200);
    } finally {
      await Promise.all(others.map((o) => o.stop()));
    }
  });
});
