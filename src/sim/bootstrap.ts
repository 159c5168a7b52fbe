// What a new cluster holds before anyone writes: the namespaces kube-apiserver creates at
// start. Kubernetes twin: the system namespaces controller (pkg/controlplane/controller/systemnamespaces).
import type { ApiServer } from '../apiserver/apiserver.js';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'] as const;

export async function createSystemNamespaces(api: ApiServer): Promise<void> {
  const namespaces = api.store('', 'v1', 'namespaces');
  for (const name of SYSTEM_NAMESPACES) {
    const existing = await api.ctx.storage.get('namespaces', { namespace: '', name });
    if (existing) continue;
    await namespaces.create('', { apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, { dryRun: false, fieldValidation: 'Ignore' });
  }
}
