import { describe, expect, it } from 'vitest';
import { printerFor, printersByResource } from '../../../src/api/printers/printers-by-resource.js';
import type { ResourcePrinter } from '../../../src/api/printers/table-column.js';
import type { KubeObject } from '../../../src/api/types.js';

const now = Date.parse('2025-01-10T12:00:00Z');
const ago = (seconds: number): string => new Date(now - seconds * 1000).toISOString().replace('.000Z', 'Z');

/** Column names with priority, as `kubectl get -o wide` headers would list them. */
const headers = (printer: ResourcePrinter): string[] => printer.columns.map((c) => (c.priority ? `(${c.name})` : c.name));
const row = (resource: string, obj: KubeObject): unknown[] => printersByResource[resource].row(obj, now);

describe('every printer', () => {
  it.each(Object.entries(printersByResource))('%s starts with one name-format column and types its columns', (_, p) => {
    expect(p.columns.filter((c) => c.format === 'name')).toHaveLength(1);
    for (const c of p.columns) expect(['string', 'integer', 'number', 'boolean', 'date']).toContain(c.type);
  });
  it('falls back to NAME / CREATED AT', () => {
    const p = printerFor('widgets.example.com');
    expect(headers(p)).toEqual(['Name', 'Created At']);
    expect(p.columns[1].type).toBe('date');
    expect(p.row({ metadata: { name: 'w', creationTimestamp: '2025-01-10T11:00:00.000Z' } }, now)).toEqual([
      'w',
      '2025-01-10T11:00:00Z',
    ]);
    expect(p.row({ metadata: { name: 'w' } }, now)).toEqual(['w', '0001-01-01T00:00:00Z']);
  });
});

describe('pods', () => {
  it('prints NAME READY STATUS RESTARTS AGE | IP NODE NOMINATED NODE READINESS GATES', () => {
    expect(headers(printersByResource.pods)).toEqual([
      'Name', 'Ready', 'Status', 'Restarts', 'Age', '(IP)', '(Node)', '(Nominated Node)', '(Readiness Gates)',
    ]);
    const pod: KubeObject = {
      metadata: { name: 'web-7d4b9c8f6d-x2x9k', creationTimestamp: ago(3 * 3600 + 20 * 60) },
      spec: { nodeName: 'node-1', containers: [{ name: 'web' }], readinessGates: [{ conditionType: 'example.com/lb' }] },
      status: {
        phase: 'Running',
        podIP: '10.244.1.5',
        podIPs: [{ ip: '10.244.1.5' }],
        conditions: [{ type: 'Ready', status: 'True' }, { type: 'example.com/lb', status: 'True' }],
        containerStatuses: [{ name: 'web', ready: true, restartCount: 0, state: { running: { startedAt: ago(3000) } } }],
      },
    };
    expect(row('pods', pod)).toEqual(['web-7d4b9c8f6d-x2x9k', '1/1', 'Running', '0', '3h20m', '10.244.1.5', 'node-1', '<none>', '1/1']);
  });
  it('prints <none> for an unscheduled pod and marks finished rows', () => {
    const pending: KubeObject = { metadata: { name: 'p', creationTimestamp: ago(5) }, spec: { containers: [{ name: 'c' }] }, status: { phase: 'Pending' } };
    expect(row('pods', pending)).toEqual(['p', '0/1', 'Pending', '0', '5s', '<none>', '<none>', '<none>', '<none>']);
    expect(printersByResource.pods.conditions?.(pending)).toBeUndefined();
    expect(printersByResource.pods.conditions?.({ ...pending, status: { phase: 'Succeeded' } })).toEqual([
      { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
    ]);
    expect(printersByResource.pods.conditions?.({ ...pending, status: { phase: 'Failed' } })?.[0].reason).toBe('Failed');
  });
});

describe('nodes', () => {
  const node = (extra: Record<string, unknown> = {}, labels: Record<string, string> = {}): KubeObject => ({
    metadata: { name: 'node-1', creationTimestamp: ago(400 * 86400), labels },
    status: {
      conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: 'True' }],
      addresses: [{ type: 'InternalIP', address: '172.18.0.2' }, { type: 'Hostname', address: 'node-1' }],
      nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'Debian GNU/Linux 12 (bookworm)', kernelVersion: '6.1.0', containerRuntimeVersion: 'containerd://1.7.24' },
    },
    ...extra,
  });
  it('prints NAME STATUS ROLES AGE VERSION | addresses and node info', () => {
    expect(headers(printersByResource.nodes)).toEqual([
      'Name', 'Status', 'Roles', 'Age', 'Version', '(Internal-IP)', '(External-IP)', '(OS-Image)', '(Kernel-Version)', '(Container-Runtime)',
    ]);
    const labels = { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'infra', 'node-role.kubernetes.io/': 'x' };
    expect(row('nodes', node({}, labels))).toEqual([
      'node-1', 'Ready', 'control-plane,infra', '400d', 'v1.32.0', '172.18.0.2', '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.1.0', 'containerd://1.7.24',
    ]);
  });
  it('shows NotReady, Unknown and SchedulingDisabled', () => {
    expect(row('nodes', node({ spec: { unschedulable: true } }))[1]).toBe('Ready,SchedulingDisabled');
    expect(row('nodes', node({ status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } }))[1]).toBe('NotReady');
    expect(row('nodes', { metadata: { name: 'new' } })).toEqual([
      'new', 'Unknown', '<none>', '<unknown>', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>',
    ]);
  });
});

describe('namespaces, configmaps, secrets, serviceaccounts, leases', () => {
  it('namespaces: NAME STATUS AGE', () => {
    expect(headers(printersByResource.namespaces)).toEqual(['Name', 'Status', 'Age']);
    expect(row('namespaces', { metadata: { name: 'kube-system', creationTimestamp: ago(51 * 3600) }, status: { phase: 'Active' } })).toEqual([
      'kube-system', 'Active', '2d3h',
    ]);
  });
  it('configmaps: DATA counts data and binaryData keys', () => {
    expect(headers(printersByResource.configmaps)).toEqual(['Name', 'Data', 'Age']);
    const cm = { metadata: { name: 'kube-root-ca.crt', creationTimestamp: ago(90) }, data: { 'ca.crt': 'x', b: 'y' }, binaryData: { c: 'AA==' } };
    expect(row('configmaps', cm)).toEqual(['kube-root-ca.crt', 3, '90s']);
  });
  it('secrets: NAME TYPE DATA AGE', () => {
    expect(headers(printersByResource.secrets)).toEqual(['Name', 'Type', 'Data', 'Age']);
    const secret = { metadata: { name: 'tls', creationTimestamp: ago(600) }, type: 'kubernetes.io/tls', data: { 'tls.crt': 'x', 'tls.key': 'y' } };
    expect(row('secrets', secret)).toEqual(['tls', 'kubernetes.io/tls', 2, '10m']);
  });
  it('serviceaccounts: NAME SECRETS AGE', () => {
    expect(headers(printersByResource.serviceaccounts)).toEqual(['Name', 'Secrets', 'Age']);
    expect(row('serviceaccounts', { metadata: { name: 'default', creationTimestamp: ago(30) } })).toEqual(['default', 0, '30s']);
  });
  it('leases: NAME HOLDER AGE', () => {
    expect(headers(printersByResource['leases.coordination.k8s.io'])).toEqual(['Name', 'Holder', 'Age']);
    const lease = { metadata: { name: 'node-1', creationTimestamp: ago(7200) }, spec: { holderIdentity: 'node-1', leaseDurationSeconds: 40 } };
    expect(row('leases.coordination.k8s.io', lease)).toEqual(['node-1', 'node-1', '120m']);
    expect(row('leases.coordination.k8s.io', { metadata: { name: 'free' }, spec: {} })).toEqual(['free', '', '<unknown>']);
  });
});

describe('services', () => {
  const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KubeObject => ({
    metadata: { name: 'web', creationTimestamp: ago(60) },
    spec,
    status,
  });
  it('prints NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE | SELECTOR', () => {
    expect(headers(printersByResource.services)).toEqual(['Name', 'Type', 'Cluster-IP', 'External-IP', 'Port(s)', 'Age', '(Selector)']);
    const clusterIP = svc({
      type: 'ClusterIP', clusterIP: '10.96.12.7', clusterIPs: ['10.96.12.7'],
      ports: [{ port: 80, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }], selector: { tier: 'front', app: 'web' },
    });
    expect(row('services', clusterIP)).toEqual(['web', 'ClusterIP', '10.96.12.7', '<none>', '80/TCP,53/UDP', '60s', 'app=web,tier=front']);
  });
  it('covers NodePort, LoadBalancer, ExternalName and headless services', () => {
    const nodePort = svc({ type: 'NodePort', clusterIPs: ['10.96.0.9'], externalIPs: ['1.2.3.4'], ports: [{ port: 443, nodePort: 30443, protocol: 'TCP' }] });
    expect(row('services', nodePort).slice(1, 5)).toEqual(['NodePort', '10.96.0.9', '1.2.3.4', '443:30443/TCP']);
    const pendingLB = svc({ type: 'LoadBalancer', clusterIPs: ['10.96.0.10'], ports: [{ port: 80, nodePort: 31000, protocol: 'TCP' }] });
    expect(row('services', pendingLB)[3]).toBe('<pending>');
    const lb = svc(
      { type: 'LoadBalancer', clusterIPs: ['10.96.0.10'], externalIPs: ['9.9.9.9'] },
      { loadBalancer: { ingress: [{ ip: '203.0.113.7' }, { hostname: 'a-very-long-hostname.elb.example.com' }, { ip: '203.0.113.7' }] } },
    );
    expect(row('services', lb)[3]).toBe('203.0.113.7,a-very-long-hostname.elb.example.com,9.9.9.9');
    const external = svc({ type: 'ExternalName', externalName: 'db.example.com' });
    expect(row('services', external).slice(1, 5)).toEqual(['ExternalName', '<none>', 'db.example.com', '<none>']);
    const headless = svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'], ports: [{ port: 5432, protocol: 'TCP' }] });
    expect(row('services', headless).slice(2, 7)).toEqual(['None', '<none>', '5432/TCP', '60s', '<none>']);
  });
});

describe('endpoints and endpointslices', () => {
  it('endpoints: ip:port per address and port, 3 shown, the rest counted', () => {
    expect(headers(printersByResource.endpoints)).toEqual(['Name', 'Endpoints', 'Age']);
    const ep = {
      metadata: { name: 'web', creationTimestamp: ago(60) },
      subsets: [
        { addresses: [{ ip: '10.244.1.5' }, { ip: '10.244.2.6' }], notReadyAddresses: [{ ip: '10.244.3.7' }], ports: [{ port: 8080 }, { port: 9090 }] },
        { addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] },
      ],
    };
    expect(row('endpoints', ep)).toEqual(['web', '10.244.1.5:8080,10.244.2.6:8080,10.244.1.5:9090 + 2 more...', '60s']);
    expect(row('endpoints', { metadata: { name: 'e' }, subsets: [{ addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] }] })[1]).toBe('[fd00::1]:80');
    expect(row('endpoints', { metadata: { name: 'e' }, subsets: [{ addresses: [{ ip: '10.0.0.1' }] }] })[1]).toBe('10.0.0.1');
    expect(row('endpoints', { metadata: { name: 'e' } })[1]).toBe('<none>');
    expect(row('endpoints', { metadata: { name: 'e' }, subsets: [{ notReadyAddresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }] })[1]).toBe('');
  });
  it('endpointslices: NAME ADDRESSTYPE PORTS ENDPOINTS AGE', () => {
    const resource = 'endpointslices.discovery.k8s.io';
    expect(headers(printersByResource[resource])).toEqual(['Name', 'AddressType', 'Ports', 'Endpoints', 'Age']);
    const slice = {
      metadata: { name: 'web-abc12', creationTimestamp: ago(60) },
      addressType: 'IPv4',
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: [{ addresses: ['10.244.1.5'] }, { addresses: ['10.244.2.6'], conditions: { ready: false } }],
    };
    expect(row(resource, slice)).toEqual(['web-abc12', 'IPv4', '8080', '10.244.1.5,10.244.2.6', '60s']);
    const many = { metadata: { name: 's' }, addressType: 'IPv4', ports: [{ port: 1 }, { name: 'named' }, {}, { port: 4 }], endpoints: [] };
    expect(row(resource, many).slice(2, 4)).toEqual(['1,named,* + 1 more...', '<unset>']);
  });
});

describe('replicasets and deployments', () => {
  const template = { spec: { containers: [{ name: 'web', image: 'nginx:1.27' }, { name: 'log', image: 'busybox' }] } };
  it('replicasets: NAME DESIRED CURRENT READY AGE | CONTAINERS IMAGES SELECTOR', () => {
    expect(headers(printersByResource['replicasets.apps'])).toEqual([
      'Name', 'Desired', 'Current', 'Ready', 'Age', '(Containers)', '(Images)', '(Selector)',
    ]);
    expect(printersByResource['replicasets.apps'].columns.slice(1, 4).map((c) => c.type)).toEqual(['integer', 'integer', 'integer']);
    const rs = {
      metadata: { name: 'web-7d4b9c8f6d', creationTimestamp: ago(300) },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web', 'pod-template-hash': '7d4b9c8f6d' }, matchExpressions: [{ key: 'env', operator: 'In', values: ['prod', 'dev'] }] },
        template,
      },
      status: { replicas: 3, readyReplicas: 2 },
    };
    expect(row('replicasets.apps', rs)).toEqual([
      'web-7d4b9c8f6d', 3, 3, 2, '5m', 'web,log', 'nginx:1.27,busybox', 'app=web,env in (dev,prod),pod-template-hash=7d4b9c8f6d',
    ]);
    expect(row('replicasets.apps', { metadata: { name: 'r' }, spec: { replicas: 0, selector: {} } }).slice(1, 8)).toEqual([
      0, 0, 0, '<unknown>', '', '', '<none>',
    ]);
  });
  it('deployments: NAME READY UP-TO-DATE AVAILABLE AGE | CONTAINERS IMAGES SELECTOR', () => {
    expect(headers(printersByResource['deployments.apps'])).toEqual([
      'Name', 'Ready', 'Up-to-date', 'Available', 'Age', '(Containers)', '(Images)', '(Selector)',
    ]);
    const deploy = {
      metadata: { name: 'web', creationTimestamp: ago(86400 * 3) },
      spec: { replicas: 3, selector: { matchExpressions: [{ key: 'app', operator: 'Exists' }, { key: 'canary', operator: 'DoesNotExist' }] }, template },
      status: { replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2 },
    };
    expect(row('deployments.apps', deploy)).toEqual(['web', '2/3', 3, 2, '3d', 'web,log', 'nginx:1.27,busybox', 'app,!canary']);
    expect(row('deployments.apps', { metadata: { name: 'd' }, spec: { selector: {} } }).slice(1, 4)).toEqual(['0/1', 0, 0]);
    expect(row('deployments.apps', { metadata: { name: 'd' }, spec: { selector: {} } })[7]).toBe('');
  });
});

describe('events', () => {
  const columns = ['Last Seen', 'Type', 'Reason', 'Object', '(Subobject)', '(Source)', 'Message', '(First Seen)', '(Count)', '(Name)'];
  it('core/v1: LAST SEEN TYPE REASON OBJECT MESSAGE | SUBOBJECT SOURCE FIRST SEEN COUNT NAME', () => {
    expect(headers(printersByResource.events)).toEqual(columns);
    const event = {
      metadata: { name: 'web-x2x9k.17f3a1b2c3d4e5f6', namespace: 'default' },
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web-x2x9k', fieldPath: 'spec.containers{web}' },
      reason: 'BackOff',
      message: 'Back-off restarting failed container web in pod web-x2x9k_default\n',
      source: { component: 'kubelet', host: 'node-1' },
      firstTimestamp: ago(600),
      lastTimestamp: ago(25),
      count: 12,
      type: 'Warning',
    };
    expect(row('events', event)).toEqual([
      '25s', 'Warning', 'BackOff', 'pod/web-x2x9k', 'spec.containers{web}', 'kubelet, node-1',
      'Back-off restarting failed container web in pod web-x2x9k_default', '10m', 12, 'web-x2x9k.17f3a1b2c3d4e5f6',
    ]);
  });
  it('core/v1 written by a new-API client: eventTime, series, reportingComponent', () => {
    const event = {
      metadata: { name: 'e1' },
      involvedObject: { kind: 'Node' },
      reason: 'Scheduled',
      message: 'ok',
      source: {},
      eventTime: '2025-01-10T11:58:00.123456Z',
      reportingComponent: 'default-scheduler',
      reportingInstance: 'default-scheduler-node-1',
      type: 'Normal',
    };
    expect(row('events', event)).toEqual(['119s', 'Normal', 'Scheduled', 'node', '', 'default-scheduler, default-scheduler-node-1', 'ok', '119s', 1, 'e1']);
    const series = { ...event, series: { count: 5, lastObservedTime: '2025-01-10T11:59:50.000000Z' } };
    expect(row('events', series).slice(0, 1).concat(row('events', series).slice(8, 9))).toEqual(['10s', 5]);
  });
  it('events.k8s.io/v1: same columns, read through regarding/note/deprecated* fields', () => {
    expect(headers(printersByResource['events.events.k8s.io'])).toEqual(columns);
    const event = {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'web.1' },
      regarding: { kind: 'Deployment', name: 'web' },
      note: 'Scaled up replica set web-7d4b9c8f6d to 3',
      reason: 'ScalingReplicaSet',
      type: 'Normal',
      eventTime: null,
      reportingController: 'deployment-controller',
      deprecatedSource: { component: 'deployment-controller' },
      deprecatedFirstTimestamp: ago(300),
      deprecatedLastTimestamp: ago(300),
      deprecatedCount: 1,
    };
    expect(row('events.events.k8s.io', event)).toEqual([
      '5m', 'Normal', 'ScalingReplicaSet', 'deployment/web', '', 'deployment-controller', 'Scaled up replica set web-7d4b9c8f6d to 3', '5m', 1, 'web.1',
    ]);
  });
});
