import { afterEach, describe, expect, it } from 'vitest';
import { ENDPOINTSLICES, NAMESPACES, PODS } from '../../src/client/resources.js';
import { startEndpointSliceController, type EndpointSliceController } from '../../src/controllers/endpointslice/index.js';
import { createPod, createService, setPodStatus } from './endpoints-fixtures.js';
import { settle, startEnv, until, type Env } from './garbagecollector-harness.js';

describe('endpointslice controller', () => {
  let env: Env;
  let ctrl: EndpointSliceController | undefined;
  afterEach(async () => {
    await ctrl?.stop();
    ctrl = undefined;
    await env?.cluster.stop();
  });
  const slicesOf = async (svc: string) => (await env.client.list(ENDPOINTSLICES, { namespace: 'web', labelSelector: `kubernetes.io/service-name=${svc}` })).items;

  it('keeps slices in step with pods: conditions, ports, placeholder, labels and owner', async () => {
    env = await startEnv();
    const { client, clock } = env;
    await client.create(NAMESPACES, { metadata: { name: 'web' } });
    const svc = await createService(client, 'web', 'web', { selector: { app: 'web' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] });
    await createPod(client, 'web', 'a', { nodeName: 'node-1' });
    await createPod(client, 'web', 'b');
    await createPod(client, 'web', 'no-ip');
    ctrl = startEndpointSliceController({ client, clock });
    await ctrl.started;
    await until(clock, async () => (await slicesOf('web')).length === 1, 'placeholder slice');
    const [placeholder] = await slicesOf('web');
    expect(placeholder.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(placeholder.endpoints ?? []).toEqual([]);
    expect(placeholder.addressType).toBe('IPv4');
    expect(placeholder.metadata.labels).toEqual({ team: 'a', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(placeholder.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);

    await setPodStatus(client, 'web', 'a', '10.244.1.5', true, clock.now());
    await setPodStatus(client, 'web', 'b', '10.244.2.7', false, clock.now());
    await until(clock, async () => (await slicesOf('web'))[0]?.endpoints?.length === 2, 'two endpoints');
    const slices = await slicesOf('web');
    expect(slices).toHaveLength(1);
    const [slice] = slices;
    expect(slice.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    const pa = await client.get(PODS, 'web', 'a');
    expect(slice.endpoints).toEqual([
      { addresses: ['10.244.1.5'], conditions: { ready: true, serving: true, terminating: false }, targetRef: { kind: 'Pod', namespace: 'web', name: 'a', uid: pa.metadata.uid }, nodeName: 'node-1' },
      { addresses: ['10.244.2.7'], conditions: { ready: false, serving: false, terminating: false }, targetRef: expect.objectContaining({ name: 'b' }) },
    ]);
    expect(slice.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toBeDefined();

    // Converged: a pass writes nothing.
    await settle(clock);
    const before = env.counter.writes.length;
    await ctrl.reconcile('web/web');
    expect(env.counter.writes.slice(before)).toEqual([]);

    await setPodStatus(client, 'web', 'b', '10.244.2.7', true, clock.now());
    await setPodStatus(client, 'web', 'a', '10.244.1.5', false, clock.now());
    await until(clock, async () => (await slicesOf('web'))[0]?.endpoints?.[1]?.conditions?.ready === true, 'b ready');
    expect((await slicesOf('web'))[0].endpoints[0].conditions).toEqual({ ready: false, serving: false, terminating: false });

    // A pod whose named port is missing gets a slice of its own with no ports.
    await createPod(client, 'web', 'odd', { ports: [{ name: 'metrics', containerPort: 9100 }] });
    await setPodStatus(client, 'web', 'odd', '10.244.3.3', true, clock.now());
    await until(clock, async () => (await slicesOf('web')).length === 2, 'second slice');
    const odd = (await slicesOf('web')).find((s) => s.endpoints.some((e) => e.targetRef?.name === 'odd'))!;
    expect(odd.ports ?? []).toEqual([]);

    // A pod on a node being deleted stays until its kubelet stops it: terminating, not ready.
    await setPodStatus(client, 'web', 'a', '10.244.1.5', true, clock.now());
    await client.delete(PODS, 'web', 'a');
    await until(clock, async () => (await slicesOf('web')).some((s) => s.endpoints.some((e) => e.targetRef?.name === 'a' && e.conditions?.terminating)), 'a terminating');
    const terminating = (await slicesOf('web')).flatMap((s) => s.endpoints).find((e) => e.targetRef?.name === 'a')!;
    expect(terminating.conditions).toEqual({ ready: false, serving: true, terminating: true });

    // All pods gone: back to one placeholder.
    for (const name of ['a', 'b', 'odd', 'no-ip']) await client.delete(PODS, 'web', name, { gracePeriodSeconds: 0 });
    await until(clock, async () => {
      const s = await slicesOf('web');
      return s.length === 1 && (s[0].endpoints ?? []).length === 0;
    }, 'placeholder again');
  });
});
