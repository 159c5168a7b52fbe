import { orderPodFields } from '../../../src/api/defaults/pod-field-order.js';
import { describe, expect, it } from 'vitest';
import { produce } from 'immer';
import { admitPod, defaultPod, defaultPodTemplateSpec, defaultPullPolicy } from '../../../src/api/defaults/pod.js';
import type { Pod } from '../../../src/api/types/pod.js';

const rawPod = (): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default' },
  spec: { containers: [{ name: 'app', image: 'nginx' }] },
});

describe('defaultPod', () => {
  it('fills what kube-apiserver fills, in Go field order once admitted', () => {
    const pod = rawPod();
    defaultPod(pod);
    orderPodFields(pod);
    expect(pod.spec).toEqual({
      containers: [
        {
          name: 'app',
          image: 'nginx',
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          imagePullPolicy: 'Always',
        },
      ],
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      securityContext: {},
      schedulerName: 'default-scheduler',
      enableServiceLinks: true,
    });
    expect(Object.keys(pod.spec)).toEqual(['containers', 'restartPolicy', 'terminationGracePeriodSeconds', 'dnsPolicy', 'securityContext', 'schedulerName', 'enableServiceLinks']);
    expect(Object.keys(pod.spec.containers[0])).toEqual(['name', 'image', 'resources', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy']);
  });

  it('picks the pull policy from the tag', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx:latest')).toBe('Always');
    expect(defaultPullPolicy('nginx:1.27')).toBe('IfNotPresent');
    expect(defaultPullPolicy('localhost:5000/nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx@sha256:0123456789abcdef')).toBe('IfNotPresent');
  });

  it('copies limits into missing requests and writes quantities canonically', () => {
    const pod = rawPod();
    pod.spec.containers[0].resources = { limits: { cpu: '0.5', memory: '1.5Gi' }, requests: { memory: 1073741824 } };
    defaultPod(pod);
    expect(pod.spec.containers[0].resources).toEqual({ limits: { cpu: '500m', memory: '1536Mi' }, requests: { memory: '1073741824', cpu: '500m' } });
  });

  it('rounds resource quantities up to milli-units', () => {
    const pod = rawPod();
    pod.spec.containers[0].resources = { requests: { cpu: '0.1m' } };
    defaultPod(pod);
    expect(pod.spec.containers[0].resources!.requests).toEqual({ cpu: '1m' });
  });

  it('defaults probes, ports, handlers and field refs', () => {
    const pod = rawPod();
    const c = pod.spec.containers[0];
    c.ports = [{ containerPort: 80 }];
    c.livenessProbe = { httpGet: { port: 80 } };
    c.readinessProbe = { grpc: { port: 9000 } };
    c.env = [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }];
    defaultPod(pod);
    expect(c.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(c.livenessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.readinessProbe!.grpc).toEqual({ port: 9000, service: '' });
    expect(c.env[0].valueFrom!.fieldRef!.apiVersion).toBe('v1');
  });

  it('defaults volume sources', () => {
    const pod = rawPod();
    pod.spec.volumes = [
      { name: 'a' },
      { name: 'b', configMap: { name: 'cfg' } },
      { name: 'c', secret: { secretName: 's' } },
      { name: 'd', hostPath: { path: '/var/log' } },
      { name: 'e', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
    ];
    defaultPod(pod);
    expect(pod.spec.volumes).toEqual([
      { name: 'a', emptyDir: {} },
      { name: 'b', configMap: { name: 'cfg', defaultMode: 420 } },
      { name: 'c', secret: { secretName: 's', defaultMode: 420 } },
      { name: 'd', hostPath: { path: '/var/log', type: '' } },
      { name: 'e', projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }], defaultMode: 420 } },
    ]);
  });

  it('makes container ports host ports on the host network', () => {
    const pod = rawPod();
    pod.spec.hostNetwork = true;
    pod.spec.containers[0].ports = [{ containerPort: 8080 }];
    defaultPod(pod);
    expect(pod.spec.containers[0].ports).toEqual([{ containerPort: 8080, hostPort: 8080, protocol: 'TCP' }]);
  });

  it('works on an immer draft', () => {
    const frozen = Object.freeze(rawPod());
    const next = produce(frozen, (draft) => defaultPod(draft as Pod));
    expect(next.spec.restartPolicy).toBe('Always');
    expect(frozen.spec.restartPolicy).toBeUndefined();
  });

  it('templates get spec defaults but not the pod-only ones', () => {
    const t = { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'a', image: 'busybox:1', resources: { limits: { cpu: '1' } } }] } };
    defaultPodTemplateSpec(t);
    expect(t.spec).not.toHaveProperty('enableServiceLinks');
    expect(t.spec.containers[0].resources).toEqual({ limits: { cpu: '1' } });
    expect(t.spec).toMatchObject({ restartPolicy: 'Always', dnsPolicy: 'ClusterFirst', schedulerName: 'default-scheduler' });
  });
});

describe('admitPod', () => {
  it('adds the service account, priority and not-ready/unreachable tolerations', () => {
    const pod = rawPod();
    defaultPod(pod);
    expect(admitPod(pod)).toEqual([]);
    expect(pod.spec).toMatchObject({
      serviceAccountName: 'default',
      serviceAccount: 'default',
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    });
    const keys = Object.keys(pod.spec);
    expect(keys.indexOf('serviceAccountName')).toBeLessThan(keys.indexOf('securityContext'));
  });

  it('keeps tolerations that already cover the taints', () => {
    const pod = rawPod();
    pod.spec.tolerations = [{ operator: 'Exists' }];
    admitPod(pod);
    expect(pod.spec.tolerations).toEqual([{ operator: 'Exists' }]);
  });

  it('mounts the kube-api-access volume when given a suffix', () => {
    const pod = rawPod();
    defaultPod(pod);
    admitPod(pod, { tokenVolumeSuffix: 'x7k2q' });
    expect(pod.spec.containers[0].volumeMounts).toEqual([
      { name: 'kube-api-access-x7k2q', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' },
    ]);
    expect(pod.spec.volumes?.[0]).toMatchObject({ name: 'kube-api-access-x7k2q', projected: { defaultMode: 420 } });
    expect(pod.spec.volumes?.[0].projected?.sources?.[0]).toEqual({ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } });
  });

  it('resolves priority classes and refuses a conflicting number', () => {
    const pod = rawPod();
    pod.spec.priorityClassName = 'system-node-critical';
    expect(admitPod(pod)).toEqual([]);
    expect(pod.spec.priority).toBe(2000001000);

    const typed = rawPod();
    typed.spec.priority = 5;
    expect(admitPod(typed)).toEqual([
      'the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    ]);

    const missing = rawPod();
    missing.spec.priorityClassName = 'gold';
    expect(admitPod(missing)).toEqual(['no PriorityClass with name gold was found']);
  });
});
