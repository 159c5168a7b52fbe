// Real kubectl against kubesim: Pods (no scheduler or kubelet yet, so they stay Pending).
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

const pod = (name: string, containers: Array<Record<string, unknown>>, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, labels },
  spec: { containers },
});

describe('kubectl: pods', () => {
  it('creates with `kubectl run` and prints the Pending pod in a table', async () => {
    const ns = 'pod-run';
    await createNamespace(t, ns);
    const r = await t.kubectl(['-n', ns, 'run', 'web', '--image=nginx:1.27', '--labels=app=web,tier=front']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('pod/web created\n');
    const table = lines(await ok(t, ['-n', ns, 'get', 'pods']));
    expect(table[0]).toBe('NAME   READY   STATUS    RESTARTS   AGE');
    expect(table[1]).toMatch(/^web    0\/1     Pending   0          \d+s$/);
    const wide = lines(await ok(t, ['-n', ns, 'get', 'pod', 'web', '-o', 'wide']));
    expect(wide[0]).toBe('NAME   READY   STATUS    RESTARTS   AGE   IP       NODE     NOMINATED NODE   READINESS GATES');
    expect(wide[1]).toMatch(/^web    0\/1     Pending   0          \d+s +<none>   <none>   <none>           <none>$/);
    expect(await ok(t, ['-n', ns, 'get', 'pod', 'web', '-o', 'jsonpath={.metadata.labels}'])).toBe('{"app":"web","tier":"front"}');
    const labelled = lines(await ok(t, ['-n', ns, 'get', 'pods', '-L', 'app,tier']));
    expect(labelled[0]).toBe('NAME   READY   STATUS    RESTARTS   AGE   APP   TIER');
    expect(labelled[1]).toMatch(/^web    0\/1     Pending   0          \d+s +web   front$/);
  });

  it('creates with -f and prints every output format', async () => {
    const ns = 'pod-formats';
    await createNamespace(t, ns);
    const r = await withManifest(t, ns, ['create'], pod('two', [{ name: 'app', image: 'nginx:1.27' }, { name: 'log', image: 'busybox' }], { app: 'two' }));
    expect(r.stdout).toBe('pod/two created\n');

    const table = lines(await ok(t, ['-n', ns, 'get', 'pod', 'two']));
    expect(table[0]).toBe('NAME   READY   STATUS    RESTARTS   AGE');
    expect(table[1]).toMatch(/^two    0\/2     Pending   0          \d+s$/);
    expect(await ok(t, ['-n', ns, 'get', 'pod', 'two', '-o', 'name'])).toBe('pod/two\n');
    expect(await ok(t, ['-n', ns, 'get', 'pod', 'two', '-o', 'jsonpath={.spec.containers[*].image}'])).toBe('nginx:1.27 busybox');
    expect(await ok(t, ['-n', ns, 'get', 'pod', 'two', '-o', 'jsonpath={range .spec.containers[*]}{.name}={.imagePullPolicy}{"\\n"}{end}'])).toBe(
      'app=IfNotPresent\nlog=Always\n',
    );
    expect(await ok(t, ['-n', ns, 'get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,IMAGES:.spec.containers[*].image,PHASE:.status.phase'])).toBe(
      'NAME   IMAGES               PHASE\ntwo    nginx:1.27,busybox   Pending\n',
    );
    expect(await ok(t, ['-n', ns, 'get', 'pod', 'two', '-o', 'go-template={{range .spec.containers}}{{.name}} {{end}}'])).toBe('app log ');

    const obj = JSON.parse(await ok(t, ['-n', ns, 'get', 'pod', 'two', '-o', 'json']));
    expect(obj.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
    expect(obj.spec.containers[0]).toEqual({
      name: 'app',
      image: 'nginx:1.27',
      imagePullPolicy: 'IfNotPresent',
      resources: {},
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    });
    const yaml = await ok(t, ['-n', ns, 'get', 'pod', 'two', '-o', 'yaml']);
    expect(yaml).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "[^"]+"\n  labels:\n    app: two\n  name: two\n  namespace: pod-formats\n  resourceVersion: "\d+"\n  uid: [0-9a-f-]{36}\nspec:\n  containers:\n  - image: nginx:1.27\n    imagePullPolicy: IfNotPresent\n    name: app\n/);
    expect(yaml).toMatch(/\nstatus:\n  phase: Pending\n  qosClass: BestEffort\n$/);
  });

  it('dry-run=server shows the defaulted pod and stores nothing', async () => {
    const ns = 'pod-dry';
    await createNamespace(t, ns);
    const r = await withManifest(t, ns, ['create', '--dry-run=server', '-o', 'json'], pod('dry', [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '100m' }, limits: { cpu: '100m', memory: '64Mi' } } }]));
    expect(r.stderr).toBe('');
    const obj = JSON.parse(r.stdout);
    expect(obj.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(obj.metadata.resourceVersion).toBeUndefined();
    expect(obj.spec).toMatchObject({
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    });
    // An untagged image pulls Always; limits without requests default the requests (memory here).
    expect(obj.spec.containers[0].imagePullPolicy).toBe('Always');
    expect(obj.spec.containers[0].resources).toEqual({ limits: { cpu: '100m', memory: '64Mi' }, requests: { cpu: '100m', memory: '64Mi' } });
    expect(obj.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
    const text = await withManifest(t, ns, ['create', '--dry-run=server'], pod('dry', [{ name: 'c', image: 'nginx' }]));
    expect(text.stdout).toBe('pod/dry created (server dry run)\n');
    expect((await t.kubectl(['-n', ns, 'get', 'pods'])).stderr).toBe(`No resources found in ${ns} namespace.\n`);
  });

  it('applies twice, then a change', async () => {
    const ns = 'pod-apply';
    await createNamespace(t, ns);
    const m = (image: string) => pod('a', [{ name: 'c', image }], { app: 'a' });
    expect((await withManifest(t, ns, ['apply'], m('nginx:1.26'))).stdout).toBe('pod/a created\n');
    expect((await withManifest(t, ns, ['apply'], m('nginx:1.26'))).stdout).toBe('pod/a unchanged\n');
    expect((await withManifest(t, ns, ['apply'], m('nginx:1.27'))).stdout).toBe('pod/a configured\n');
    expect(await ok(t, ['-n', ns, 'get', 'pod', 'a', '-o', 'jsonpath={.spec.containers[0].image}'])).toBe('nginx:1.27');
  });

  it('patches: strategic by container name keeps the other containers; json; merge', async () => {
    const ns = 'pod-patch';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], pod('p', [{ name: 'app', image: 'nginx:1.26' }, { name: 'side', image: 'busybox:1.36' }]));
    const sm = await t.kubectl(['-n', ns, 'patch', 'pod', 'p', '-p', '{"spec":{"containers":[{"name":"side","image":"busybox:1.37"}]}}']);
    expect(sm.stdout).toBe('pod/p patched\n');
    expect(await ok(t, ['-n', ns, 'get', 'pod', 'p', '-o', 'jsonpath={.spec.containers[*].name} {.spec.containers[*].image}'])).toBe('app side nginx:1.26 busybox:1.37');
    const jp = await t.kubectl(['-n', ns, 'patch', 'pod', 'p', '--type=json', '-p', '[{"op":"replace","path":"/spec/containers/0/image","value":"nginx:1.27"}]']);
    expect(jp.stdout).toBe('pod/p patched\n');
    const mp = await t.kubectl(['-n', ns, 'patch', 'pod', 'p', '--type=merge', '-p', '{"metadata":{"labels":{"patched":"yes"}}}']);
    expect(mp.stdout).toBe('pod/p patched\n');
    expect(await ok(t, ['-n', ns, 'get', 'pod', 'p', '-o', 'jsonpath={.spec.containers[*].image} {.metadata.labels.patched}'])).toBe('nginx:1.27 busybox:1.37 yes');
    // A merge patch replaces lists whole: the containers list becomes exactly the one given.
    const replace = await t.kubectl(['-n', ns, 'patch', 'pod', 'p', '--type=merge', '-p', '{"spec":{"containers":[{"name":"app","image":"nginx:1.28"}]}}']);
    expect(replace.code).toBe(1);
    expect(replace.stderr).toBe('The Pod "p" is invalid: spec.containers: Forbidden: pod updates may not add or remove containers\n');
  });

  it('labels and annotates pods', async () => {
    const ns = 'pod-labels';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], pod('l', [{ name: 'c', image: 'nginx' }], { app: 'l' }));
    expect(await ok(t, ['-n', ns, 'label', 'pod', 'l', 'app=m', '--overwrite'])).toBe('pod/l labeled\n');
    expect(await ok(t, ['-n', ns, 'label', 'pods', '--all', 'env=test'])).toBe('pod/l labeled\n');
    expect(await ok(t, ['-n', ns, 'get', 'pods', '-l', 'app=m,env in (test,prod)', '-o', 'name'])).toBe('pod/l\n');
    expect(await ok(t, ['-n', ns, 'label', 'pod', 'l', 'env-'])).toBe('pod/l unlabeled\n');
    expect(await ok(t, ['-n', ns, 'annotate', 'pod', 'l', 'note=hello world'])).toBe('pod/l annotated\n');
    expect(await ok(t, ['-n', ns, 'get', 'pod', 'l', '-o', 'jsonpath={.metadata.annotations.note}'])).toBe('hello world');
    expect(await ok(t, ['-n', ns, 'annotate', 'pod', 'l', 'note-'])).toBe('pod/l annotated\n');
  });

  it('deletes (an unscheduled pod goes at once) and says NotFound after', async () => {
    const ns = 'pod-delete';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], pod('d', [{ name: 'c', image: 'nginx' }]));
    expect(await ok(t, ['-n', ns, 'delete', 'pod', 'd'])).toBe('pod "d" deleted\n');
    const r = await t.kubectl(['-n', ns, 'delete', 'pod', 'd']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Error from server (NotFound): pods "d" not found\n');
    const g = await t.kubectl(['-n', ns, 'get', 'pod', 'd', '-o', 'json']);
    expect(g.stderr).toBe('Error from server (NotFound): pods "d" not found\n');
    await withManifest(t, ns, ['create'], pod('forced', [{ name: 'c', image: 'nginx' }]));
    const forced = await t.kubectl(['-n', ns, 'delete', 'pod', 'forced', '--grace-period=0', '--force']);
    expect(forced.stdout).toBe('pod "forced" force deleted\n');
    expect(forced.stderr).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  });

  it('explains pods.spec.containers', async () => {
    const out = await ok(t, ['explain', 'pods.spec.containers']);
    expect(out.startsWith('KIND:       Pod\nVERSION:    v1\n\nFIELD: containers <[]Container>\n')).toBe(true);
    expect(out).toContain('\nDESCRIPTION:\n');
    const fields = out
      .split('\n')
      .filter((l) => /^ {2}\w+\t/.test(l))
      .map((l) => l.trim());
    expect(fields).toEqual([
      'args\t<[]string>',
      'command\t<[]string>',
      'env\t<[]EnvVar>',
      'envFrom\t<[]EnvFromSource>',
      'image\t<string>',
      'imagePullPolicy\t<string>',
      'lifecycle\t<Lifecycle>',
      'livenessProbe\t<Probe>',
      'name\t<string> -required-',
      'ports\t<[]ContainerPort>',
      'readinessProbe\t<Probe>',
      'resizePolicy\t<[]ContainerResizePolicy>',
      'resources\t<ResourceRequirements>',
      'restartPolicy\t<string>',
      'securityContext\t<SecurityContext>',
      'startupProbe\t<Probe>',
      'stdin\t<boolean>',
      'stdinOnce\t<boolean>',
      'terminationMessagePath\t<string>',
      'terminationMessagePolicy\t<string>',
      'tty\t<boolean>',
      'volumeDevices\t<[]VolumeDevice>',
      'volumeMounts\t<[]VolumeMount>',
      'workingDir\t<string>',
    ]);
    const policy = await ok(t, ['explain', 'pods.spec.containers.imagePullPolicy']);
    expect(policy).toMatch(/\nFIELD: imagePullPolicy <string>\nENUM:\n +Always\n +IfNotPresent\n +Never\n/);
  });

  it('sets status through the status subresource only', async () => {
    const ns = 'pod-status';
    await createNamespace(t, ns);
    await withManifest(t, ns, ['create'], pod('s', [{ name: 'c', image: 'nginx' }]));
    // A status change through the main resource is ignored...
    const main = await t.kubectl(['-n', ns, 'patch', 'pod', 's', '--type=merge', '-p', '{"status":{"phase":"Running"}}']);
    expect(main.stdout).toBe('pod/s patched (no change)\n');
    // ...and goes through with --subresource=status.
    const sub = await t.kubectl(['-n', ns, 'patch', 'pod', 's', '--subresource=status', '--type=merge', '-p', '{"status":{"phase":"Running"}}']);
    expect(sub.stdout).toBe('pod/s patched\n');
    const row = lines(await ok(t, ['-n', ns, 'get', 'pod', 's', '-o', 'wide']))[1];
    expect(row).toMatch(/^s      0\/1     Running   0          \d+s +<none>   <none>   <none>           <none>$/);
  });
});
