// A cluster with nodes, driven by real kubectl: the scheduler places pods, simulated kubelets
// run them, and users see what they would on a real cluster.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './harness.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster({ nodes: 3 });
});
afterAll(async () => {
  await t.stop();
});

const podYaml = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${spec}`;

describe('kubectl against a cluster with nodes', () => {
  it('shows three Ready nodes', async () => {
    const r = await t.kubectl(['get', 'nodes']);
    expect(r.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
    expect(r.stdout.match(/^node-\d\s+Ready\s+<none>\s+\S+\s+v1\.32\.0$/gm)).toHaveLength(3);
  });

  it('schedules and runs a pod until it is Ready', async () => {
    expect((await t.kubectl(['run', 'web', '--image=nginx:1.27'])).stdout).toBe('pod/web created\n');
    const wait = await t.kubectl(['wait', '--for=condition=Ready', 'pod/web', '--timeout=30s']);
    expect(wait.stdout).toBe('pod/web condition met\n');
    const row = await t.kubectl(['get', 'pod', 'web', '--no-headers']);
    expect(row.stdout).toMatch(/^web\s+1\/1\s+Running\s+0\s+\S+\n$/);
    const describe = await t.kubectl(['describe', 'pod', 'web']);
    expect(describe.stdout).toMatch(/Normal\s+Scheduled\s+\S+\s+default-scheduler\s+Successfully assigned default\/web to node-\d/);
    expect(describe.stdout).toMatch(/Normal\s+Started\s+\S+\s+kubelet\s+Started container web/);
  });

  it('serves what a container printed through kubectl logs', async () => {
    await t.kubectl(['apply', '-f', '-'], podYaml('echo', `  restartPolicy: Never
  containers:
  - name: c
    image: busybox
    command: ["sh", "-c", "echo hello from kubesim; echo second line"]`));
    const done = await t.kubectl(['wait', '--for=jsonpath={.status.phase}=Succeeded', 'pod/echo', '--timeout=30s']);
    expect(done.code).toBe(0);
    expect((await t.kubectl(['logs', 'echo'])).stdout).toBe('hello from kubesim\nsecond line\n');
  });

  it('ends `exit 3` with restartPolicy Never as Failed with exit code 3', async () => {
    await t.kubectl(['apply', '-f', '-'], podYaml('fail', `  restartPolicy: Never
  containers:
  - name: c
    image: busybox
    command: ["sh", "-c", "exit 3"]`));
    await t.kubectl(['wait', '--for=jsonpath={.status.phase}=Failed', 'pod/fail', '--timeout=30s']);
    const code = await t.kubectl(['get', 'pod', 'fail', '-o', 'jsonpath={.status.containerStatuses[0].state.terminated.exitCode} {.status.containerStatuses[0].state.terminated.reason}']);
    expect(code.stdout).toBe('3 Error');
    expect((await t.kubectl(['get', 'pod', 'fail', '--no-headers'])).stdout).toMatch(/^fail\s+0\/1\s+Error\s+0\s/);
  });

  it('leaves a pod that fits nowhere Pending and says why', async () => {
    await t.kubectl(['run', 'huge', '--image=nginx', '--overrides', '{"spec":{"containers":[{"name":"huge","image":"nginx","resources":{"requests":{"cpu":"100"}}}]}}']);
    let describe = '';
    for (let i = 0; i < 50 && !describe.includes('FailedScheduling'); i++) {
      describe = (await t.kubectl(['describe', 'pod', 'huge'])).stdout;
    }
    expect(describe).toMatch(/Warning\s+FailedScheduling\s+\S+\s+default-scheduler\s+0\/3 nodes are available: 3 Insufficient cpu\. preemption: 0\/3 nodes are available: 3 No preemption victims found for incoming pod\./);
    expect((await t.kubectl(['get', 'pod', 'huge', '-o', 'jsonpath={.status.phase}'])).stdout).toBe('Pending');
  });

  it('deletes a running pod once its kubelet has stopped it', async () => {
    const r = await t.kubectl(['delete', 'pod', 'web', '--wait=true', '--timeout=30s']);
    expect(r.stdout).toBe('pod "web" deleted\n');
    expect((await t.kubectl(['get', 'pod', 'web'])).stderr).toBe('Error from server (NotFound): pods "web" not found\n');
  });
});
