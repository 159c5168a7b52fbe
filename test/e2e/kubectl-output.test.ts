// Real kubectl against kubesim: lists in every output format, printing flags, discovery and explain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestCluster, type TestCluster } from './harness.js';
import { createNamespace, lines, ok, withManifest } from './kubectl-fixtures.js';

let t: TestCluster;
const ns = 'output';
beforeAll(async () => {
  t = await startTestCluster();
  await createNamespace(t, ns);
  await createNamespace(t, 'output-other');
  // Created in this order on purpose: sorting and listing order are checked below.
  for (const [name, keys, tier] of [
    ['charlie', 3, 'back'],
    ['alpha', 1, 'front'],
    ['bravo', 2, 'front'],
  ] as const) {
    const data = Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, `v${i}`]));
    await withManifest(t, ns, ['create'], { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, labels: { tier } }, data });
  }
  await withManifest(t, 'output-other', ['create'], { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'elsewhere' }, data: {} });
  await withManifest(t, ns, ['create'], { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token' }, type: 'example.com/custom', data: {} });
});
afterAll(async () => {
  await t.stop();
});

describe('kubectl output: lists', () => {
  it('the default table lists by name', async () => {
    const out = await ok(t, ['-n', ns, 'get', 'configmaps']);
    expect(out).toMatch(/^NAME      DATA   AGE\nalpha     1      \d+s\nbravo     2      \d+s\ncharlie   3      \d+s\n$/);
  });

  it('--no-headers, --sort-by and -l', async () => {
    const sorted = lines(await ok(t, ['-n', ns, 'get', 'cm', '--sort-by=.metadata.labels.tier', '--no-headers']));
    expect(sorted.map((l) => l.split(/\s+/)[0])).toEqual(['charlie', 'alpha', 'bravo']);
    const byData = lines(await ok(t, ['-n', ns, 'get', 'cm', '-l', 'tier=front', '-o', 'name', '--sort-by={.metadata.name}']));
    expect(byData).toEqual(['configmap/alpha', 'configmap/bravo']);
    const notIn = await ok(t, ['-n', ns, 'get', 'cm', '-l', 'tier notin (front)', '-o', 'name']);
    expect(notIn).toBe('configmap/charlie\n');
    const exists = await ok(t, ['-n', ns, 'get', 'cm', '-l', '!tier', '-o', 'name']);
    expect(exists).toBe('');
  });

  it('-A adds a NAMESPACE column; an empty list says so on stderr', async () => {
    const out = lines(await ok(t, ['get', 'cm', '-A', '-l', 'tier']));
    expect(out[0]).toBe('NAMESPACE   NAME      DATA   AGE');
    expect(out.slice(1).map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual(['output alpha 1', 'output bravo 2', 'output charlie 3']);
    const all = await ok(t, ['get', 'cm', '-A', '-o', 'custom-columns=NS:.metadata.namespace,NAME:.metadata.name', '--no-headers', '--field-selector=metadata.name=elsewhere']);
    expect(all).toBe('output-other   elsewhere\n');
    const none = await t.kubectl(['-n', ns, 'get', 'pods']);
    expect(none).toEqual({ stdout: '', stderr: `No resources found in ${ns} namespace.\n`, code: 0 });
    const noneAll = await t.kubectl(['get', 'pods', '-A']);
    expect(noneAll).toEqual({ stdout: '', stderr: 'No resources found\n', code: 0 });
  });

  it('several types in one get print one table each, names prefixed by type', async () => {
    const out = await ok(t, ['-n', ns, 'get', 'configmaps,secrets', '-l', 'tier=front']);
    expect(out).toMatch(/^NAME              DATA   AGE\nconfigmap\/alpha   1      \d+s\nconfigmap\/bravo   2      \d+s\n$/);
    const both = await ok(t, ['-n', ns, 'get', 'cm/alpha', 'secret/token']);
    expect(both).toMatch(
      /^NAME              DATA   AGE\nconfigmap\/alpha   1      \d+s\n\nNAME           TYPE                 DATA   AGE\nsecret\/token   example\.com\/custom   0      \d+s\n$/,
    );
  });

  it('-o json and -o yaml wrap a list in a v1 List', async () => {
    const json = await ok(t, ['-n', ns, 'get', 'cm', '-l', 'tier=front', '-o', 'json']);
    expect(json.startsWith('{\n    "apiVersion": "v1",\n    "items": [\n        {\n            "apiVersion": "v1",\n')).toBe(true);
    expect(json.endsWith('    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n')).toBe(true);
    const list = JSON.parse(json);
    expect(list.items.map((i: { kind: string; metadata: { name: string } }) => `${i.kind}/${i.metadata.name}`)).toEqual(['ConfigMap/alpha', 'ConfigMap/bravo']);
    const yaml = await ok(t, ['-n', ns, 'get', 'cm', 'alpha', 'bravo', '-o', 'yaml']);
    expect(yaml.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n  data:\n    k0: v0\n  kind: ConfigMap\n  metadata:\n')).toBe(true);
    expect(yaml.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
    const empty = await ok(t, ['-n', ns, 'get', 'pods', '-o', 'json']);
    expect(empty).toBe('{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
  });

  it('-o jsonpath ranges over a list; custom-columns from a file; go-template over items', async () => {
    const jp = await ok(t, ['-n', ns, 'get', 'cm', '-o', 'jsonpath={range .items[*]}{.metadata.name}:{.metadata.labels.tier}{"\\n"}{end}']);
    expect(jp).toBe('alpha:front\nbravo:front\ncharlie:back\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', '-o', 'jsonpath={.items[*].metadata.name}'])).toBe('alpha bravo charlie');
    expect(await ok(t, ['-n', ns, 'get', 'cm', '-o', 'jsonpath={.items[?(@.metadata.labels.tier=="back")].metadata.name}'])).toBe('charlie');
    const file = join(t.home, 'columns.txt');
    writeFileSync(file, 'NAME          TIER\n.metadata.name .metadata.labels.tier\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', '-o', `custom-columns-file=${file}`])).toBe('NAME      TIER\nalpha     front\nbravo     front\ncharlie   back\n');
    const tpl = await ok(t, ['-n', ns, 'get', 'cm', '-o', 'go-template={{range .items}}{{.metadata.name}}={{len .data}} {{end}}']);
    expect(tpl).toBe('alpha=1 bravo=2 charlie=3 ');
  });

  it('--show-kind, --show-labels and -L', async () => {
    const out = lines(await ok(t, ['-n', ns, 'get', 'cm', 'alpha', '--show-kind', '--show-labels']));
    expect(out[0]).toBe('NAME              DATA   AGE   LABELS');
    expect(out[1]).toMatch(/^configmap\/alpha   1      \d+s +tier=front$/);
    const cols = lines(await ok(t, ['-n', ns, 'get', 'cm', '-L', 'tier', '--sort-by=.metadata.name']));
    expect(cols[0]).toBe('NAME      DATA   AGE   TIER');
    expect(cols[3]).toMatch(/^charlie   3      \d+s +back$/);
  });
});

describe('kubectl output: discovery', () => {
  it('api-resources lists short names, groups and kinds', async () => {
    const out = lines(await ok(t, ['api-resources']));
    expect(out[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND$/);
    const rows = new Map(out.slice(1).map((l) => [l.split(/\s+/)[0] + '@' + l.split(/\s+/).at(-3), l.split(/\s+/)]));
    expect(rows.get('configmaps@v1')).toEqual(['configmaps', 'cm', 'v1', 'true', 'ConfigMap']);
    expect(rows.get('secrets@v1')).toEqual(['secrets', 'v1', 'true', 'Secret']);
    expect(rows.get('services@v1')).toEqual(['services', 'svc', 'v1', 'true', 'Service']);
    expect(rows.get('pods@v1')).toEqual(['pods', 'po', 'v1', 'true', 'Pod']);
    expect(rows.get('deployments@apps/v1')).toEqual(['deployments', 'deploy', 'apps/v1', 'true', 'Deployment']);
    expect(rows.get('namespaces@v1')).toEqual(['namespaces', 'ns', 'v1', 'false', 'Namespace']);
  });

  it('api-resources --namespaced=false and --api-group', async () => {
    const cluster = lines(await ok(t, ['api-resources', '--namespaced=false', '-o', 'name']));
    expect(cluster).toContain('namespaces');
    expect(cluster).toContain('nodes');
    expect(cluster).not.toContain('pods');
    const namespaced = lines(await ok(t, ['api-resources', '--namespaced=true', '-o', 'name']));
    expect(namespaced).toEqual(expect.arrayContaining(['configmaps', 'pods', 'secrets', 'services', 'deployments.apps']));
    expect(namespaced).not.toContain('namespaces');
    const apps = lines(await ok(t, ['api-resources', '--api-group=apps', '-o', 'name']));
    expect(apps).toEqual(expect.arrayContaining(['deployments.apps', 'replicasets.apps']));
    expect(apps.every((n) => n.endsWith('.apps'))).toBe(true);
  });

  it('api-resources -o wide shows verbs and categories', async () => {
    const out = lines(await ok(t, ['api-resources', '-o', 'wide']));
    expect(out[0]).toMatch(/^NAME +SHORTNAMES +APIVERSION +NAMESPACED +KIND +VERBS +CATEGORIES$/);
    const row = (name: string, version: string) => out.find((l) => l.startsWith(`${name} `) && l.includes(` ${version} `))?.trim().split(/\s+/);
    const all = 'create,delete,deletecollection,get,list,patch,update,watch';
    expect(row('configmaps', 'v1')).toEqual(['configmaps', 'cm', 'v1', 'true', 'ConfigMap', all]);
    expect(row('secrets', 'v1')).toEqual(['secrets', 'v1', 'true', 'Secret', all]);
    expect(row('pods', 'v1')).toEqual(['pods', 'po', 'v1', 'true', 'Pod', all, 'all']);
    expect(row('deployments', 'apps/v1')).toEqual(['deployments', 'deploy', 'apps/v1', 'true', 'Deployment', all, 'all']);
    expect(row('namespaces', 'v1')).toEqual(['namespaces', 'ns', 'v1', 'false', 'Namespace', 'create,delete,get,list,patch,update,watch']);
    const listable = lines(await ok(t, ['api-resources', '--verbs=list,watch', '--api-group=', '-o', 'name']));
    expect(listable).toEqual(expect.arrayContaining(['configmaps', 'pods', 'secrets', 'services']));
  });

  it('api-versions lists the served group versions', async () => {
    const out = lines(await ok(t, ['api-versions']));
    expect(out).toEqual(expect.arrayContaining(['v1', 'apps/v1', 'coordination.k8s.io/v1', 'discovery.k8s.io/v1', 'events.k8s.io/v1']));
    expect([...out].sort()).toEqual(out);
  });

  it('explain of an unknown field is a client-side error', async () => {
    const r = await t.kubectl(['explain', 'pods.spec.nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: field "nope" does not exist\n');
  });
});

describe('kubectl output: namespaces and service accounts', () => {
  it('creates both with the typed create commands (protobuf bodies) and prints their tables', async () => {
    const ns = await t.kubectl(['create', 'namespace', 'typed-ns']);
    expect(ns.stderr).toBe('');
    expect(ns.stdout).toBe('namespace/typed-ns created\n');
    const nsTable = lines(await ok(t, ['get', 'namespace', 'typed-ns']));
    expect(nsTable[0]).toBe('NAME       STATUS   AGE');
    expect(nsTable[1]).toMatch(/^typed-ns   Active   \d+s$/);
    const sa = await t.kubectl(['-n', 'typed-ns', 'create', 'serviceaccount', 'robot']);
    expect(sa.stderr).toBe('');
    expect(sa.stdout).toBe('serviceaccount/robot created\n');
    const saTable = lines(await ok(t, ['-n', 'typed-ns', 'get', 'serviceaccount', 'robot']));
    expect(saTable[0]).toBe('NAME    SECRETS   AGE');
    expect(saTable[1]).toMatch(/^robot   0         \d+s$/);
    const dup = await t.kubectl(['create', 'namespace', 'typed-ns']);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toBe('Error from server (AlreadyExists): namespaces "typed-ns" already exists\n');
  });
});

describe('kubectl output: chunked lists and many objects at once', () => {
  it('--chunk-size pages through limit/continue and prints every item once', async () => {
    await createNamespace(t, 'output-chunks');
    const manifests = Array.from({ length: 5 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`).join('---\n');
    expect(await ok(t, ['-n', 'output-chunks', 'create', '-f', '-'], manifests)).toBe(Array.from({ length: 5 }, (_, i) => `configmap/c${i} created\n`).join(''));
    const paged = await ok(t, ['-n', 'output-chunks', 'get', 'cm', '--chunk-size=2', '-o', 'name']);
    expect(paged).toBe(Array.from({ length: 5 }, (_, i) => `configmap/c${i}\n`).join(''));
    const table = lines(await ok(t, ['-n', 'output-chunks', 'get', 'cm', '--chunk-size=2']));
    expect(table).toHaveLength(6);
    expect(table[0]).toBe('NAME   DATA   AGE');
  });

  it('a multi-document manifest applies each object in turn', async () => {
    await createNamespace(t, 'output-multi');
    const docs = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: m1\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: m2\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: m3\nspec:\n  ports:\n  - port: 80\n';
    expect(await ok(t, ['-n', 'output-multi', 'apply', '-f', '-'], docs)).toBe('configmap/m1 created\nsecret/m2 created\nservice/m3 created\n');
    expect(await ok(t, ['-n', 'output-multi', 'apply', '-f', '-'], docs)).toBe('configmap/m1 unchanged\nsecret/m2 unchanged\nservice/m3 unchanged\n');
    expect(await ok(t, ['-n', 'output-multi', 'delete', '-f', '-'], docs)).toBe('configmap "m1" deleted\nsecret "m2" deleted\nservice "m3" deleted\n');
  });

  it('generateName gets a five-character suffix', async () => {
    await createNamespace(t, 'output-generate');
    const out = await ok(t, ['-n', 'output-generate', 'create', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'gen-' } }));
    expect(out).toMatch(/^configmap\/gen-[bcdfghjklmnpqrstvwxz2456789]{5} created\n$/);
  });

  it('delete --dry-run=server says so and keeps the object', async () => {
    expect(await ok(t, ['-n', ns, 'delete', 'cm', 'alpha', '--dry-run=server'])).toBe('configmap "alpha" deleted (server dry run)\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'alpha', '-o', 'name'])).toBe('configmap/alpha\n');
  });
});
