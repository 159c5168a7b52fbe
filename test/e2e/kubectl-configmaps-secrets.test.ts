// Real kubectl against kubesim: ConfigMaps and Secrets through every verb a user types.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KUBECTL, startTestCluster, type TestCluster } from './harness.js';
import { createNamespace, lines, ok, withManifest } from './kubectl-fixtures.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(async () => {
  await t.stop();
});

const cm = (name: string, data: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
  ...extra,
});

describe('kubectl: configmaps', () => {
  it('creates with `kubectl create configmap --from-literal` (protobuf body)', async () => {
    await createNamespace(t, 'cm-imperative');
    const r = await t.kubectl(['-n', 'cm-imperative', 'create', 'configmap', 'lit', '--from-literal=a=1', '--from-literal=b=two']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('configmap/lit created\n');
    const got = JSON.parse(await ok(t, ['-n', 'cm-imperative', 'get', 'configmap', 'lit', '-o', 'json']));
    expect(got.data).toEqual({ a: '1', b: 'two' });
  });

  it('creates with -f and prints every output format', async () => {
    const ns = 'cm-formats';
    await createNamespace(t, ns);
    const created = await withManifest(t, ns, ['create'], cm('settings', { color: 'blue', size: 'L' }));
    expect(created.stdout).toBe('configmap/settings created\n');

    const table = lines(await ok(t, ['-n', ns, 'get', 'configmap', 'settings']));
    expect(table[0]).toBe('NAME       DATA   AGE');
    expect(table[1]).toMatch(/^settings   2      \d+s$/);
    expect(table).toHaveLength(2);

    const wide = lines(await ok(t, ['-n', ns, 'get', 'cm', 'settings', '-o', 'wide']));
    expect(wide[0]).toBe('NAME       DATA   AGE');
    expect(wide[1]).toMatch(/^settings   2      \d+s$/);

    const json = await ok(t, ['-n', ns, 'get', 'cm', 'settings', '-o', 'json']);
    expect(json.startsWith('{\n    "apiVersion": "v1",\n    "data": {\n        "color": "blue",\n        "size": "L"\n    },\n    "kind": "ConfigMap",\n')).toBe(true);
    const obj = JSON.parse(json);
    expect(Object.keys(obj.metadata).sort()).toEqual(['creationTimestamp', 'name', 'namespace', 'resourceVersion', 'uid']);
    expect(obj.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(obj.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const yaml = await ok(t, ['-n', ns, 'get', 'cm', 'settings', '-o', 'yaml']);
    expect(yaml).toBe(
      [
        'apiVersion: v1',
        'data:',
        '  color: blue',
        '  size: L',
        'kind: ConfigMap',
        'metadata:',
        `  creationTimestamp: "${obj.metadata.creationTimestamp}"`,
        '  name: settings',
        `  namespace: ${ns}`,
        `  resourceVersion: "${obj.metadata.resourceVersion}"`,
        `  uid: ${obj.metadata.uid}`,
        '',
      ].join('\n'),
    );

    expect(await ok(t, ['-n', ns, 'get', 'cm', 'settings', '-o', 'name'])).toBe('configmap/settings\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'settings', '-o', 'jsonpath={.data.color}/{.data.size}'])).toBe('blue/L');
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'settings', '-o', 'custom-columns=NAME:.metadata.name,COLOR:.data.color,MISSING:.data.nope'])).toBe(
      'NAME       COLOR   MISSING\nsettings   blue    <none>\n',
    );
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'settings', '-o', 'go-template={{range $k, $v := .data}}{{$k}}={{$v}};{{end}}'])).toBe('color=blue;size=L;');
  });

  it('applies twice (created, unchanged), then a change (configured)', async () => {
    const ns = 'cm-apply';
    await createNamespace(t, ns);
    const first = await withManifest(t, ns, ['apply'], cm('app', { k: 'v1' }));
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('configmap/app created\n');
    const second = await withManifest(t, ns, ['apply'], cm('app', { k: 'v1' }));
    expect(second.stdout).toBe('configmap/app unchanged\n');
    const third = await withManifest(t, ns, ['apply'], cm('app', { k: 'v2', added: 'x' }));
    expect(third.stdout).toBe('configmap/app configured\n');
    const got = JSON.parse(await ok(t, ['-n', ns, 'get', 'cm', 'app', '-o', 'json']));
    expect(got.data).toEqual({ k: 'v2', added: 'x' });
    const lastApplied = JSON.parse(got.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration']);
    expect(lastApplied.data).toEqual({ k: 'v2', added: 'x' });
    // Dropping a key from the manifest removes it: the three-way merge sees it in last-applied.
    const fourth = await withManifest(t, ns, ['apply'], cm('app', { k: 'v2' }));
    expect(fourth.stdout).toBe('configmap/app configured\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'app', '-o', 'jsonpath={.data}'])).toBe('{"k":"v2"}');
  });

  it('patches with --type=json, --type=merge and the strategic default', async () => {
    const ns = 'cm-patch';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], cm('p', { a: '1', b: '2' }));
    const json = await t.kubectl(['-n', ns, 'patch', 'cm', 'p', '--type=json', '-p', '[{"op":"add","path":"/data/c","value":"3"},{"op":"remove","path":"/data/a"}]']);
    expect(json.stdout).toBe('configmap/p patched\n');
    const merge = await t.kubectl(['-n', ns, 'patch', 'cm', 'p', '--type=merge', '-p', '{"data":{"b":null,"d":"4"}}']);
    expect(merge.stdout).toBe('configmap/p patched\n');
    const strategic = await t.kubectl(['-n', ns, 'patch', 'cm', 'p', '-p', '{"data":{"e":"5"}}']);
    expect(strategic.stdout).toBe('configmap/p patched\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'p', '-o', 'jsonpath={.data}'])).toBe('{"c":"3","d":"4","e":"5"}');
    const again = await t.kubectl(['-n', ns, 'patch', 'cm', 'p', '-p', '{"data":{"e":"5"}}']);
    expect(again.stdout).toBe('configmap/p patched (no change)\n');
    const failedTest = await t.kubectl(['-n', ns, 'patch', 'cm', 'p', '--type=json', '-p', '[{"op":"test","path":"/data/c","value":"nope"}]']);
    expect(failedTest.code).toBe(1);
    expect(failedTest.stderr).toBe('The request is invalid: the server rejected our request due to an error in our request\n');
  });

  it('labels and annotates: add, refuse without --overwrite, overwrite, remove', async () => {
    const ns = 'cm-labels';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], cm('l', { a: '1' }));
    expect(await ok(t, ['-n', ns, 'label', 'cm', 'l', 'tier=web'])).toBe('configmap/l labeled\n');
    const clash = await t.kubectl(['-n', ns, 'label', 'cm', 'l', 'tier=db']);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toBe("error: 'tier' already has a value (web), and --overwrite is false\n");
    expect(await ok(t, ['-n', ns, 'label', 'cm', 'l', 'tier=db', '--overwrite'])).toBe('configmap/l labeled\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', '-l', 'tier=db', '-o', 'name'])).toBe('configmap/l\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'l', '--show-labels'])).toMatch(/^NAME   DATA   AGE   LABELS\nl      1      \d+s +tier=db\n$/);
    expect(await ok(t, ['-n', ns, 'label', 'cm', 'l', 'tier-'])).toBe('configmap/l unlabeled\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'l', '-o', 'jsonpath={.metadata.labels.tier}'])).toBe('');

    expect(await ok(t, ['-n', ns, 'annotate', 'cm', 'l', 'owner=alice'])).toBe('configmap/l annotated\n');
    const aclash = await t.kubectl(['-n', ns, 'annotate', 'cm', 'l', 'owner=bob']);
    expect(aclash.code).toBe(1);
    expect(aclash.stderr).toBe("error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (alice)\n");
    expect(await ok(t, ['-n', ns, 'annotate', 'cm', 'l', 'owner=bob', '--overwrite'])).toBe('configmap/l annotated\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'l', '-o', 'jsonpath={.metadata.annotations.owner}'])).toBe('bob');
    expect(await ok(t, ['-n', ns, 'annotate', 'cm', 'l', 'owner-'])).toBe('configmap/l annotated\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'l', '-o', 'jsonpath={.metadata.annotations.owner}'])).toBe('');
  });

  it('removing the last label, annotation or key leaves no empty map behind', async () => {
    // kube-apiserver serialises from Go structs whose maps are `omitempty`: an emptied map is not printed.
    const ns = 'cm-empty-maps';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], { ...cm('e', { only: '1' }), metadata: { name: 'e', labels: { l: '1' }, annotations: { a: '1' } } });
    await ok(t, ['-n', ns, 'label', 'cm', 'e', 'l-']);
    await ok(t, ['-n', ns, 'annotate', 'cm', 'e', 'a-']);
    await ok(t, ['-n', ns, 'patch', 'cm', 'e', '--type=json', '-p', '[{"op":"remove","path":"/data/only"}]']);
    const obj = JSON.parse(await ok(t, ['-n', ns, 'get', 'cm', 'e', '-o', 'json']));
    expect(Object.keys(obj).sort()).toEqual(['apiVersion', 'kind', 'metadata']);
    expect(Object.keys(obj.metadata).sort()).toEqual(['creationTimestamp', 'name', 'namespace', 'resourceVersion', 'uid']);
  });

  it('deletes, and says NotFound for a missing one', async () => {
    const ns = 'cm-delete';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], cm('gone', { a: '1' }));
    expect(await ok(t, ['-n', ns, 'delete', 'configmap', 'gone'])).toBe('configmap "gone" deleted\n');
    const again = await t.kubectl(['-n', ns, 'delete', 'configmap', 'gone']);
    expect(again.code).toBe(1);
    expect(again.stdout).toBe('');
    expect(again.stderr).toBe('Error from server (NotFound): configmaps "gone" not found\n');
    const fromFile = await withManifest(t, ns, ['delete'], cm('gone', {}));
    expect(fromFile.stderr).toBe('Error from server (NotFound): error when deleting "STDIN": configmaps "gone" not found\n');
    const ignored = await t.kubectl(['-n', ns, 'delete', 'configmap', 'gone', '--ignore-not-found']);
    expect(ignored).toEqual({ stdout: '', stderr: '', code: 0 });
  });

  it('dry-run=server stores nothing but prints the object the server would store', async () => {
    const ns = 'cm-dry';
    await createNamespace(t, ns);
    const r = await withManifest(t, ns, ['create', '--dry-run=server', '-o', 'json'], cm('dry', { a: '1' }));
    expect(r.stderr).toBe('');
    const obj = JSON.parse(r.stdout);
    expect(obj.metadata.namespace).toBe(ns);
    expect(obj.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(obj.metadata.creationTimestamp).toBeDefined();
    expect(obj.metadata.resourceVersion).toBeUndefined();
    const text = await withManifest(t, ns, ['create', '--dry-run=server'], cm('dry', { a: '1' }));
    expect(text.stdout).toBe('configmap/dry created (server dry run)\n');
    const get = await t.kubectl(['-n', ns, 'get', 'cm', 'dry']);
    expect(get.stderr).toBe('Error from server (NotFound): configmaps "dry" not found\n');
  });

  it('refuses to change an immutable ConfigMap, naming each field', async () => {
    const ns = 'cm-immutable';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], cm('frozen', { a: '1' }, { immutable: true }));
    const r = await t.kubectl(['-n', ns, 'patch', 'cm', 'frozen', '--type=merge', '-p', '{"immutable":false,"data":{"a":"2"}}']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'The ConfigMap "frozen" is invalid: \n* immutable: Forbidden: field is immutable when `immutable` is set\n* data: Forbidden: field is immutable when `immutable` is set\n',
    );
  });

  it('creates from files, edits in an editor, replaces, and diffs', async () => {
    const ns = 'cm-edit';
    await createNamespace(t, ns);
    const file = join(t.home, 'app.properties');
    writeFileSync(file, 'color=blue\n');
    expect(await ok(t, ['-n', ns, 'create', 'configmap', 'files', `--from-file=${file}`])).toBe('configmap/files created\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'files', '-o', 'jsonpath={.data.app\\.properties}'])).toBe('color=blue\n');

    // kubectl edit runs $KUBE_EDITOR on a temporary YAML file, then sends the change as a patch.
    const editor = join(t.home, 'editor.sh');
    writeFileSync(editor, '#!/bin/sh\nsed -i "s/color=blue/color=red/" "$1"\n');
    chmodSync(editor, 0o755);
    const edited = await t.run('env', [`KUBE_EDITOR=${editor}`, KUBECTL, '-n', ns, 'edit', 'configmap', 'files']);
    expect(edited.stderr).toBe('');
    expect(edited.stdout).toBe('configmap/files edited\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'files', '-o', 'jsonpath={.data.app\\.properties}'])).toBe('color=red\n');
    const unchanged = await t.run('env', [`KUBE_EDITOR=${editor}`, KUBECTL, '-n', ns, 'edit', 'configmap', 'files']);
    expect(unchanged.stderr).toBe('Edit cancelled, no changes made.\n');

    const live = JSON.parse(await ok(t, ['-n', ns, 'get', 'cm', 'files', '-o', 'json']));
    const replaced = await withManifest(t, ns, ['replace'], { ...live, data: { other: 'x' } });
    expect(replaced.stdout).toBe('configmap/files replaced\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'files', '-o', 'jsonpath={.data}'])).toBe('{"other":"x"}');

    await withManifest(t, ns, ['apply'], cm('diffed', { k: 'v1' }));
    const same = await withManifest(t, ns, ['diff'], cm('diffed', { k: 'v1' }));
    expect(same).toEqual({ stdout: '', stderr: '', code: 0 });
    const differs = await withManifest(t, ns, ['diff'], cm('diffed', { k: 'v2' }));
    expect(differs.code).toBe(1);
    expect(differs.stdout).toContain('\n data:\n-  k: v1\n+  k: v2\n kind: ConfigMap\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'diffed', '-o', 'jsonpath={.data.k}'])).toBe('v1');
  });

  it('describes a configmap', async () => {
    const ns = 'cm-describe';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], { ...cm('described', { key: 'value' }), binaryData: { bin: 'AAE=' } });
    const out = await ok(t, ['-n', ns, 'describe', 'configmap', 'described']);
    expect(out).toBe(
      [
        'Name:         described',
        `Namespace:    ${ns}`,
        'Labels:       <none>',
        'Annotations:  <none>',
        '',
        'Data',
        '====',
        'key:',
        '----',
        'value',
        '',
        '',
        'BinaryData',
        '====',
        'bin: 2 bytes',
        '',
        'Events:  <none>',
        '',
      ].join('\n'),
    );
  });

  it('deletes by label selector, in name order', async () => {
    const ns = 'cm-delete-selector';
    await createNamespace(t, ns);
    for (const name of ['b', 'a', 'c']) await withManifest(t, ns, ['create'], { ...cm(name, {}), metadata: { name, labels: { batch: name === 'c' ? 'no' : 'yes' } } });
    expect(await ok(t, ['-n', ns, 'delete', 'cm', '-l', 'batch=yes'])).toBe('configmap "a" deleted\nconfigmap "b" deleted\n');
    expect(await ok(t, ['-n', ns, 'get', 'cm', '-o', 'name'])).toBe('configmap/c\n');
    const none = await t.kubectl(['-n', ns, 'delete', 'cm', '-l', 'batch=yes']);
    expect(none).toEqual({ stdout: 'No resources found\n', stderr: '', code: 0 });
  });

  it('records who wrote each field in managedFields', async () => {
    const ns = 'cm-managed';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], cm('owned', { a: '1' }));
    await ok(t, ['-n', ns, 'label', 'cm', 'owned', 'x=y']);
    // Hidden by default, as kubectl 1.32 does...
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'owned', '-o', 'yaml'])).not.toContain('managedFields');
    // ...and shown on request: one entry per manager, each an Update with its fields.
    const obj = JSON.parse(await ok(t, ['-n', ns, 'get', 'cm', 'owned', '-o', 'json', '--show-managed-fields']));
    const entries = (obj.metadata.managedFields ?? []) as Array<{ manager: string; operation: string; apiVersion: string; fieldsType: string; fieldsV1: unknown }>;
    expect(entries.map((e) => [e.manager, e.operation, e.apiVersion, e.fieldsType])).toEqual([
      ['kubectl-create', 'Update', 'v1', 'FieldsV1'],
      ['kubectl-label', 'Update', 'v1', 'FieldsV1'],
    ]);
    expect(entries[0].fieldsV1).toEqual({ 'f:data': { '.': {}, 'f:a': {} } });
    expect(entries[1].fieldsV1).toEqual({ 'f:metadata': { 'f:labels': { '.': {}, 'f:x': {} } } });
  });
});

describe('kubectl: secrets', () => {
  it('creates with `kubectl create secret generic` (protobuf body)', async () => {
    await createNamespace(t, 'secret-imperative');
    const r = await t.kubectl(['-n', 'secret-imperative', 'create', 'secret', 'generic', 'creds', '--from-literal=user=admin']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('secret/creds created\n');
    expect(await ok(t, ['-n', 'secret-imperative', 'get', 'secret', 'creds', '-o', 'jsonpath={.type} {.data.user}'])).toBe('Opaque YWRtaW4=');
  });

  it('creates with -f: stringData folds into base64 data, type defaults to Opaque', async () => {
    const ns = 'secret-file';
    await createNamespace(t, ns);
    const r = await withManifest(t, ns, ['create'], { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { user: 'admin' }, data: { pw: 'cGFzcw==' } });
    expect(r.stdout).toBe('secret/s created\n');
    const obj = JSON.parse(await ok(t, ['-n', ns, 'get', 'secret', 's', '-o', 'json']));
    expect(obj.data).toEqual({ pw: 'cGFzcw==', user: 'YWRtaW4=' });
    expect(obj.stringData).toBeUndefined();
    expect(obj.type).toBe('Opaque');

    const table = lines(await ok(t, ['-n', ns, 'get', 'secrets']));
    expect(table[0]).toBe('NAME   TYPE     DATA   AGE');
    expect(table[1]).toMatch(/^s      Opaque   2      \d+s$/);
    const wide = lines(await ok(t, ['-n', ns, 'get', 'secret', 's', '-o', 'wide']));
    expect(wide[0]).toBe('NAME   TYPE     DATA   AGE');
    expect(await ok(t, ['-n', ns, 'get', 'secret', 's', '-o', 'name'])).toBe('secret/s\n');
    expect(await ok(t, ['-n', ns, 'get', 'secret', 's', '-o', 'jsonpath={.data.pw}'])).toBe('cGFzcw==');
    expect(await ok(t, ['-n', ns, 'get', 'secret', 's', '-o', 'go-template={{.data.user | base64decode}}'])).toBe('admin');
    expect(await ok(t, ['-n', ns, 'get', 'secret', 's', '-o', 'custom-columns=NAME:.metadata.name,TYPE:.type'])).toBe('NAME   TYPE\ns      Opaque\n');
    const yaml = await ok(t, ['-n', ns, 'get', 'secret', 's', '-o', 'yaml']);
    expect(yaml).toMatch(/^apiVersion: v1\ndata:\n  pw: cGFzcw==\n  user: YWRtaW4=\nkind: Secret\nmetadata:\n/);
    expect(yaml.endsWith('\ntype: Opaque\n')).toBe(true);
  });

  it('applies twice, then a change; patches; labels; deletes', async () => {
    const ns = 'secret-apply';
    await createNamespace(t, ns);
    const s = (v: string) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'a' }, data: { k: Buffer.from(v).toString('base64') } });
    expect((await withManifest(t, ns, ['apply'], s('one'))).stdout).toBe('secret/a created\n');
    expect((await withManifest(t, ns, ['apply'], s('one'))).stdout).toBe('secret/a unchanged\n');
    expect((await withManifest(t, ns, ['apply'], s('two'))).stdout).toBe('secret/a configured\n');
    expect(await ok(t, ['-n', ns, 'get', 'secret', 'a', '-o', 'jsonpath={.data.k}'])).toBe('dHdv');
    // stringData never comes back from the server, so the three-way patch always carries it:
    // re-applying a stringData manifest says "configured" on a real cluster too.
    const sd = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'b' }, stringData: { k: 'v' } };
    expect((await withManifest(t, ns, ['apply'], sd)).stdout).toBe('secret/b created\n');
    expect((await withManifest(t, ns, ['apply'], sd)).stdout).toBe('secret/b configured\n');
    expect(await ok(t, ['-n', ns, 'patch', 'secret', 'a', '--type=merge', '-p', '{"data":{"m":"bQ=="}}'])).toBe('secret/a patched\n');
    expect(await ok(t, ['-n', ns, 'patch', 'secret', 'a', '--type=json', '-p', '[{"op":"remove","path":"/data/m"}]'])).toBe('secret/a patched\n');
    expect(await ok(t, ['-n', ns, 'label', 'secret', 'a', 'x=y'])).toBe('secret/a labeled\n');
    expect(await ok(t, ['-n', ns, 'delete', 'secret', 'a'])).toBe('secret "a" deleted\n');
    const missing = await t.kubectl(['-n', ns, 'get', 'secret', 'a']);
    expect(missing.stderr).toBe('Error from server (NotFound): secrets "a" not found\n');
  });

  it('validates typed secrets: a TLS secret needs tls.crt and tls.key', async () => {
    const ns = 'secret-tls';
    await createNamespace(t, ns);
    const r = await withManifest(t, ns, ['create'], { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'cert' }, type: 'kubernetes.io/tls', data: { other: 'eA==' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('The Secret "cert" is invalid: \n* data[tls.crt]: Required value\n* data[tls.key]: Required value\n');
  });

  it('dry-run=server shows the defaulted secret and stores nothing', async () => {
    const ns = 'secret-dry';
    await createNamespace(t, ns);
    const r = await withManifest(t, ns, ['create', '--dry-run=server', '-o', 'yaml'], { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'd' }, stringData: { a: 'b' } });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^apiVersion: v1\ndata:\n  a: Yg==\nkind: Secret\n/);
    expect(r.stdout).toMatch(/\ntype: Opaque\n$/);
    expect(r.stdout).not.toContain('resourceVersion');
    expect((await t.kubectl(['-n', ns, 'get', 'secret', 'd'])).stderr).toBe('Error from server (NotFound): secrets "d" not found\n');
  });
  it('creates a docker-registry secret (protobuf body)', async () => {
    const ns = 'secret-registry';
    await createNamespace(t, ns);
    const r = await t.kubectl(['-n', ns, 'create', 'secret', 'docker-registry', 'reg', '--docker-server=registry.example.com', '--docker-username=u', '--docker-password=p']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('secret/reg created\n');
    const table = lines(await ok(t, ['-n', ns, 'get', 'secret', 'reg']));
    expect(table[0]).toBe('NAME   TYPE                             DATA   AGE');
    expect(table[1]).toMatch(/^reg    kubernetes\.io\/dockerconfigjson   1      \d+s$/);
    const config = JSON.parse(Buffer.from(await ok(t, ['-n', ns, 'get', 'secret', 'reg', '-o', 'jsonpath={.data.\\.dockerconfigjson}']), 'base64').toString());
    expect(config.auths['registry.example.com']).toMatchObject({ username: 'u', password: 'p', auth: Buffer.from('u:p').toString('base64') });
  });

  it('patches strategically and annotates', async () => {
    const ns = 'secret-patch';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'p' }, data: { a: 'YQ==' } });
    expect(await ok(t, ['-n', ns, 'patch', 'secret', 'p', '-p', '{"stringData":{"b":"bee"}}'])).toBe('secret/p patched\n');
    expect(await ok(t, ['-n', ns, 'get', 'secret', 'p', '-o', 'jsonpath={.data}'])).toBe('{"a":"YQ==","b":"YmVl"}');
    expect(await ok(t, ['-n', ns, 'annotate', 'secret', 'p', 'rotated=yes'])).toBe('secret/p annotated\n');
    expect(await ok(t, ['-n', ns, 'annotate', 'secret', 'p', 'rotated=no', '--overwrite'])).toBe('secret/p annotated\n');
    expect(await ok(t, ['-n', ns, 'get', 'secret', 'p', '-o', 'jsonpath={.metadata.annotations.rotated}'])).toBe('no');
    expect(await ok(t, ['-n', ns, 'annotate', 'secret', 'p', 'rotated-'])).toBe('secret/p annotated\n');
    expect(await ok(t, ['-n', ns, 'label', 'secret', 'p', 'x=1'])).toBe('secret/p labeled\n');
    expect(await ok(t, ['-n', ns, 'label', 'secret', 'p', 'x-'])).toBe('secret/p unlabeled\n');
  });
});
