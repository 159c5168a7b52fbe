// What a new cluster holds before anyone writes: the namespaces and the `kubernetes` Service
// kube-apiserver creates at start. Kubernetes twin: pkg/controlplane/controller/systemnamespaces
// and pkg/controlplane/controller/kubernetesservice.
import type { ApiServer } from '../apiserver/apiserver.js';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'] as const;

export async function createSystemNamespaces(api: ApiServer): Promise<void> {
  const namespaces = api.store('', 'v1', 'namespaces');
  for (const name of SYSTEM_NAMESPACES) {
    const existing = await api.ctx.storage.get('namespaces', { namespace: '', name });
    if (existing) continue;
    await namespaces.create('', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, WRITE);
  }
}

const WRITE = { dryRun: false, fieldValidation: 'Ignore', manager: 'kube-apiserver' } as const;

/** The `kubernetes` Service in default, on the first address of the service range, port 443. */
export async function createKubernetesService(api: ApiServer, targetPort: number): Promise<void> {
  const existing = await api.ctx.storage.get('services', { namespace: 'default', name: 'kubernetes' });
  if (existing) return;
  await api.store('', 'v1', 'services').create(
    'default',
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: {
        type: 'ClusterIP',
        clusterIP: api.services.apiServiceIP,
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort }],
        sessionAffinity: 'None',
      },
    },
    WRITE,
  );
}

/**
 * Points the `kubernetes` Service at the API server's port, with the Endpoints kube-apiserver
 * keeps for it (its own reconciler, not the endpoints controller: the Service has no selector).
 */
export async function publishApiServerEndpoint(api: ApiServer, advertiseAddress: string, port: number): Promise<void> {
  const services = api.store('', 'v1', 'services');
  await services.update('default', 'kubernetes', (cur) => {
    const svc = JSON.parse(JSON.stringify(cur)) as { spec: { ports: { targetPort?: number }[] } };
    svc.spec.ports[0].targetPort = port;
    return svc as never;
  }, WRITE);
  const endpoints = {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: advertiseAddress }], ports: [{ name: 'https', port, protocol: 'TCP' }] }],
  };
  await api.store('', 'v1', 'endpoints').update('default', 'kubernetes', (cur) => ({ ...endpoints, metadata: { ...endpoints.metadata, resourceVersion: cur.metadata.resourceVersion } }), WRITE, '', () => endpoints);
}
