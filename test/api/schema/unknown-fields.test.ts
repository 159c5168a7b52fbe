import { describe, expect, it } from 'vitest';
import { strictDecodingError, unknownFields, unknownFieldWarnings } from '../../../src/api/schema/unknown-fields.js';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', labels: { app: 'web' }, annotations: { 'a/b': 'c' } },
  spec: {
    replicas: 3,
    revisionHistoryLimit: 5,
    selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe'] }] },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: {
        serviceAccountName: 'web',
        securityContext: { runAsNonRoot: true, fsGroup: 2000, seccompProfile: { type: 'RuntimeDefault' } },
        affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app: 'web' } } } },
        ] } },
        tolerations: [{ key: 'k', operator: 'Exists', effect: 'NoSchedule' }],
        initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'true'], restartPolicy: 'Always' }],
        containers: [{
          name: 'web', image: 'nginx:1.27', imagePullPolicy: 'IfNotPresent',
          ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }],
          env: [
            { name: 'A', value: '1' },
            { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } },
          ],
          envFrom: [{ configMapRef: { name: 'cfg' }, prefix: 'CFG_' }],
          resources: { requests: { cpu: '100m', memory: '64Mi' }, limits: { memory: '128Mi' } },
          livenessProbe: { httpGet: { path: '/healthz', port: 'http', httpHeaders: [{ name: 'X', value: 'y' }] }, initialDelaySeconds: 5 },
          readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 2 },
          startupProbe: { exec: { command: ['cat', '/ready'] }, failureThreshold: 30 },
          lifecycle: { preStop: { sleep: { seconds: 5 } } },
          securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
          volumeMounts: [{ name: 'data', mountPath: '/data' }, { name: 'cfg', mountPath: '/etc/cfg', readOnly: true }],
        }],
        volumes: [
          { name: 'data', emptyDir: { sizeLimit: '1Gi' } },
          { name: 'cfg', configMap: { name: 'cfg', items: [{ key: 'a', path: 'a.conf' }] } },
          { name: 'tok', projected: { sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }] } },
          { name: 'eph', ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } } } },
        ],
        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }],
      },
    },
  },
  status: { replicas: 3, conditions: [{ type: 'Available', status: 'True', lastTransitionTime: '2024-01-01T00:00:00Z' }] },
};

describe('unknownFields', () => {
  it('finds none in a realistic Deployment', () => {
    expect(unknownFields('apps', 'v1', 'Deployment', deployment)).toEqual([]);
  });

  it('reports a typo with its path', () => {
    const typo = structuredClone(deployment) as { spec: { template: { spec: { containers: Record<string, unknown>[] } } } };
    typo.spec.template.spec.containers[0]!.imagePullPolicyy = 'Always';
    expect(unknownFields('apps', 'v1', 'Deployment', typo)).toEqual(['spec.template.spec.containers[0].imagePullPolicyy']);
  });

  it('reports several in document order, and formats them as kube does', () => {
    const paths = unknownFields('', 'v1', 'Pod', { metadata: { name: 'p', nam: 'x' }, spec: { containers: [{ name: 'a', foo: 1 }] }, bar: true });
    expect(paths).toEqual(['metadata.nam', 'spec.containers[0].foo', 'bar']);
    expect(strictDecodingError(paths)).toBe('strict decoding error: unknown field "metadata.nam", unknown field "spec.containers[0].foo", unknown field "bar"');
    expect(unknownFieldWarnings(['spec.foo'])).toEqual(['unknown field "spec.foo"']);
  });

  it('accepts anything in maps and open objects, and any field of an undeclared kind', () => {
    const cm = { metadata: { labels: { anything: 'goes' }, managedFields: [{ manager: 'm', fieldsV1: { 'f:data': {} } }] }, data: { k: 'v' } };
    expect(unknownFields('', 'v1', 'ConfigMap', cm)).toEqual([]);
    expect(unknownFields('example.com', 'v1', 'Widget', { spec: { whatever: 1 } })).toEqual([]);
  });
});
