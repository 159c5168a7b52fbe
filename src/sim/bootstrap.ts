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

const WRITE = { dryRun: false, fieldValidation: 'Ignore' } as const;

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
