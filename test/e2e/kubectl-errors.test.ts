// Real kubectl against kubesim: the error text a user reads, byte for byte as against kube-apiserver 1.32.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './harness.js';
import { createNamespace, ok, withManifest } from './kubectl-fixtures.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
  await createNamespace(t, 'errors');
});
afterAll(async () => {
  await t.stop();
});

const ns = 'errors';
const cm = (name: string, data: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name },
  data,
  ...extra,
});

describe('kubectl errors: NotFound', () => {
  it('for each resource, on get and delete', async () => {
    const cases: Array<[string, string]> = [
      ['configmap', 'configmaps'],
      ['secret', 'secrets'],
      ['pod', 'pods'],
      ['service', 'services'],
      ['deployment', 'deployments.apps'],
    ];
    for (const [kind, resource] of cases) {
      for (const verb of ['get', 'delete']) {
        const r = await t.kubectl(['-n', ns, verb, kind, 'missing']);
        expect(r.code, `${verb} ${kind}`).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(`Error from server (NotFound): ${resource} "missing" not found\n`);
      }
    }
  });

  it('one line per missing name, after the rows that were found', async () => {
    await withManifest(t, ns, ['create'], cm('present'));
    const r = await t.kubectl(['-n', ns, 'get', 'configmap', 'absent1', 'present', 'absent2', '-o', 'name']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('configmap/present\n');
    expect(r.stderr).toBe('Error from server (NotFound): configmaps "absent1" not found\nError from server (NotFound): configmaps "absent2" not found\n');
  });

  it('for a missing namespace when creating into it', async () => {
    const r = await withManifest(t, 'no-such-ns', ['create'], cm('x'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): error when creating "STDIN": namespaces "no-such-ns" not found\n');
  });

  it('for an unknown resource type (from discovery)', async () => {
    const r = await t.kubectl(['get', 'flurbles']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: the server doesn\'t have a resource type "flurbles"\n');
  });
});

describe('kubectl errors: AlreadyExists', () => {
  it('from create -f', async () => {
    await withManifest(t, ns, ['create'], cm('dup'));
    const r = await withManifest(t, ns, ['create'], cm('dup'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (AlreadyExists): error when creating "STDIN": configmaps "dup" already exists\n');
  });

  it('from kubectl run and the typed create commands (protobuf bodies)', async () => {
    await ok(t, ['-n', ns, 'run', 'dup-pod', '--image=nginx']);
    const run = await t.kubectl(['-n', ns, 'run', 'dup-pod', '--image=nginx']);
    expect(run.stderr).toBe('Error from server (AlreadyExists): pods "dup-pod" already exists\n');

    await ok(t, ['-n', ns, 'create', 'configmap', 'dup-cm']);
    const c = await t.kubectl(['-n', ns, 'create', 'configmap', 'dup-cm']);
    expect(c.stderr).toBe('error: failed to create configmap: configmaps "dup-cm" already exists\n');

    await ok(t, ['-n', ns, 'create', 'deployment', 'dup-deploy', '--image=nginx']);
    const d = await t.kubectl(['-n', ns, 'create', 'deployment', 'dup-deploy', '--image=nginx']);
    expect(d.stderr).toBe('error: failed to create deployment: deployments.apps "dup-deploy" already exists\n');
  });
});

describe('kubectl errors: Invalid', () => {
  it('prints one cause on the same line', async () => {
    const r = await withManifest(t, ns, ['create'], cm('badkey', { 'a b': 'x' }));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'The ConfigMap "badkey" is invalid: data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, \'-\', \'_\' or \'.\' (e.g. \'key.name\',  or \'KEY_NAME\',  or \'key-name\', regex used for validation is \'[-._a-zA-Z0-9]+\')\n',
    );
  });

  it('prints several causes as a list, in validation order', async () => {
    const r = await withManifest(t, ns, ['create'], {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'Bad_Pod' },
      spec: { containers: [{ name: 'c', image: '' }, { name: 'c', image: 'x', ports: [{ containerPort: 70000 }] }] },
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'The Pod "Bad_Pod" is invalid: \n' +
        "* metadata.name: Invalid value: \"Bad_Pod\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n" +
        '* spec.containers[0].image: Required value\n' +
        '* spec.containers[1].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive\n' +
        '* spec.containers[1].name: Duplicate value: "c"\n',
    );
  });

  it('a missing name', async () => {
    const r = await t.kubectl(['-n', ns, 'create', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('The ConfigMap "" is invalid: metadata.name: Required value: name or generateName is required\n');
  });
});

describe('kubectl errors: Conflict and Forbidden', () => {
  it('replace with a stale resourceVersion', async () => {
    await withManifest(t, ns, ['create'], cm('stale', { a: '1' }));
    const old = JSON.parse(await ok(t, ['-n', ns, 'get', 'cm', 'stale', '-o', 'json']));
    await ok(t, ['-n', ns, 'patch', 'cm', 'stale', '--type=merge', '-p', '{"data":{"a":"2"}}']);
    const r = await withManifest(t, ns, ['replace'], { ...old, data: { a: '3' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'Error from server (Conflict): error when replacing "STDIN": Operation cannot be fulfilled on configmaps "stale": the object has been modified; please apply your changes to the latest version and try again\n',
    );
  });

  it('a patch carrying a stale resourceVersion', async () => {
    await withManifest(t, ns, ['create'], cm('precondition', { a: '1' }));
    const r = await t.kubectl(['-n', ns, 'patch', 'cm', 'precondition', '--type=merge', '-p', '{"metadata":{"resourceVersion":"1"},"data":{"a":"2"}}']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'Error from server (Conflict): Operation cannot be fulfilled on configmaps "precondition": the object has been modified; please apply your changes to the latest version and try again\n',
    );
  });

  it('changing an immutable field', async () => {
    await withManifest(t, ns, ['create'], { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'typed-secret' }, type: 'example.com/one' });
    const r = await t.kubectl(['-n', ns, 'patch', 'secret', 'typed-secret', '--type=merge', '-p', '{"type":"example.com/two"}']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('The Secret "typed-secret" is invalid: type: Invalid value: "example.com/two": field is immutable\n');
  });

  it('creating into a terminating namespace', async () => {
    await createNamespace(t, 'errors-ending');
    expect(await ok(t, ['delete', 'namespace', 'errors-ending', '--wait=false'])).toBe('namespace "errors-ending" deleted\n');
    // With no namespace controller to finalize it, the namespace stays Terminating.
    expect(await ok(t, ['get', 'namespace', 'errors-ending', '-o', 'jsonpath={.status.phase}'])).toBe('Terminating');
    const r = await withManifest(t, 'errors-ending', ['create'], cm('late'));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'Error from server (Forbidden): error when creating "STDIN": configmaps "late" is forbidden: unable to create new content in namespace errors-ending because it is being terminated\n',
    );
  });
});

describe('kubectl errors: selectors', () => {
  it('bad label selectors', async () => {
    const cases: Array<[string, string]> = [
      ['a=b=c', "found '=', expected: ',' or 'end of string'"],
      ['a in (x', "unable to parse requirement: found '', expected: ',' or ')'"],
      ['!!', "unable to parse requirement: found '!', expected: identifier"],
    ];
    for (const [selector, message] of cases) {
      const r = await t.kubectl(['-n', ns, 'get', 'pods', '-l', selector]);
      expect(r.code, selector).toBe(1);
      expect(r.stderr).toBe(`Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "${selector}", field selector "": ${message}\n`);
    }
  });

  it('an unsupported field selector', async () => {
    const r = await t.kubectl(['-n', ns, 'get', 'pods', '--field-selector=spec.foo=bar']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "spec.foo=bar": field label not supported: spec.foo\n');
    const d = await t.kubectl(['-n', ns, 'get', 'deployments', '--field-selector=spec.replicas=1']);
    // Kinds without their own field-label conversion fall back to the metadata-only one.
    expect(d.stderr).toBe(
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "spec.replicas=1": "spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"\n',
    );
  });
});

describe('kubectl errors: decoding and field validation', () => {
  it('an unknown field is rejected under the default strict validation', async () => {
    const top = await withManifest(t, ns, ['create'], { ...cm('strict1'), foo: 'bar' });
    expect(top.code).toBe(1);
    expect(top.stderr).toBe('Error from server (BadRequest): error when creating "STDIN": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "foo"\n');
    const nested = await withManifest(t, ns, ['create'], {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'strict2' },
      spec: { containers: [{ name: 'c', image: 'nginx', unknownField: 1 }], bogus: true },
    });
    expect(nested.stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.bogus", unknown field "spec.containers[0].unknownField"\n',
    );
    const applied = await withManifest(t, ns, ['apply'], { ...cm('strict3'), foo: 'bar' });
    expect(applied.stderr).toBe('Error from server (BadRequest): error when creating "STDIN": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "foo"\n');
    expect((await t.kubectl(['-n', ns, 'get', 'cm', 'strict1', 'strict3'])).stderr).toBe(
      'Error from server (NotFound): configmaps "strict1" not found\nError from server (NotFound): configmaps "strict3" not found\n',
    );
  });

  it('--validate=warn stores the object and prints warnings; --validate=false is silent', async () => {
    const warn = await withManifest(t, ns, ['create', '--validate=warn'], { ...cm('warned', { a: '1' }), foo: 'bar', spec: {} });
    expect(warn.code).toBe(0);
    expect(warn.stderr).toBe('Warning: unknown field "foo"\nWarning: unknown field "spec"\n');
    expect(warn.stdout).toBe('configmap/warned created\n');
    const quiet = await withManifest(t, ns, ['create', '--validate=false'], { ...cm('quiet', { a: '1' }), foo: 'bar' });
    expect(quiet).toEqual({ stdout: 'configmap/quiet created\n', stderr: '', code: 0 });
    expect(await ok(t, ['-n', ns, 'get', 'cm', 'warned', '-o', 'jsonpath={.data.a}'])).toBe('1');
  });

  it('a value of the wrong type is a decoding error naming the Go field, not an internal error or a stored value', async () => {
    const container = (extra: Record<string, unknown>) => ({ name: 'c', image: 'nginx', ...extra });
    const cases: Array<[string, unknown, string]> = [
      [
        'configmap data',
        cm('typed', { a: 1 }),
        'ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal number into Go struct field ConfigMap.data of type string',
      ],
      [
        'deployment env value',
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'typed' },
          spec: { selector: { matchLabels: { app: 't' } }, template: { metadata: { labels: { app: 't' } }, spec: { containers: [container({ env: [{ name: 'A', value: 1 }] })] } } },
        },
        'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value of type string',
      ],
      [
        'pod args',
        { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'typed' }, spec: { containers: [container({ args: [true] })] } },
        'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal bool into Go struct field Container.spec.containers.args of type string',
      ],
      [
        'service port',
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'typed' }, spec: { ports: [{ port: '80' }] } },
        'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
      ],
    ];
    for (const [what, manifest, message] of cases) {
      const r = await withManifest(t, ns, ['create'], manifest);
      expect.soft(r.stderr, what).toBe(`Error from server (BadRequest): error when creating "STDIN": ${message}\n`);
      expect.soft(r.code, what).toBe(1);
    }
  });
});
