// Scheduling as kubectl users see it, on a cluster of node pools with labels, taints, zones and
// sizes: pods land where their selectors, affinity, tolerations and requests say; a pod that
// fits nowhere stays Pending with kube-scheduler's FailedScheduling message; removing a taint
// lets it schedule; a second profile schedules its pods; `kubesim explain` tells why.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { explainCommand } from '../../src/cli/explain-command.js';
import { startTestCluster, type TestCluster } from './harness.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster({
    nodes: [
      { namePrefix: 'small-', count: 2, cpu: '1', memory: '2Gi', zones: ['zone-a'] },
      { namePrefix: 'big-', count: 1, cpu: '16', memory: '64Gi', labels: { disk: 'ssd' }, zones: ['zone-b'] },
      { namePrefix: 'gpu-', count: 1, cpu: '8', memory: '32Gi', labels: { accelerator: 'gpu' }, taints: [{ key: 'gpu', value: 'true', effect: 'NoSchedule' }], zones: ['zone-c'] },
      { namePrefix: 'quarantine-', count: 1, cpu: '2', memory: '4Gi', labels: { role: 'quarantine' }, taints: [{ key: 'dedicated', value: 'quarantine', effect: 'NoSchedule' }], zones: ['zone-c'] },
    ],
    schedulerConfig: {
      apiVersion: 'kubescheduler.config.k8s.io/v1',
      kind: 'KubeSchedulerConfiguration',
      profiles: [
        { schedulerName: 'default-scheduler' },
        { schedulerName: 'bin-packer', pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy: { type: 'MostAllocated', resources: [{ name: 'cpu', weight: 1 }, { name: 'memory', weight: 1 }] } } }] },
      ],
    },
  });
});
afterAll(async () => {
  await t.stop();
});

const pod = (name: string, spec: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
${spec}
  containers:
  - name: c
    image: nginx:1.27
`;

async function nodeOf(name: string): Promise<string> {
  const r = await t.kubectl(['wait', '--for=jsonpath={.spec.nodeName}', `pod/${name}`, '--timeout=20s']);
  expect(r.stderr).toBe('');
  return (await t.kubectl(['get', 'pod', name, '-o', 'jsonpath={.spec.nodeName}'])).stdout;
}

async function failedScheduling(name: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const r = await t.kubectl(['get', 'events', '--field-selector', `involvedObject.name=${name},reason=FailedScheduling`, '-o', 'jsonpath={.items[-1:].message}']);
    if (r.stdout) return r.stdout;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error(`no FailedScheduling event for ${name}`);
}

describe('scheduling with kubectl on node pools', () => {
  it('places a pod by nodeSelector', async () => {
    await t.kubectl(['apply', '-f', '-'], pod('on-ssd', '  nodeSelector:\n    disk: ssd'));
    expect(await nodeOf('on-ssd')).toBe('big-1');
  });

  it('places a pod by required node affinity on the zone label', async () => {
    await t.kubectl(['apply', '-f', '-'], pod('in-zone-a', `  affinity:
    nodeAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
        nodeSelectorTerms:
        - matchExpressions:
          - {key: topology.kubernetes.io/zone, operator: In, values: [zone-a]}`));
    expect(await nodeOf('in-zone-a')).toMatch(/^small-[12]$/);
  });

  it('places a pod that tolerates a taint on the tainted node', async () => {
    await t.kubectl(['apply', '-f', '-'], pod('on-gpu', `  nodeSelector:
    accelerator: gpu
  tolerations:
  - {key: gpu, operator: Equal, value: "true", effect: NoSchedule}`));
    expect(await nodeOf('on-gpu')).toBe('gpu-1');
  });

  it('places a pod by its resource requests on the one untainted node big enough', async () => {
    expect((await t.kubectl(['run', 'needs-4-cpus', '--image=nginx:1.27', '--overrides', JSON.stringify({ spec: { containers: [{ name: 'needs-4-cpus', image: 'nginx:1.27', resources: { requests: { cpu: '4', memory: '1Gi' } } }] } })])).code).toBe(0);
    expect(await nodeOf('needs-4-cpus')).toBe('big-1');
  });

  it('leaves a pod that fits nowhere Pending, with FailedScheduling as kube-scheduler words it', async () => {
    await t.kubectl(['run', 'too-big', '--image=nginx:1.27', '--overrides', JSON.stringify({ spec: { containers: [{ name: 'too-big', image: 'nginx:1.27', resources: { requests: { cpu: '100' } } }] } })]);
    const message = await failedScheduling('too-big');
    expect(message).toBe(
      '0/5 nodes are available: 1 node(s) had untolerated taint {dedicated: quarantine}, 1 node(s) had untolerated taint {gpu: true}, 3 Insufficient cpu. ' +
        'preemption: 0/5 nodes are available: 2 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    const row = await t.kubectl(['get', 'pod', 'too-big', '--no-headers']);
    expect(row.stdout).toMatch(/^too-big\s+0\/1\s+Pending\s+0\s/);
    const d = await t.kubectl(['describe', 'pod', 'too-big']);
    expect(d.stdout).toMatch(/Node:\s+<none>/);
    expect(d.stdout).toMatch(/PodScheduled\s+False/);
    expect(d.stdout).toMatch(/Warning\s+FailedScheduling\s+\S+\s+default-scheduler\s+0\/5 nodes are available: 1 node\(s\) had untolerated taint \{dedicated: quarantine\}/);
  });

  it('schedules a waiting pod once the taint that kept it out is removed', async () => {
    await t.kubectl(['apply', '-f', '-'], pod('wants-quarantine', '  nodeSelector:\n    role: quarantine'));
    expect(await failedScheduling('wants-quarantine')).toBe(
      // TaintToleration filters before NodeAffinity: the gpu node is counted for its taint.
      '0/5 nodes are available: 1 node(s) had untolerated taint {dedicated: quarantine}, 1 node(s) had untolerated taint {gpu: true}, ' +
        "3 node(s) didn't match Pod's node affinity/selector. " +
        'preemption: 0/5 nodes are available: 5 Preemption is not helpful for scheduling.',
    );
    expect((await t.kubectl(['taint', 'nodes', 'quarantine-1', 'dedicated-'])).stdout).toBe('node/quarantine-1 untainted\n');
    expect(await nodeOf('wants-quarantine')).toBe('quarantine-1');
  });

  it('schedules with a second profile chosen by schedulerName, and leaves unknown names alone', async () => {
    await t.kubectl(['apply', '-f', '-'], pod('packed', '  schedulerName: bin-packer'));
    expect(await nodeOf('packed')).not.toBe('');
    const d = await t.kubectl(['describe', 'pod', 'packed']);
    expect(d.stdout).toMatch(/Normal\s+Scheduled\s+\S+\s+bin-packer\s+Successfully assigned default\/packed to /);

    await t.kubectl(['apply', '-f', '-'], pod('nobodys', '  schedulerName: no-such-scheduler'));
    await new Promise((res) => setTimeout(res, 300));
    const p = JSON.parse((await t.kubectl(['get', 'pod', 'nobodys', '-o', 'json'])).stdout);
    expect(p.spec.nodeName).toBeUndefined();
    expect(p.status.phase).toBe('Pending');
    expect(p.status.conditions).toBeUndefined();
    const events = await t.kubectl(['get', 'events', '--field-selector', 'involvedObject.name=nobodys', '-o', 'name']);
    expect(events.stdout).toBe('');
  });

  it('explains a decision over HTTP and with `kubesim explain pod`', async () => {
    const res = await fetch(`${t.server.url}/kubesim/v1/scheduler/explain/namespaces/default/pods/too-big`);
    expect(res.status).toBe(200);
    const d = (await res.json()) as { nodes: { node: string; rejectedBy?: unknown }[] };
    expect(d).toMatchObject({ kind: 'SchedulingDecision', pod: { namespace: 'default', name: 'too-big' }, result: 'Unschedulable' });
    expect(d.nodes.find((n) => n.node === 'gpu-1')?.rejectedBy).toEqual({ plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {gpu: true}'] });
    const missing = await fetch(`${t.server.url}/kubesim/v1/scheduler/explain/namespaces/default/pods/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { reason: string }).reason).toBe('NotFound');

    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
    try {
      await explainCommand(new Map([['kubeconfig', t.kubeconfig]]), ['pod', 'on-ssd', '-n', 'default']);
      await explainCommand(new Map([['kubeconfig', t.kubeconfig]]), ['pod', 'too-big']);
    } finally {
      spy.mockRestore();
    }
    const [scheduled, unschedulable] = out;
    expect(scheduled).toMatch(/^Pod default\/on-ssd: scheduled to big-1 by default-scheduler at \S+\.\n/);
    expect(scheduled).toMatch(/Rejected by a filter:\nNODE\s+FILTER\s+STATUS\s+REASON\n/);
    expect(scheduled).toMatch(/small-1\s+NodeAffinity\s+UnschedulableAndUnresolvable\s+node\(s\) didn't match Pod's node affinity\/selector/);
    expect(unschedulable).toMatch(/^Pod default\/too-big: unschedulable by default-scheduler at \S+:\n  0\/5 nodes are available: /);
    expect(unschedulable).toMatch(/small-2\s+NodeResourcesFit\s+Unschedulable\s+Insufficient cpu/);
    expect(unschedulable).toMatch(/PostFilter DefaultPreemption: Unschedulable: preemption: 0\/5 nodes are available/);
  });
});
