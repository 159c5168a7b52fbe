// encode -> decode over objects that reach deep into the descriptor tables: every message a field
// points at must exist, and the JSON form (as the Go JSON encoder writes it) must survive.
import { describe, expect, it } from 'vitest';
import { messageForKind } from '../../../src/api/protobuf/object-kinds.js';
import { protobufMessages } from '../../../src/api/protobuf/message-registry.js';
import { decodeProtobufObject, encodeProtobufObject } from '../../../src/api/protobuf/protobuf-object.js';

const T = '2026-11-25T10:30:02Z';
const meta = { name: 'p', namespace: 'default', uid: 'u-1', resourceVersion: '7', generation: 2, creationTimestamp: T, labels: { app: 'a' } };

const pod = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    ...meta,
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u-0', controller: true, blockOwnerDeletion: true }],
    managedFields: [{ manager: 'kubectl', operation: 'Update', apiVersion: 'v1', time: T, fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { '.': {} } } } }],
    finalizers: ['x/y'],
  },
  spec: {
    volumes: [
      { name: 'cfg', configMap: { name: 'cm', items: [{ key: 'k', path: 'p', mode: 0o400 }], defaultMode: 420, optional: false } },
      { name: 'scratch', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } },
      { name: 'sec', secret: { secretName: 's', defaultMode: 256 } },
      { name: 'proj', projected: { sources: [{ serviceAccountToken: { audience: 'api', expirationSeconds: 3600, path: 'token' } }, { downwardAPI: { items: [{ path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } }] } }] } },
      { name: 'data', persistentVolumeClaim: { claimName: 'pvc', readOnly: true } },
      { name: 'host', hostPath: { path: '/var/log', type: 'Directory' } },
      { name: 'eph', ephemeral: { volumeClaimTemplate: { metadata: { creationTimestamp: null }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } }, storageClassName: 'fast' } } } },
    ],
    initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'true'], resources: {}, restartPolicy: 'Always' }],
    containers: [
      {
        name: 'app',
        image: 'nginx',
        args: ['--x'],
        workingDir: '/w',
        ports: [{ containerPort: 80, protocol: 'TCP' }],
        envFrom: [{ prefix: 'P_', configMapRef: { name: 'cm' } }, { secretRef: { name: 's', optional: true } }],
        env: [{ name: 'K', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }, { name: 'CPU', valueFrom: { resourceFieldRef: { resource: 'limits.cpu', divisor: '1m' } } }],
        resources: { limits: { cpu: '1' }, requests: { cpu: '100m' }, claims: [{ name: 'gpu' }] },
        resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }],
        volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg', readOnly: true, subPath: 'a' }],
        livenessProbe: { exec: { command: ['true'] }, timeoutSeconds: 1, terminationGracePeriodSeconds: 0 },
        startupProbe: { grpc: { port: 9000, service: 'health' } },
        lifecycle: { preStop: { sleep: { seconds: 5 } }, postStart: { httpGet: { port: 'http', httpHeaders: [{ name: 'X', value: '' }] } } },
        securityContext: {
          capabilities: { add: ['NET_ADMIN'], drop: ['ALL'] },
          privileged: false,
          runAsUser: 0,
          runAsNonRoot: true,
          readOnlyRootFilesystem: true,
          allowPrivilegeEscalation: false,
          seccompProfile: { type: 'RuntimeDefault' },
        },
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        imagePullPolicy: 'Always',
        stdin: true,
        tty: true,
      },
    ],
    ephemeralContainers: [{ name: 'debug', image: 'busybox', resources: {}, targetContainerName: 'app' }],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    nodeSelector: { 'kubernetes.io/os': 'linux' },
    serviceAccountName: 'default',
    automountServiceAccountToken: false,
    nodeName: 'node-a',
    hostNetwork: true,
    securityContext: { runAsGroup: 1000, fsGroup: 2000, supplementalGroups: [1, 2], sysctls: [{ name: 'net.core.somaxconn', value: '1024' }] },
    imagePullSecrets: [{ name: 'reg' }],
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }] },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchFields: [{ key: 'metadata.name', operator: 'NotIn', values: ['n'] }] } }],
      },
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [
          { weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'app', operator: 'Exists' }] }, topologyKey: 'kubernetes.io/hostname', matchLabelKeys: ['pod-template-hash'] } },
        ],
      },
    },
    schedulerName: 'default-scheduler',
    tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
    hostAliases: [{ ip: '10.0.0.1', hostnames: ['db'] }],
    priorityClassName: 'high',
    priority: 0,
    dnsConfig: { nameservers: ['1.1.1.1'], options: [{ name: 'ndots', value: '2' }] },
    readinessGates: [{ conditionType: 'x/ready' }],
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    overhead: { cpu: '10m' },
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'a' } }, minDomains: 2 }],
    os: { name: 'linux' },
    hostUsers: false,
    schedulingGates: [{ name: 'gate' }],
    resourceClaims: [{ name: 'gpu', resourceClaimTemplateName: 'tpl' }],
  },
  status: {
    phase: 'Running',
    conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: T }],
    hostIP: '10.0.0.2',
    hostIPs: [{ ip: '10.0.0.2' }],
    podIP: '10.1.0.5',
    podIPs: [{ ip: '10.1.0.5' }],
    startTime: T,
    containerStatuses: [
      {
        name: 'app',
        state: { running: { startedAt: T } },
        lastState: { terminated: { exitCode: 0, reason: 'Completed', startedAt: T, finishedAt: T, containerID: 'c://1' } },
        ready: true,
        restartCount: 1,
        image: 'nginx',
        imageID: 'sha256:x',
        containerID: 'c://2',
        started: true,
        allocatedResources: { cpu: '100m' },
      },
    ],
    qosClass: 'Burstable',
  },
};

const node = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'node-a', creationTimestamp: T },
  spec: { podCIDR: '10.1.0.0/24', podCIDRs: ['10.1.0.0/24'], taints: [{ key: 'k', value: 'v', effect: 'NoSchedule', timeAdded: T }], unschedulable: true },
  status: {
    capacity: { cpu: '4', memory: '16Gi', pods: '110' },
    allocatable: { cpu: '4' },
    phase: 'Running',
    conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: T, lastTransitionTime: T, reason: 'KubeletReady', message: 'ok' }],
    addresses: [{ type: 'InternalIP', address: '10.0.0.2' }],
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    nodeInfo: { machineID: 'm', systemUUID: 's', bootID: 'b', kernelVersion: 'k', osImage: 'o', containerRuntimeVersion: 'c', kubeletVersion: 'v1.32.0', kubeProxyVersion: '', operatingSystem: 'linux', architecture: 'amd64' },
    images: [{ names: ['nginx'], sizeBytes: 1234567890123 }],
  },
};

const others = [
  { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node-a', namespace: 'kube-node-lease', creationTimestamp: null }, spec: { holderIdentity: 'node-a', leaseDurationSeconds: 40, renewTime: '2026-11-25T10:30:02.123456Z', leaseTransitions: 0 } },
  { apiVersion: 'autoscaling/v1', kind: 'Scale', metadata: { name: 'web', namespace: 'default', creationTimestamp: null }, spec: { replicas: 5 }, status: { replicas: 0, selector: 'app=web' } },
  {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'svc-abc', creationTimestamp: null },
    addressType: 'IPv4',
    endpoints: [{ addresses: ['10.1.0.5'], conditions: { ready: false, serving: true, terminating: false }, targetRef: { kind: 'Pod', name: 'p' }, nodeName: 'node-a', hints: { forZones: [{ name: 'z' }] } }],
    ports: [{ name: '', protocol: 'TCP', port: 80 }],
  },
  { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'e', creationTimestamp: null }, eventTime: '2026-11-25T10:30:02.500000Z', series: { count: 2, lastObservedTime: '2026-11-25T10:30:03.000000Z' }, reportingController: 'kubelet', reportingInstance: 'node-a', action: 'Started', reason: 'Started', regarding: { kind: 'Pod', name: 'p' }, type: 'Normal', deprecatedFirstTimestamp: null, deprecatedLastTimestamp: null, deprecatedSource: {} },
  { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', creationTimestamp: null }, involvedObject: { kind: 'Pod', name: 'p' }, reason: 'Pulled', message: 'ok', source: { component: 'kubelet' }, firstTimestamp: T, lastTimestamp: T, count: 1, type: 'Normal', eventTime: null, reportingComponent: '', reportingInstance: '' },
  { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'svc', creationTimestamp: null }, subsets: [{ addresses: [{ ip: '10.1.0.5', targetRef: { kind: 'Pod', name: 'p' } }], notReadyAddresses: [{ ip: '10.1.0.6', nodeName: 'n' }], ports: [{ port: 80, protocol: 'TCP' }] }] },
  { apiVersion: 'v1', kind: 'Status', metadata: {}, status: 'Failure', message: 'gone', reason: 'NotFound', details: { name: 'p', kind: 'pods', causes: [{ reason: 'FieldValueInvalid', field: 'spec' }] }, code: 404 },
];

describe('protobuf round trip', () => {
  it('keeps a Pod that reaches most of the PodSpec and PodStatus tree', () => {
    const decoded = decodeProtobufObject(encodeProtobufObject(pod)).object;
    expect(decoded).toEqual(pod);
  });

  it('keeps a Node', () => {
    expect(decodeProtobufObject(encodeProtobufObject(node)).object).toEqual(node);
  });

  for (const object of others) {
    it(`keeps a ${object.apiVersion} ${object.kind}`, () => {
      expect(decodeProtobufObject(encodeProtobufObject(object)).object).toEqual(object);
    });
  }
});

describe('descriptor tables', () => {
  it('describe every message their fields refer to, and every kind we accept', () => {
    const messages = protobufMessages();
    expect(messages.size).toBeGreaterThan(190);
    for (const [apiVersion, kind] of [['v1', 'Pod'], ['v1', 'PodTemplate'], ['apps/v1', 'ReplicaSet'], ['events.k8s.io/v1', 'Event'], ['apps/v1', 'DeleteOptions']]) {
      expect(messages.has(messageForKind(apiVersion, kind) ?? '')).toBe(true);
    }
  });

  it('match field numbers of generated.proto', () => {
    const numberOf = (message: string, json: string) => protobufMessages().get(message)?.fields.find((f) => f.json === json)?.number;
    expect(numberOf('PodSpec', 'hostUsers')).toBe(37);
    expect(numberOf('PodSpec', 'resources')).toBe(40);
    expect(numberOf('Container', 'resizePolicy')).toBe(23);
    expect(numberOf('ObjectMeta', 'managedFields')).toBe(17);
    expect(numberOf('DeploymentSpec', 'progressDeadlineSeconds')).toBe(9);
    expect(numberOf('DeleteOptions', 'propagationPolicy')).toBe(4);
  });
});
