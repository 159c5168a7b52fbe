// @kubernetes/client-node against kubesim: CRUD, selectors, pagination, watch and an informer.
import * as k8s from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './harness.js';

let t: TestCluster;
let kc: k8s.KubeConfig;
let core: k8s.CoreV1Api;
const ns = 'client-node';

const configMap = (name: string, labels: Record<string, string> = {}, data: Record<string, string> = {}): k8s.V1ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, labels },
  data,
});

async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  t = await startTestCluster();
  kc = new k8s.KubeConfig();
  kc.loadFromFile(t.kubeconfig);
  core = kc.makeApiClient(k8s.CoreV1Api);
  await core.createNamespace({ body: { metadata: { name: ns } } });
});
afterAll(async () => {
  await t.stop();
});

describe('@kubernetes/client-node', () => {
  it('creates, reads, replaces, patches and deletes a ConfigMap', async () => {
    const created = await core.createNamespacedConfigMap({ namespace: ns, body: configMap('crud', { app: 'x' }, { a: '1' }) });
    expect(created.metadata?.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata?.resourceVersion).toMatch(/^[0-9]+$/);
    const read = await core.readNamespacedConfigMap({ name: 'crud', namespace: ns });
    expect(read.data).toEqual({ a: '1' });
    read.data = { a: '2' };
    const replaced = await core.replaceNamespacedConfigMap({ name: 'crud', namespace: ns, body: read });
    expect(replaced.data).toEqual({ a: '2' });
    expect(Number(replaced.metadata!.resourceVersion)).toBeGreaterThan(Number(created.metadata!.resourceVersion));
    const patched = await core.patchNamespacedConfigMap({ name: 'crud', namespace: ns, body: [{ op: 'add', path: '/data/b', value: '3' }] });
    expect(patched.data).toEqual({ a: '2', b: '3' });
    await core.deleteNamespacedConfigMap({ name: 'crud', namespace: ns });
    await expect(core.readNamespacedConfigMap({ name: 'crud', namespace: ns })).rejects.toMatchObject({ code: 404 });
  });

  it('refuses a stale update with 409 Conflict', async () => {
    const first = await core.createNamespacedConfigMap({ namespace: ns, body: configMap('stale') });
    await core.replaceNamespacedConfigMap({ name: 'stale', namespace: ns, body: { ...first, data: { v: '1' } } });
    const err = await core.replaceNamespacedConfigMap({ name: 'stale', namespace: ns, body: { ...first, data: { v: '2' } } }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 409 });
    expect(JSON.parse((err as { body: string }).body).message).toBe(
      'Operation cannot be fulfilled on configmaps "stale": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('lists with label and field selectors and pages through with limit and continue', async () => {
    for (let i = 0; i < 7; i++) {
      await core.createNamespacedConfigMap({ namespace: ns, body: configMap(`page-${i}`, { group: i % 2 ? 'odd' : 'even' }) });
    }
    const odd = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: 'group=odd' });
    expect(odd.items.map((i) => i.metadata!.name)).toEqual(['page-1', 'page-3', 'page-5']);
    const notEven = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: 'group in (odd),group!=even' });
    expect(notEven.items).toHaveLength(3);
    const one = await core.listNamespacedConfigMap({ namespace: ns, fieldSelector: 'metadata.name=page-4' });
    expect(one.items.map((i) => i.metadata!.name)).toEqual(['page-4']);
    const names: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await core.listNamespacedConfigMap({ namespace: ns, labelSelector: 'group', limit: 3, _continue: token });
      names.push(...page.items.map((i) => i.metadata!.name!));
      token = page.metadata?._continue;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(names).toEqual(['page-0', 'page-1', 'page-2', 'page-3', 'page-4', 'page-5', 'page-6']);
    const first = await core.listNamespacedConfigMap({ namespace: ns, limit: 2 });
    expect(first.metadata?.remainingItemCount).toBeGreaterThan(0);
  });

  it('watches a namespace and sees ADDED, MODIFIED and DELETED in order', async () => {
    const events: string[] = [];
    const watch = new k8s.Watch(kc);
    const list = await core.listNamespacedConfigMap({ namespace: ns });
    const req = await watch.watch(
      `/api/v1/namespaces/${ns}/configmaps`,
      { resourceVersion: list.metadata!.resourceVersion },
      (type, obj: k8s.V1ConfigMap) => {
        if (obj.metadata?.name === 'watched') events.push(`${type} ${JSON.stringify(obj.data ?? {})}`);
      },
      () => {},
    );
    await core.createNamespacedConfigMap({ namespace: ns, body: configMap('watched', {}, { n: '1' }) });
    await core.patchNamespacedConfigMap({ name: 'watched', namespace: ns, body: [{ op: 'replace', path: '/data/n', value: '2' }] });
    await core.deleteNamespacedConfigMap({ name: 'watched', namespace: ns });
    await until(() => events.length >= 3);
    req.abort();
    expect(events).toEqual(['ADDED {"n":"1"}', 'MODIFIED {"n":"2"}', 'DELETED {"n":"2"}']);
  });

  it('keeps an informer cache equal to the server while 1,000 objects are created, updated and deleted', async () => {
    const informerNs = 'informer';
    await core.createNamespace({ body: { metadata: { name: informerNs } } });
    const path = `/api/v1/namespaces/${informerNs}/configmaps`;
    const informer = k8s.makeInformer(kc, path, () => core.listNamespacedConfigMap({ namespace: informerNs }));
    let errors = 0;
    informer.on('error', () => errors++);
    await informer.start();
    const n = 1000;
    const batch = async (fn: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < n; i += 50) await Promise.all(Array.from({ length: Math.min(50, n - i) }, (_, j) => fn(i + j)));
    };
    await batch((i) => core.createNamespacedConfigMap({ namespace: informerNs, body: configMap(`cm-${i}`, {}, { v: '0' }) }));
    await batch((i) => core.patchNamespacedConfigMap({ name: `cm-${i}`, namespace: informerNs, body: [{ op: 'replace', path: '/data/v', value: `${i}` }] }));
    await batch((i) => (i % 3 === 0 ? core.deleteNamespacedConfigMap({ name: `cm-${i}`, namespace: informerNs }) : Promise.resolve()));
    const server = await core.listNamespacedConfigMap({ namespace: informerNs });
    const state = (items: readonly k8s.V1ConfigMap[]) =>
      items.map((i) => `${i.metadata!.name}@${i.metadata!.resourceVersion}=${i.data?.v}`).sort();
    const expected = state(server.items);
    expect(expected).toHaveLength(n - Math.ceil(n / 3));
    await until(() => JSON.stringify(state(informer.list(informerNs))) === JSON.stringify(expected));
    // Stopping aborts the watch, which the informer reports as an error of its own: count before.
    expect(errors).toBe(0);
    await informer.stop();
  }, 60_000);
});
