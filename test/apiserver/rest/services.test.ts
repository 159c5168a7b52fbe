import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cluster } from '../../../src/sim/cluster.js';
import { ApiClient } from '../api-client.js';

let cluster: Cluster;
let api: ApiClient;
beforeAll(async () => {
  ({ cluster, client: api } = await ApiClient.start());
});
afterAll(() => cluster.stop());

const svc = (name: string, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name },
  spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec },
});
const SERVICES = '/api/v1/namespaces/default/services';

describe('Service allocation', () => {
  it('gives the kubernetes Service the first address of the range', async () => {
    const r = await api.get(`${SERVICES}/kubernetes`);
    expect(r.body.spec).toMatchObject({ clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] });
  });

  it('allocates distinct cluster IPs in 10.96.0.0/12 and defaults the rest', async () => {
    const ips = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const r = await api.post(SERVICES, svc(`s${i}`));
      expect(r.status).toBe(201);
      expect(r.body.spec).toMatchObject({ type: 'ClusterIP', sessionAffinity: 'None', ipFamilies: ['IPv4'], ipFamilyPolicy: 'SingleStack', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });
      ips.add(r.body.spec.clusterIP);
      expect(r.body.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    }
    expect(ips.size).toBe(20);
  });

  it('refuses a cluster IP already in use, with kube message', async () => {
    const taken = (await api.get(`${SERVICES}/s0`)).body.spec.clusterIP;
    const r = await api.post(SERVICES, svc('dup', { clusterIP: taken }));
    expect(r.status).toBe(422);
    expect(r.body.message).toBe(`Service "dup" is invalid: spec.clusterIPs: Invalid value: ["${taken}"]: failed to allocate IP ${taken}: provided IP is already allocated`);
  });

  it('gives NodePort and LoadBalancer services node ports in 30000-32767, and takes them back', async () => {
    const np = await api.post(SERVICES, svc('np', { type: 'NodePort', ports: [{ name: 'a', port: 80 }, { name: 'b', port: 81 }] }));
    const ports = np.body.spec.ports.map((p: { nodePort: number }) => p.nodePort);
    for (const p of ports) expect(p).toBeGreaterThanOrEqual(30000);
    expect(new Set(ports).size).toBe(2);
    const lb = await api.post(SERVICES, svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' }));
    expect(lb.body.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(lb.body.spec.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    const clash = await api.post(SERVICES, svc('clash', { type: 'NodePort', ports: [{ port: 80, nodePort: ports[0] }] }));
    expect(clash.status).toBe(422);
    expect(clash.body.message).toContain(`spec.ports[0].nodePort: Invalid value: ${ports[0]}: provided port is already allocated`);
    expect((await api.delete(`${SERVICES}/np`)).status).toBe(200);
    const reuse = await api.post(SERVICES, svc('reuse', { type: 'NodePort', ports: [{ port: 80, nodePort: ports[0] }] }));
    expect(reuse.status).toBe(201);
  });

  it('keeps the cluster IP when an update leaves it out, and refuses to change it', async () => {
    const before = (await api.get(`${SERVICES}/s1`)).body;
    const put = await api.put(`${SERVICES}/s1`, { ...before, spec: { ...before.spec, clusterIP: undefined, clusterIPs: undefined } });
    expect(put.status).toBe(200);
    expect(put.body.spec.clusterIP).toBe(before.spec.clusterIP);
    const change = await api.patch(`${SERVICES}/s1`, { spec: { clusterIP: '10.96.0.77', clusterIPs: ['10.96.0.77'] } });
    expect(change.status).toBe(422);
  });

  it('gives nothing away on a dry run', async () => {
    const dry = await api.post(`${SERVICES}?dryRun=All`, svc('dry', { type: 'NodePort' }));
    expect(dry.status).toBe(201);
    const real = await api.post(SERVICES, svc('wet', { type: 'NodePort', ports: [{ port: 80, nodePort: dry.body.spec.ports[0].nodePort }], clusterIP: dry.body.spec.clusterIP }));
    expect(real.status).toBe(201);
  });
});
