import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StatusError } from '../../src/api/errors.js';
import type { ConfigMap } from '../../src/api/types/configmap.js';
import type { Pod } from '../../src/api/types/pod.js';
import type { Deployment } from '../../src/api/types/deployment.js';
import type { WatchEvent } from '../../src/client/client.js';
import { CONFIGMAPS, DEPLOYMENTS, NAMESPACES, NODES, PODS } from '../../src/client/resources.js';
import { isConflict, isNotFound } from '../../src/client/response-error.js';
import { eventually, startHarness, TRANSPORTS, type Harness } from './harness.js';

const cm = (namespace: string, name: string, data: Record<string, string> = {}, labels?: Record<string, string>): ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { namespace, name, ...(labels ? { labels } : {}) },
  data,
});

const pod = (namespace: string, name: string): Pod =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace, name },
    spec: { containers: [{ name: 'app', image: 'nginx' }] },
  }) as Pod;

const deployment = (namespace: string, name: string): Deployment =>
  ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { namespace, name },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } },
    },
  }) as Deployment;

async function caught(p: Promise<unknown>): Promise<StatusError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StatusError);
    return e as StatusError;
  }
  throw new Error('expected a StatusError');
}

describe.each(TRANSPORTS)('Client over %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(kind);
  });
  afterAll(() => h.close());

  it('creates, gets, updates and deletes, handing out frozen objects', async () => {
    const created = await h.client.create(CONFIGMAPS, cm('default', 'crud', { a: '1' }));
    expect(created.metadata.uid).toBeTruthy();
    expect(Object.isFrozen(created)).toBe(true);
    expect(Object.isFrozen(created.data)).toBe(true);
    const got = await h.client.get(CONFIGMAPS, 'default', 'crud');
    expect(got.data).toEqual({ a: '1' });
    const updated = await h.client.update(CONFIGMAPS, { ...got, data: { a: '2' } });
    expect(updated.data).toEqual({ a: '2' });
    expect(Number(updated.metadata.resourceVersion)).toBeGreaterThan(Number(got.metadata.resourceVersion));
    await h.client.delete(CONFIGMAPS, 'default', 'crud');
    expect(isNotFound(await caught(h.client.get(CONFIGMAPS, 'default', 'crud')))).toBe(true);
  });

  it('reads and writes cluster-scoped resources', async () => {
    await h.client.create(NAMESPACES, { metadata: { name: 'scoped' } });
    const ns = await h.client.get(NAMESPACES, '', 'scoped');
    expect(ns.metadata.name).toBe('scoped');
    const all = await h.client.list(NAMESPACES);
    expect(all.items.map((n) => n.metadata.name)).toContain('scoped');
  });

  it('answers errors as StatusError with the server code and reason', async () => {
    const missing = await caught(h.client.get(CONFIGMAPS, 'default', 'nope'));
    expect(missing.code).toBe(404);
    expect(missing.reason).toBe('NotFound');
    expect(missing.message).toBe('configmaps "nope" not found');

    await h.client.create(CONFIGMAPS, cm('default', 'dup'));
    const dup = await caught(h.client.create(CONFIGMAPS, cm('default', 'dup')));
    expect([dup.code, dup.reason]).toEqual([409, 'AlreadyExists']);

    const first = await h.client.get(CONFIGMAPS, 'default', 'dup');
    await h.client.update(CONFIGMAPS, { ...first, data: { x: '1' } });
    const stale = await caught(h.client.update(CONFIGMAPS, { ...first, data: { x: '2' } }));
    expect(stale.code).toBe(409);
    expect(isConflict(stale)).toBe(true);

    const invalid = await caught(h.client.create(CONFIGMAPS, cm('default', 'Not_A_Name')));
    expect(invalid.code).toBe(422);
    expect(invalid.status.details?.causes?.length).toBeGreaterThan(0);

    const badSelector = await caught(h.client.list(CONFIGMAPS, { namespace: 'default', labelSelector: 'a in' }));
    expect(badSelector.code).toBe(400);
  });

  it('lists with label selectors and pages with limit/continue', async () => {
    await h.client.create(NAMESPACES, { metadata: { name: 'paging' } });
    for (let i = 0; i < 7; i++) await h.client.create(CONFIGMAPS, cm('paging', `c${i}`, {}, { parity: i % 2 ? 'odd' : 'even' }));
    const odd = await h.client.list(CONFIGMAPS, { namespace: 'paging', labelSelector: 'parity=odd' });
    expect(odd.items.map((c) => c.metadata.name)).toEqual(['c1', 'c3', 'c5']);
    const names: string[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const page = await h.client.list(CONFIGMAPS, { namespace: 'paging', limit: 3, continue: next });
      names.push(...page.items.map((c) => c.metadata.name!));
      next = page.metadata.continue;
      pages++;
    } while (next);
    expect(pages).toBe(3);
    expect(names.filter((n) => n.startsWith('c'))).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
  });

  it('patches with JSON, merge and strategic merge patches', async () => {
    await h.client.create(CONFIGMAPS, cm('default', 'patched', { a: '1', b: '2' }));
    const merged = await h.client.patch(CONFIGMAPS, 'default', 'patched', 'merge', { data: { b: null, c: '3' } });
    expect(merged.data).toEqual({ a: '1', c: '3' });
    const json = await h.client.patch(CONFIGMAPS, 'default', 'patched', 'json', [{ op: 'replace', path: '/data/a', value: 'x' }]);
    expect(json.data).toEqual({ a: 'x', c: '3' });
    await h.client.create(DEPLOYMENTS, deployment('default', 'web'));
    const strategic = await h.client.patch(DEPLOYMENTS, 'default', 'web', 'strategic', {
      spec: { template: { spec: { containers: [{ name: 'sidecar', image: 'busybox' }] } } },
    });
    expect((strategic.spec!.template!.spec!.containers ?? []).map((c) => c.name).sort()).toEqual(['app', 'sidecar']);
    const badPatch = await caught(h.client.patch(CONFIGMAPS, 'default', 'nope', 'merge', { data: {} }));
    expect(badPatch.code).toBe(404);
  });

  it('writes status, binds pods, reads and writes scale, deletes with options', async () => {
    const p = await h.client.create(PODS, pod('default', 'p1'));
    const withStatus = await h.client.updateStatus(PODS, { ...p, status: { ...p.status, message: 'hello' } } as Pod);
    expect(withStatus.status?.message).toBe('hello');

    await h.client.createSubresource(PODS, 'default', 'p1', 'binding', {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name: 'p1', namespace: 'default' },
      target: { apiVersion: 'v1', kind: 'Node', name: 'node-1' },
    });
    expect((await h.client.get(PODS, 'default', 'p1')).spec.nodeName).toBe('node-1');
    const again = await caught(
      h.client.createSubresource(PODS, 'default', 'p1', 'binding', { metadata: { name: 'p1' }, target: { name: 'node-2' } }),
    );
    expect(again.code).toBe(409);

    await h.client.create(DEPLOYMENTS, deployment('default', 'scaled'));
    const scale = await h.client.getScale(DEPLOYMENTS, 'default', 'scaled');
    expect(scale.spec?.replicas).toBe(1);
    const rescaled = await h.client.updateScale(DEPLOYMENTS, 'default', 'scaled', { ...scale, spec: { replicas: 4 } });
    expect(rescaled.spec?.replicas).toBe(4);
    expect((await h.client.get(DEPLOYMENTS, 'default', 'scaled')).spec?.replicas).toBe(4);

    const current = await h.client.get(PODS, 'default', 'p1');
    const wrongUid = await caught(h.client.delete(PODS, 'default', 'p1', { preconditions: { uid: 'not-the-uid' } }));
    expect(wrongUid.code).toBe(409);
    await h.client.delete(PODS, 'default', 'p1', { gracePeriodSeconds: 0, preconditions: { uid: current.metadata.uid } });
    expect((await caught(h.client.get(PODS, 'default', 'p1'))).code).toBe(404);
  });

  it('watches: events in order from a resourceVersion, with bookmarks allowed and selectors applied', async () => {
    await h.client.create(NAMESPACES, { metadata: { name: 'watched' } });
    const start = await h.client.list(CONFIGMAPS, { namespace: 'watched' });
    const events: WatchEvent<ConfigMap>[] = [];
    const stop = await h.client.watch(
      CONFIGMAPS,
      { namespace: 'watched', resourceVersion: start.metadata.resourceVersion, allowWatchBookmarks: true, labelSelector: 'w=yes' },
      (e) => events.push(e),
    );
    await h.client.create(CONFIGMAPS, cm('watched', 'ignored', {}, { w: 'no' }));
    for (let i = 0; i < 5; i++) await h.client.create(CONFIGMAPS, cm('watched', `w${i}`, {}, { w: 'yes' }));
    await h.client.patch(CONFIGMAPS, 'watched', 'w2', 'merge', { data: { k: 'v' } });
    await h.client.delete(CONFIGMAPS, 'watched', 'w0');
    await eventually(() => events.length >= 7, 'seven watch events');
    stop();
    const seen = events.filter((e) => e.type !== 'BOOKMARK');
    expect(seen.map((e) => `${e.type} ${(e.object as ConfigMap).metadata.name}`)).toEqual([
      'ADDED w0',
      'ADDED w1',
      'ADDED w2',
      'ADDED w3',
      'ADDED w4',
      'MODIFIED w2',
      'DELETED w0',
    ]);
    const versions = seen.map((e) => Number((e.object as ConfigMap).metadata.resourceVersion));
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(seen.every((e) => Object.isFrozen(e.object))).toBe(true);
  });

  it('keeps every watcher in order when a handler writes back from inside an event', async () => {
    await h.client.create(NAMESPACES, { metadata: { name: 'echo' } });
    const from = (await h.client.list(CONFIGMAPS, { namespace: 'echo' })).metadata.resourceVersion;
    const versions: number[] = [];
    const stopA = await h.client.watch(CONFIGMAPS, { namespace: 'echo', resourceVersion: from }, (e) => {
      if (e.type === 'ADDED' && e.object.metadata.name === 'trigger') void h.client.create(CONFIGMAPS, cm('echo', 'echoed'));
    });
    const stopB = await h.client.watch(CONFIGMAPS, { namespace: 'echo', resourceVersion: from }, (e) => {
      if (e.type !== 'ERROR') versions.push(Number(e.object.metadata.resourceVersion));
    });
    await h.client.create(CONFIGMAPS, cm('echo', 'trigger'));
    await h.client.patch(CONFIGMAPS, 'echo', 'trigger', 'merge', { data: { x: '1' } });
    await eventually(() => versions.length >= 3, 'three events');
    stopA();
    stopB();
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it('watches across namespaces and cluster-scoped resources', async () => {
    const events: string[] = [];
    const stop = await h.client.watch(NODES, {}, (e) => events.push(`${e.type} ${e.type === 'ERROR' ? '' : e.object.metadata.name}`));
    await h.client.create(NODES, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n-watch' } } as never);
    await eventually(() => events.includes('ADDED n-watch'), 'the node event');
    stop();
  });

  it('refuses a bad watch with a StatusError', async () => {
    const bad = await caught(h.client.watch(CONFIGMAPS, { labelSelector: '!!' }, () => {}));
    expect(bad.code).toBe(400);
  });

  it('stop ends a watch: no event arrives after it', async () => {
    const events: WatchEvent[] = [];
    let closed = false;
    const stop = await h.client.watch(CONFIGMAPS, { namespace: 'default', resourceVersion: '1' }, {
      event: (e) => events.push(e),
      close: () => (closed = true),
    });
    stop();
    const before = events.length;
    await h.client.create(CONFIGMAPS, cm('default', 'after-stop'));
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(events.length).toBe(before);
    expect(closed).toBe(false);
  });
});

describe.each(TRANSPORTS)('watch history over %s', (kind) => {
  it('answers a resourceVersion older than the history kept with an ERROR 410 event, then closes', async () => {
    const h = await startHarness(kind, { historyCapacity: 3 });
    try {
      const first = await h.client.create(CONFIGMAPS, cm('default', 'old'));
      for (let i = 0; i < 10; i++) await h.client.update(CONFIGMAPS, { ...(await h.client.get(CONFIGMAPS, 'default', 'old')), data: { i: String(i) } });
      const events: WatchEvent[] = [];
      let closed = false;
      await h.client.watch(CONFIGMAPS, { namespace: 'default', resourceVersion: first.metadata.resourceVersion }, {
        event: (e) => events.push(e),
        close: () => (closed = true),
      });
      await eventually(() => closed, 'the stream to close');
      expect(events.map((e) => e.type)).toEqual(['ERROR']);
      const status = events[0].object as { code: number; reason: string };
      expect(status.code).toBe(410);
    } finally {
      await h.close();
    }
  });
});
