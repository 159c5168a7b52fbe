// Real kubectl against kubesim: Deployments (no controllers yet, so no ReplicaSets and an empty status).
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

const deployment = (name: string, replicas: number, containers: Array<Record<string, unknown>>, extraSpec: Record<string, unknown> = {}) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: { metadata: { labels: { app: name } }, spec: { containers } },
    ...extraSpec,
  },
});

const get = async (ns: string, name: string) => JSON.parse(await ok(t, ['-n', ns, 'get', 'deployment', name, '-o', 'json']));

describe('kubectl: deployments', () => {
  it('creates with `kubectl create deployment` (protobuf body)', async () => {
    const ns = 'deploy-imperative';
    await createNamespace(t, ns);
    const r = await t.kubectl(['-n', ns, 'create', 'deployment', 'web', '--image=nginx:1.27', '--replicas=2', '--port=80']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/web created\n');
    const obj = await get(ns, 'web');
    expect(obj.spec.replicas).toBe(2);
    expect(obj.spec.selector).toEqual({ matchLabels: { app: 'web' } });
    expect(obj.spec.template.spec.containers).toEqual([
      {
        name: 'nginx',
        image: 'nginx:1.27',
        imagePullPolicy: 'IfNotPresent',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        resources: {},
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
      },
    ]);
  });

  it('creates with -f: defaults, an empty status, and every output format', async () => {
    const ns = 'deploy-formats';
    await createNamespace(t, ns);
    const r = await withManifest(t, ns, ['create'], deployment('api', 2, [{ name: 'web', image: 'nginx:1.27' }, { name: 'side', image: 'busybox' }]));
    expect(r.stdout).toBe('deployment.apps/api created\n');

    const obj = await get(ns, 'api');
    expect(obj.metadata.generation).toBe(1);
    expect(obj.spec).toMatchObject({
      progressDeadlineSeconds: 600,
      revisionHistoryLimit: 10,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
    });
    expect(obj.spec.template.spec).toMatchObject({
      dnsPolicy: 'ClusterFirst',
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
    // DeploymentStatus is a struct, not a pointer: kube-apiserver always serialises it.
    expect.soft(obj.status).toEqual({});

    const table = lines(await ok(t, ['-n', ns, 'get', 'deployments']));
    expect(table[0]).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE');
    expect(table[1]).toMatch(/^api    0\/2     0            0           \d+s$/);
    const wide = lines(await ok(t, ['-n', ns, 'get', 'deploy', 'api', '-o', 'wide']));
    expect(wide[0]).toBe('NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES               SELECTOR');
    expect(wide[1]).toMatch(/^api    0\/2     0            0           \d+s +web,side     nginx:1\.27,busybox   app=api$/);
    expect(await ok(t, ['-n', ns, 'get', 'deploy', 'api', '-o', 'name'])).toBe('deployment.apps/api\n');
    expect(await ok(t, ['-n', ns, 'get', 'deploy', 'api', '-o', 'jsonpath={.spec.template.spec.containers[?(@.name=="side")].image}'])).toBe('busybox');
    expect(await ok(t, ['-n', ns, 'get', 'deploy', '-o', 'custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas,STRATEGY:.spec.strategy.type'])).toBe(
      'NAME   REPLICAS   STRATEGY\napi    2          RollingUpdate\n',
    );
    expect(await ok(t, ['-n', ns, 'get', 'deploy', 'api', '-o', 'go-template={{.spec.replicas}} {{len .spec.template.spec.containers}}'])).toBe('2 2');

    const yaml = await ok(t, ['-n', ns, 'get', 'deploy', 'api', '-o', 'yaml']);
    expect(yaml).toMatch(/^apiVersion: apps\/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: "[^"]+"\n  generation: 1\n  labels:\n    app: api\n  name: api\n  namespace: deploy-formats\n  resourceVersion: "\d+"\n  uid: [0-9a-f-]{36}\nspec:\n  progressDeadlineSeconds: 600\n  replicas: 2\n  revisionHistoryLimit: 10\n/);
    // kube-apiserver 1.32 serialises the template's zero creationTimestamp as null.
    expect.soft(yaml).toContain('  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: api\n    spec:\n');
    expect.soft(yaml.endsWith('      terminationGracePeriodSeconds: 30\nstatus: {}\n')).toBe(true);
  });

  it('applies twice (unchanged), then a change bumps the generation', async () => {
    const ns = 'deploy-apply';
    await createNamespace(t, ns);
    const m = (image: string) => deployment('a', 1, [{ name: 'web', image }]);
    expect((await withManifest(t, ns, ['apply'], m('nginx:1.26'))).stdout).toBe('deployment.apps/a created\n');
    expect((await withManifest(t, ns, ['apply'], m('nginx:1.26'))).stdout).toBe('deployment.apps/a unchanged\n');
    expect((await get(ns, 'a')).metadata.generation).toBe(1);
    expect((await withManifest(t, ns, ['apply'], m('nginx:1.27'))).stdout).toBe('deployment.apps/a configured\n');
    const obj = await get(ns, 'a');
    expect(obj.metadata.generation).toBe(2);
    expect(obj.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    // Metadata-only changes leave the generation alone.
    await ok(t, ['-n', ns, 'label', 'deploy', 'a', 'x=y']);
    expect((await get(ns, 'a')).metadata.generation).toBe(2);
  });

  it('apply removes, reorders and retains by the three-way merge', async () => {
    const ns = 'deploy-apply-lists';
    await createNamespace(t, ns);
    const web = (env: Array<[string, string]>, args: string[]) => ({ name: 'web', image: 'nginx', env: env.map(([name, value]) => ({ name, value })), args });
    const first = deployment('l', 1, [web([['A', '1'], ['B', '2'], ['C', '3']], ['x', 'y']), { name: 'side', image: 'busybox' }]);
    expect((await withManifest(t, ns, ['apply'], first)).stdout).toBe('deployment.apps/l created\n');
    // Drop B, reorder env and containers, drop an arg, and switch strategy: rollingUpdate was only
    // defaulted, never applied, so only the $retainKeys directive can clear it.
    const second = deployment('l', 1, [{ name: 'side', image: 'busybox' }, web([['C', '3'], ['A', '1']], ['y'])], { strategy: { type: 'Recreate' } });
    const r = await withManifest(t, ns, ['apply'], second);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/l configured\n');
    const obj = await get(ns, 'l');
    expect(obj.spec.strategy).toEqual({ type: 'Recreate' });
    expect(obj.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(['side', 'web']);
    expect(obj.spec.template.spec.containers[1].env).toEqual([
      { name: 'C', value: '3' },
      { name: 'A', value: '1' },
    ]);
    expect(obj.spec.template.spec.containers[1].args).toEqual(['y']);
    expect((await withManifest(t, ns, ['apply'], second)).stdout).toBe('deployment.apps/l unchanged\n');
  });

  it('server-side apply: applied, then applied again with no change', async () => {
    const ns = 'deploy-ssa';
    await createNamespace(t, ns);
    const m = deployment('s', 1, [{ name: 'web', image: 'nginx:1.27' }]);
    const first = await withManifest(t, ns, ['apply', '--server-side'], m);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe('deployment.apps/s serverside-applied\n');
    const second = await withManifest(t, ns, ['apply', '--server-side'], m);
    expect(second.stdout).toBe('deployment.apps/s serverside-applied\n');
    const obj = JSON.parse(await ok(t, ['-n', ns, 'get', 'deploy', 's', '-o', 'json', '--show-managed-fields']));
    expect(obj.metadata.managedFields.map((f: { manager: string; operation: string }) => `${f.manager}/${f.operation}`)).toEqual(['kubectl/Apply']);
  });

  it('server-side apply after client-side apply: kubectl moves the ownership over and the object keeps every field', async () => {
    const ns = 'deploy-csa-to-ssa';
    await createNamespace(t, ns);
    const m = deployment('m', 1, [{ name: 'web', image: 'nginx:1.27' }]);
    expect((await withManifest(t, ns, ['apply'], m)).stdout).toBe('deployment.apps/m created\n');
    // kubectl applies, rewrites managedFields to hand client-side apply's fields to its Apply
    // entry, then applies again; a wrong prune there removed the template's labels (422).
    const ssa = await withManifest(t, ns, ['apply', '--server-side'], m);
    expect(ssa.stderr).toBe('');
    expect(ssa.stdout).toBe('deployment.apps/m serverside-applied\n');
    const obj = await get(ns, 'm');
    expect(obj.spec.template.metadata.labels).toEqual({ app: 'm' });
    expect(obj.spec.template.spec.containers.map((c: { image: string }) => c.image)).toEqual(['nginx:1.27']);
    const managers = JSON.parse(await ok(t, ['-n', ns, 'get', 'deploy', 'm', '-o', 'json', '--show-managed-fields'])).metadata.managedFields;
    expect(managers.map((f: { manager: string; operation: string }) => `${f.manager}/${f.operation}`)).not.toContain('kubectl-client-side-apply/Update');
    const again = await withManifest(t, ns, ['apply', '--server-side'], m);
    expect(again.stderr).toBe('');
  });

  it('patches: strategic adds an env var and keeps every container; json; merge', async () => {
    const ns = 'deploy-patch';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], deployment('p', 1, [{ name: 'web', image: 'nginx', env: [{ name: 'A', value: '1' }] }, { name: 'side', image: 'busybox' }]));
    const sm = await t.kubectl(['-n', ns, 'patch', 'deploy', 'p', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"B","value":"2"}]}]}}}}']);
    expect(sm.stderr).toBe('');
    expect(sm.stdout).toBe('deployment.apps/p patched\n');
    let obj = await get(ns, 'p');
    expect(obj.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(['web', 'side']);
    expect([...obj.spec.template.spec.containers[0].env].sort((a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name))).toEqual([
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ]);
    // The $patch: delete directive removes one element by its merge key.
    const del = await t.kubectl(['-n', ns, 'patch', 'deploy', 'p', '-p', '{"spec":{"template":{"spec":{"containers":[{"name":"side","$patch":"delete"}]}}}}']);
    expect(del.stdout).toBe('deployment.apps/p patched\n');
    const jp = await t.kubectl(['-n', ns, 'patch', 'deploy', 'p', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":4},{"op":"add","path":"/metadata/labels/patched","value":"json"}]']);
    expect(jp.stdout).toBe('deployment.apps/p patched\n');
    const mp = await t.kubectl(['-n', ns, 'patch', 'deploy', 'p', '--type=merge', '-p', '{"spec":{"strategy":{"type":"Recreate","rollingUpdate":null}}}']);
    expect(mp.stdout).toBe('deployment.apps/p patched\n');
    obj = await get(ns, 'p');
    expect(obj.spec.template.spec.containers.map((c: { name: string }) => c.name)).toEqual(['web']);
    expect(obj.spec.replicas).toBe(4);
    expect(obj.metadata.labels.patched).toBe('json');
    expect(obj.spec.strategy).toEqual({ type: 'Recreate' });
  });

  it('scales through the scale subresource and sets images', async () => {
    const ns = 'deploy-scale';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], deployment('s', 2, [{ name: 'web', image: 'nginx:1.26' }]));
    expect(await ok(t, ['-n', ns, 'scale', 'deployment', 's', '--replicas=5'])).toBe('deployment.apps/s scaled\n');
    let obj = await get(ns, 's');
    expect(obj.spec.replicas).toBe(5);
    expect(obj.metadata.generation).toBe(2);
    const scale = JSON.parse(await ok(t, ['get', '--raw', `/apis/apps/v1/namespaces/${ns}/deployments/s/scale`]));
    expect(scale).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 5 }, status: { replicas: 0, selector: 'app=s' } });
    const stale = await t.kubectl(['-n', ns, 'scale', 'deployment', 's', '--current-replicas=2', '--replicas=3']);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toBe('error: Expected replicas to be 2, was 5\n');
    expect(await ok(t, ['-n', ns, 'set', 'image', 'deployment/s', 'web=nginx:1.27'])).toBe('deployment.apps/s image updated\n');
    obj = await get(ns, 's');
    expect(obj.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(obj.metadata.generation).toBe(3);
  });

  it('labels, annotates, deletes; NotFound after', async () => {
    const ns = 'deploy-delete';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], deployment('d', 1, [{ name: 'web', image: 'nginx' }]));
    expect(await ok(t, ['-n', ns, 'label', 'deploy', 'd', 'tier=web'])).toBe('deployment.apps/d labeled\n');
    expect(await ok(t, ['-n', ns, 'label', 'deploy', 'd', 'tier=api', '--overwrite'])).toBe('deployment.apps/d labeled\n');
    expect(await ok(t, ['-n', ns, 'label', 'deploy', 'd', 'tier-'])).toBe('deployment.apps/d unlabeled\n');
    expect(await ok(t, ['-n', ns, 'annotate', 'deploy', 'd', 'kubernetes.io/change-cause=first'])).toBe('deployment.apps/d annotated\n');
    expect(await ok(t, ['-n', ns, 'annotate', 'deploy', 'd', 'kubernetes.io/change-cause-'])).toBe('deployment.apps/d annotated\n');
    expect(await ok(t, ['-n', ns, 'delete', 'deployment', 'd'])).toBe('deployment.apps "d" deleted\n');
    const r = await t.kubectl(['-n', ns, 'delete', 'deployment', 'd']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): deployments.apps "d" not found\n');
  });

  it('dry-run=server shows the defaulted deployment and stores nothing', async () => {
    const ns = 'deploy-dry';
    await createNamespace(t, ns);
    const m = deployment('dry', 3, [{ name: 'web', image: 'nginx:1.27' }]);
    const r = await withManifest(t, ns, ['create', '--dry-run=server', '-o', 'json'], m);
    expect(r.stderr).toBe('');
    const obj = JSON.parse(r.stdout);
    expect(obj.metadata.generation).toBe(1);
    expect(obj.metadata.resourceVersion).toBeUndefined();
    expect(obj.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(obj.spec.template.spec.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect((await withManifest(t, ns, ['apply', '--dry-run=server'], m)).stdout).toBe('deployment.apps/dry created (server dry run)\n');
    expect((await t.kubectl(['-n', ns, 'get', 'deploy'])).stderr).toBe(`No resources found in ${ns} namespace.\n`);
  });

  it('rejects invalid deployments with each field cause', async () => {
    const ns = 'deploy-invalid';
    await createNamespace(t, ns);
    const negative = await withManifest(t, ns, ['create'], deployment('neg', -1, [{ name: 'web', image: 'nginx' }]));
    expect(negative.code).toBe(1);
    expect(negative.stderr).toBe('The Deployment "neg" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n');
    const recreate = await withManifest(
      t,
      ns,
      ['create'],
      deployment('rec', 1, [{ name: 'web', image: 'nginx' }], { strategy: { type: 'Recreate', rollingUpdate: { maxSurge: 1 } } }),
    );
    expect(recreate.stderr).toBe("The Deployment \"rec\" is invalid: spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'\n");
  });

  it('explains deployment.spec.strategy', async () => {
    const out = await ok(t, ['explain', 'deployment.spec.strategy']);
    expect(out.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: strategy <DeploymentStrategy>\n')).toBe(true);
    const fields = out
      .split('\n')
      .filter((l) => /^ {2}\w+\t/.test(l))
      .map((l) => l.trim());
    expect(fields).toEqual(['rollingUpdate\t<RollingUpdateDeployment>', 'type\t<string>']);
    const type = await ok(t, ['explain', 'deployment.spec.strategy.type']);
    expect.soft(type).toMatch(/\nFIELD: type <string>\nENUM:\n +Recreate\n +RollingUpdate\n/);
    const recursive = await ok(t, ['explain', 'deployment.spec.strategy', '--recursive']);
    expect(recursive).toMatch(/\n {2}rollingUpdate\t<RollingUpdateDeployment>\n {4}maxSurge\t<IntOrString>\n {4}maxUnavailable\t<IntOrString>\n {2}type\t<string>\n/);
  });
  it('rollout restart, pause and resume, and set env write the spec', async () => {
    const ns = 'deploy-rollout';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], deployment('r', 1, [{ name: 'web', image: 'nginx' }]));
    expect(await ok(t, ['-n', ns, 'rollout', 'restart', 'deployment/r'])).toBe('deployment.apps/r restarted\n');
    const restartedAt = (await get(ns, 'r')).spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt'];
    expect(restartedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(await ok(t, ['-n', ns, 'rollout', 'pause', 'deployment/r'])).toBe('deployment.apps/r paused\n');
    expect((await get(ns, 'r')).spec.paused).toBe(true);
    const again = await t.kubectl(['-n', ns, 'rollout', 'pause', 'deployment/r']);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('error: deployments.apps "r" is already paused\n');
    expect(await ok(t, ['-n', ns, 'rollout', 'resume', 'deployment/r'])).toBe('deployment.apps/r resumed\n');
    expect((await get(ns, 'r')).spec.paused).toBeUndefined();
    expect(await ok(t, ['-n', ns, 'set', 'env', 'deployment/r', 'A=1', 'B=2'])).toBe('deployment.apps/r env updated\n');
    expect(await ok(t, ['-n', ns, 'set', 'env', 'deployment/r', '--list'])).toBe('# Deployment r, container web\nA=1\nB=2\n');
    expect(await ok(t, ['-n', ns, 'set', 'env', 'deployment/r', 'A-'])).toBe('deployment.apps/r env updated\n');
    expect((await get(ns, 'r')).spec.template.spec.containers[0].env).toEqual([{ name: 'B', value: '2' }]);
    expect((await get(ns, 'r')).metadata.generation).toBe(6);
  });
});
