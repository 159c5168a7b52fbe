// YAML request bodies: application/yaml on create and update, and YAML apply patches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/sim/cluster.js';
import { ApiClient } from '../api-client.js';

let cluster: Cluster;
let api: ApiClient;
beforeAll(async () => {
  ({ cluster, client: api } = await ApiClient.start());
});
afterAll(() => cluster.stop());

const CMS = '/api/v1/namespaces/default/configmaps';

describe('YAML bodies', () => {
  it('creates from application/yaml', async () => {
    const body = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: from-yaml\n  labels: {app: web}\ndata:\n  greeting: "hello"\n  count: "3"\n';
    const r = await api.call('POST', CMS, body, { 'content-type': 'application/yaml' });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({ metadata: { name: 'from-yaml', labels: { app: 'web' } }, data: { greeting: 'hello', count: '3' } });
  });

  it('refuses malformed YAML with 400 and stores nothing', async () => {
    const r = await api.call('POST', CMS, 'metadata: [unclosed', { 'content-type': 'application/yaml' });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/^the object provided is unrecognized \(must be of type ConfigMap\): error converting YAML to JSON: /);
  });

  it('applies a YAML apply patch, creating the object', async () => {
    const body = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  a: "1"\n';
    const r = await api.call('PATCH', `${CMS}/applied?fieldManager=yaml-user`, body, { 'content-type': 'application/apply-patch+yaml' });
    expect(r.status).toBe(201);
    expect(r.body.data).toEqual({ a: '1' });
    expect(r.body.metadata.managedFields).toMatchObject([{ manager: 'yaml-user', operation: 'Apply' }]);
  });
});
