// Real kubectl against kubesim: Services, with cluster IPs and node ports allocated by the API server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './harness.js';
import { createNamespace, lines, ok, withManifest } from './kubectl-fixtures.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(async () => {
  await t.stop();
});

// No `labels: {}` when there are none: the server drops empty maps (Go's omitempty), so an
// empty map in the manifest would differ from the live object on every apply.
const svc = (name: string, spec: Record<string, unknown>, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: Object.keys(labels).length ? { name, labels } : { name },
  spec,
});

/** True when ip lies in kube-apiserver's default service range 10.96.0.0/12. */
function inServiceRange(ip: string): boolean {
  const m = /^10\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  return m !== null && Number(m[1]) >= 96 && Number(m[1]) <= 111;
}

describe('kubectl: services', () => {
  it('has the `kubernetes` service in default from the start', async () => {
    const table = lines(await ok(t, ['-n', 'default', 'get', 'service', 'kubernetes']));
    expect(table[0]).toBe('NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE');
    expect(table[1]).toMatch(/^kubernetes   ClusterIP   10\.96\.0\.1    <none>        443\/TCP   \d+s$/);
    const obj = JSON.parse(await ok(t, ['-n', 'default', 'get', 'svc', 'kubernetes', '-o', 'json']));
    expect(obj.metadata.labels).toEqual({ component: 'apiserver', provider: 'kubernetes' });
    // targetPort is the port the API server itself serves on.
    expect(obj.spec.ports).toEqual([{ name: 'https', port: 443, protocol: 'TCP', targetPort: Number(new URL(t.server.url).port) }]);
  });

  it('has the `kubernetes` endpoints beside it, pointing at the API server', async () => {
    const r = await t.kubectl(['-n', 'default', 'get', 'endpoints', 'kubernetes', '-o', 'json']);
    expect(r.stderr).toBe('');
    const ep = JSON.parse(r.stdout);
    expect(ep.subsets).toHaveLength(1);
    expect(ep.subsets[0].addresses).toHaveLength(1);
    expect(ep.subsets[0].ports).toEqual([{ name: 'https', port: Number(new URL(t.server.url).port), protocol: 'TCP' }]);
  });

  it('creates with `kubectl create service clusterip` (protobuf body) and allocates a cluster IP', async () => {
    const ns = 'svc-imperative';
    await createNamespace(t, ns);
    const r = await t.kubectl(['-n', ns, 'create', 'service', 'clusterip', 'web', '--tcp=80:8080']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('service/web created\n');
    const obj = JSON.parse(await ok(t, ['-n', ns, 'get', 'svc', 'web', '-o', 'json']));
    expect(inServiceRange(obj.spec.clusterIP)).toBe(true);
    expect(obj.spec.clusterIPs).toEqual([obj.spec.clusterIP]);
    expect(obj.spec.ports).toEqual([{ name: '80-8080', port: 80, protocol: 'TCP', targetPort: 8080 }]);
    expect(obj.spec.selector).toEqual({ app: 'web' });
  });

  it('creates a NodePort service with `kubectl create service nodeport` and allocates a node port', async () => {
    const ns = 'svc-nodeport';
    await createNamespace(t, ns);
    const r = await t.kubectl(['-n', ns, 'create', 'service', 'nodeport', 'np', '--tcp=80:8080']);
    expect(r.stdout).toBe('service/np created\n');
    const obj = JSON.parse(await ok(t, ['-n', ns, 'get', 'svc', 'np', '-o', 'json']));
    const nodePort = obj.spec.ports[0].nodePort as number;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    expect(nodePort).toBeLessThanOrEqual(32767);
    expect(obj.spec.externalTrafficPolicy).toBe('Cluster');
    const table = lines(await ok(t, ['-n', ns, 'get', 'svc', 'np']));
    expect(table[0]).toMatch(/^NAME   TYPE       CLUSTER-IP +EXTERNAL-IP   PORT\(S\)        AGE$/);
    expect(table[1]).toMatch(new RegExp(`^np     NodePort   ${obj.spec.clusterIP.replace(/\./g, '\\.')} +<none>        80:${nodePort}/TCP   \\d+s$`));
  });

  it('creates with -f: defaults, table, wide and the other output formats', async () => {
    const ns = 'svc-formats';
    await createNamespace(t, ns);
    const created = await withManifest(t, ns, ['create'], svc('api', { selector: { app: 'api' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }, { name: 'dns', port: 53, protocol: 'UDP' }] }));
    expect(created.stdout).toBe('service/api created\n');
    const obj = JSON.parse(await ok(t, ['-n', ns, 'get', 'svc', 'api', '-o', 'json']));
    const ip = obj.spec.clusterIP as string;
    expect(inServiceRange(ip)).toBe(true);
    expect(obj.spec).toEqual({
      clusterIP: ip,
      clusterIPs: [ip],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [
        { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
      ],
      selector: { app: 'api' },
      sessionAffinity: 'None',
      type: 'ClusterIP',
    });
    expect(obj.status).toEqual({ loadBalancer: {} });

    const pad = ' '.repeat(Math.max(ip.length, 10) - ip.length);
    const table = lines(await ok(t, ['-n', ns, 'get', 'svc', 'api']));
    expect(table[0]).toMatch(/^NAME   TYPE        CLUSTER-IP +EXTERNAL-IP   PORT\(S\)         AGE$/);
    expect(table[1]).toMatch(new RegExp(`^api    ClusterIP   ${ip.replace(/\./g, '\\.')}${pad}   <none>        80/TCP,53/UDP   \\d+s$`));
    const wide = lines(await ok(t, ['-n', ns, 'get', 'svc', 'api', '-o', 'wide']));
    expect(wide[0]).toMatch(/^NAME   TYPE        CLUSTER-IP +EXTERNAL-IP   PORT\(S\)         AGE   SELECTOR$/);
    expect(wide[1]).toMatch(/ +\d+s +app=api$/);
    expect(await ok(t, ['-n', ns, 'get', 'svc', 'api', '-o', 'name'])).toBe('service/api\n');
    expect(await ok(t, ['-n', ns, 'get', 'svc', 'api', '-o', 'jsonpath={.spec.ports[?(@.name=="dns")].port}'])).toBe('53');
    expect(await ok(t, ['-n', ns, 'get', 'svc', '-o', 'custom-columns=NAME:.metadata.name,PORTS:.spec.ports[*].port'])).toBe('NAME   PORTS\napi    80,53\n');
    expect(await ok(t, ['-n', ns, 'get', 'svc', 'api', '-o', 'go-template={{range .spec.ports}}{{.name}}/{{.protocol}} {{end}}'])).toBe('http/TCP dns/UDP ');
    const yaml = await ok(t, ['-n', ns, 'get', 'svc', 'api', '-o', 'yaml']);
    expect(yaml).toContain(`spec:\n  clusterIP: ${ip}\n  clusterIPs:\n  - ${ip}\n  internalTrafficPolicy: Cluster\n`);
    expect(yaml.endsWith('status:\n  loadBalancer: {}\n')).toBe(true);
  });

  it('prints ExternalName and headless services', async () => {
    const ns = 'svc-kinds';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], svc('ext', { type: 'ExternalName', externalName: 'example.com' }));
    await withManifest(t, ns, ['create'], svc('head', { clusterIP: 'None', selector: { app: 'x' }, ports: [{ port: 80 }] }));
    const table = lines(await ok(t, ['-n', ns, 'get', 'svc']));
    expect(table[0]).toBe('NAME   TYPE           CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE');
    expect(table[1]).toMatch(/^ext    ExternalName   <none>       example\.com   <none>    \d+s$/);
    expect(table[2]).toMatch(/^head   ClusterIP      None         <none>        80\/TCP    \d+s$/);
  });

  it('exposes a pod as a service', async () => {
    const ns = 'svc-expose';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'p' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(await ok(t, ['-n', ns, 'expose', 'pod', 'p', '--port=80', '--target-port=8080', '--name=p-svc'])).toBe('service/p-svc exposed\n');
    expect(await ok(t, ['-n', ns, 'get', 'svc', 'p-svc', '-o', 'jsonpath={.spec.selector.app} {.spec.ports[0].targetPort}'])).toBe('p 8080');
  });

  it('applies twice, then a change; patches of all three types keep the allocated IP', async () => {
    const ns = 'svc-apply';
    await createNamespace(t, ns);
    const m = (port: number) => svc('s', { selector: { app: 's' }, ports: [{ name: 'http', port }] });
    expect((await withManifest(t, ns, ['apply'], m(80))).stdout).toBe('service/s created\n');
    const ip = await ok(t, ['-n', ns, 'get', 'svc', 's', '-o', 'jsonpath={.spec.clusterIP}']);
    expect((await withManifest(t, ns, ['apply'], m(80))).stdout).toBe('service/s unchanged\n');
    expect((await withManifest(t, ns, ['apply'], m(8080))).stdout).toBe('service/s configured\n');
    expect(await ok(t, ['-n', ns, 'get', 'svc', 's', '-o', 'jsonpath={.spec.clusterIP} {.spec.ports[0].port}'])).toBe(`${ip} 8080`);

    // Strategic: ports merge by port number, so a new one is added beside the old one.
    expect(await ok(t, ['-n', ns, 'patch', 'svc', 's', '-p', '{"spec":{"ports":[{"name":"metrics","port":9090}]}}'])).toBe('service/s patched\n');
    expect(await ok(t, ['-n', ns, 'get', 'svc', 's', '-o', 'jsonpath={.spec.ports[*].name}'])).toMatch(/^(http metrics|metrics http)$/);
    expect(await ok(t, ['-n', ns, 'patch', 'svc', 's', '--type=json', '-p', '[{"op":"replace","path":"/spec/sessionAffinity","value":"ClientIP"}]'])).toBe('service/s patched\n');
    expect(await ok(t, ['-n', ns, 'patch', 'svc', 's', '--type=merge', '-p', '{"spec":{"selector":{"app":"t"}}}'])).toBe('service/s patched\n');
    const obj = JSON.parse(await ok(t, ['-n', ns, 'get', 'svc', 's', '-o', 'json']));
    expect(obj.spec.clusterIP).toBe(ip);
    expect(obj.spec.sessionAffinity).toBe('ClientIP');
    // ClientIP affinity gets its default timeout.
    expect(obj.spec.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
    expect(obj.spec.selector).toEqual({ app: 't' });
  });

  it('labels, annotates and deletes; NotFound after', async () => {
    const ns = 'svc-delete';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], svc('d', { ports: [{ port: 80 }] }));
    expect(await ok(t, ['-n', ns, 'label', 'svc', 'd', 'team=a'])).toBe('service/d labeled\n');
    expect(await ok(t, ['-n', ns, 'label', 'svc', 'd', 'team=b', '--overwrite'])).toBe('service/d labeled\n');
    expect(await ok(t, ['-n', ns, 'annotate', 'svc', 'd', 'a=b'])).toBe('service/d annotated\n');
    expect(await ok(t, ['-n', ns, 'label', 'svc', 'd', 'team-'])).toBe('service/d unlabeled\n');
    expect(await ok(t, ['-n', ns, 'delete', 'svc', 'd'])).toBe('service "d" deleted\n');
    const r = await t.kubectl(['-n', ns, 'delete', 'svc', 'd']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): services "d" not found\n');
  });

  it('dry-run=server shows the allocated service and stores nothing', async () => {
    const ns = 'svc-dry';
    await createNamespace(t, ns);
    const r = await withManifest(t, ns, ['create', '--dry-run=server', '-o', 'json'], svc('dry', { type: 'NodePort', ports: [{ port: 80 }] }));
    expect(r.stderr).toBe('');
    const obj = JSON.parse(r.stdout);
    expect(inServiceRange(obj.spec.clusterIP)).toBe(true);
    expect(obj.spec.ports[0]).toMatchObject({ port: 80, protocol: 'TCP', targetPort: 80 });
    expect(obj.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(obj.spec.externalTrafficPolicy).toBe('Cluster');
    expect((await t.kubectl(['-n', ns, 'get', 'svc'])).stderr).toBe(`No resources found in ${ns} namespace.\n`);
  });

  it('rejects an invalid service with each field cause', async () => {
    const ns = 'svc-invalid';
    await createNamespace(t, ns);
    const r = await withManifest(t, ns, ['create'], svc('bad', { type: 'Foo', ports: [{ port: 0 }] }));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'The Service "bad" is invalid: \n' +
        '* spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive\n' +
        '* spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive\n' +
        '* spec.type: Unsupported value: "Foo": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n',
    );
  });
});
