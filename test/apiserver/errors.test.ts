// Every error a client sees is a metav1.Status with kube-apiserver's code, reason and message,
// and a refused write stores nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/apiserver/server.js';
import { createCluster, type Cluster } from '../../src/sim/cluster.js';

let cluster: Cluster;
let server: RunningServer;
beforeAll(async () => {
  cluster = await createCluster();
  server = await cluster.listen('127.0.0.1', 0);
});
afterAll(() => cluster.stop());

async function call(method: string, path: string, body?: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(`${server.url}${path}`, { method, body, headers });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: JSON.parse(text) as Record<string, unknown> };
}

const CMS = '/api/v1/namespaces/default/configmaps';
const stored = async (): Promise<string[]> => ((await call('GET', CMS)).body.items as { metadata: { name: string } }[]).map((i) => i.metadata.name);

describe('errors as metav1.Status', () => {
  it('400 for malformed JSON, and nothing stored', async () => {
    const r = await call('POST', CMS, '{"metadata": {"name": "x"');
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'BadRequest', code: 400 });
    expect(String(r.body.message)).toMatch(/^the object provided is unrecognized \(must be of type ConfigMap\): couldn't get version\/kind; json parse error: /);
    expect(await stored()).toEqual([]);
  });

  it('400 for a body of another kind or version, or another namespace than the path', async () => {
    const kind = await call('POST', CMS, JSON.stringify({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }));
    expect(kind).toMatchObject({ status: 400, body: { reason: 'BadRequest' } });
    expect(kind.body.message).toMatch(/^Secret in version "v1" cannot be handled as a ConfigMap/);
    const version = await call('POST', CMS, JSON.stringify({ apiVersion: 'apps/v1', kind: 'ConfigMap', metadata: { name: 'v' } }));
    expect(version.body.message).toBe('the API version in the data (apps/v1) does not match the expected API version (v1)');
    const ns = await call('POST', CMS, JSON.stringify({ metadata: { name: 'n', namespace: 'kube-system' } }));
    expect(ns.status).toBe(400);
    expect(ns.body.message).toBe('the namespace of the provided object does not match the namespace sent on the request');
    expect(await stored()).toEqual([]);
  });

  it('413 for a body over 3 MiB', async () => {
    const big = JSON.stringify({ metadata: { name: 'big' }, data: { x: 'a'.repeat(3 * 1024 * 1024) } });
    const r = await call('POST', CMS, big);
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ reason: 'RequestEntityTooLarge', code: 413, message: 'Request entity too large: limit is 3145728' });
    expect(await stored()).toEqual([]);
  });

  it('415 for a body type the server does not read, 406 for an answer type it cannot give', async () => {
    const r = await call('POST', CMS, 'name: x', { 'content-type': 'text/plain' });
    expect(r).toMatchObject({ status: 415, body: { reason: 'UnsupportedMediaType', code: 415 } });
    const p = await call('PATCH', `${CMS}/x`, '{}', { 'content-type': 'application/xml' });
    expect(p.body.message).toBe(
      'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json',
    );
    const a = await call('GET', CMS, undefined, { accept: 'application/xml' });
    expect(a).toMatchObject({ status: 406, body: { reason: 'NotAcceptable', code: 406 } });
  });

  it('405 for a verb a route does not serve, 404 for a path with no route', async () => {
    const m = await call('POST', `${CMS}/x`, '{}');
    expect(m).toMatchObject({ status: 405, body: { reason: 'MethodNotAllowed', message: 'the server does not allow this method on the requested resource' } });
    const n = await call('GET', '/api/v1/namespaces/default/nosuchthings');
    expect(n).toMatchObject({ status: 404, body: { reason: 'NotFound', message: 'the server could not find the requested resource' } });
  });

  it('404 for a write into a missing namespace; 403 for deleting a built-in one', async () => {
    const r = await call('POST', '/api/v1/namespaces/ghost/configmaps', JSON.stringify({ metadata: { name: 'x' } }));
    expect(r).toMatchObject({ status: 404, body: { reason: 'NotFound', message: 'namespaces "ghost" not found', details: { name: 'ghost', kind: 'namespaces' } } });
    for (const ns of ['default', 'kube-system', 'kube-public', 'kube-node-lease']) {
      const d = await call('DELETE', `/api/v1/namespaces/${ns}`);
      expect(d).toMatchObject({ status: 403, body: { reason: 'Forbidden', message: `namespaces "${ns}" is forbidden: this namespace may not be deleted` } });
    }
  });

  it('422 Invalid with one cause per field', async () => {
    const r = await call('POST', CMS, JSON.stringify({ metadata: { name: 'Bad_Name', labels: { 'a b': 'c' } } }));
    expect(r.status).toBe(422);
    expect(r.body.reason).toBe('Invalid');
    const causes = (r.body.details as { causes: { field: string; reason: string }[] }).causes;
    expect(causes.map((c) => [c.field, c.reason])).toEqual([
      ['metadata.name', 'FieldValueInvalid'],
      ['metadata.labels', 'FieldValueInvalid'],
    ]);
    expect(String(r.body.message)).toMatch(/^ConfigMap "Bad_Name" is invalid: \[metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
  });

  it('409 Conflict with the message clients retry on', async () => {
    const created = await call('POST', CMS, JSON.stringify({ metadata: { name: 'c' } }));
    const rv = (created.body.metadata as { resourceVersion: string }).resourceVersion;
    await call('PUT', `${CMS}/c`, JSON.stringify({ metadata: { name: 'c', resourceVersion: rv }, data: { a: '1' } }));
    const stale = await call('PUT', `${CMS}/c`, JSON.stringify({ metadata: { name: 'c', resourceVersion: rv }, data: { a: '2' } }));
    expect(stale.body).toMatchObject({
      reason: 'Conflict',
      code: 409,
      message: 'Operation cannot be fulfilled on configmaps "c": the object has been modified; please apply your changes to the latest version and try again',
      details: { name: 'c', kind: 'configmaps' },
    });
    await call('DELETE', `${CMS}/c`);
  });

  it('410 Expired as a watch event when the resourceVersion is older than the history', async () => {
    const small = await createCluster({ historyCapacity: 2 });
    const s = await small.listen('127.0.0.1', 0);
    for (const n of ['a', 'b', 'c', 'd']) {
      await fetch(`${s.url}${CMS}`, { method: 'POST', body: JSON.stringify({ metadata: { name: n } }), headers: { 'content-type': 'application/json' } });
    }
    const res = await fetch(`${s.url}${CMS}?watch=true&resourceVersion=1`);
    expect(res.status).toBe(200);
    const line = JSON.parse((await res.text()).trim());
    expect(line).toMatchObject({ type: 'ERROR', object: { kind: 'Status', reason: 'Expired', code: 410 } });
    expect(line.object.message).toMatch(/^too old resource version: 1 \(\d+\)$/);
    await small.stop();
  });
});
