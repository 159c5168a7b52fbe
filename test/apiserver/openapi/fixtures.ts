// Served resources as the lead's registry would describe them, for the OpenAPI tests.
import type { OpenApiResource } from '../../../src/apiserver/openapi/resource.js';

const CRUD = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const STATUS = (kind: string, group = '', version = 'v1') => ({ name: 'status', kind, group, version, verbs: ['get', 'patch', 'update'] });

export const SERVED: OpenApiResource[] = [
  { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true, verbs: CRUD, subresources: [
    STATUS('Pod'),
    { name: 'binding', kind: 'Binding', group: '', version: 'v1', verbs: ['create'] },
    { name: 'log', kind: 'Pod', group: '', version: 'v1', verbs: ['get'] },
    { name: 'exec', kind: 'PodExecOptions', group: '', version: 'v1', verbs: ['create', 'get'] },
    { name: 'eviction', kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
  ] },
  { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false, verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], subresources: [STATUS('Namespace')] },
  { group: '', version: 'v1', resource: 'nodes', kind: 'Node', namespaced: false, verbs: CRUD, subresources: [STATUS('Node')] },
  { group: '', version: 'v1', resource: 'services', kind: 'Service', namespaced: true, verbs: CRUD, subresources: [STATUS('Service')] },
  { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true, verbs: CRUD, subresources: [] },
  { group: '', version: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true, verbs: CRUD, subresources: [] },
  { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true, verbs: CRUD, subresources: [
    STATUS('Deployment', 'apps'),
    { name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
  ] },
  { group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet', namespaced: true, verbs: CRUD, subresources: [STATUS('ReplicaSet', 'apps')] },
  { group: 'coordination.k8s.io', version: 'v1', resource: 'leases', kind: 'Lease', namespaced: true, verbs: CRUD, subresources: [] },
  { group: 'rbac.authorization.k8s.io', version: 'v1', resource: 'roles', kind: 'Role', namespaced: true, verbs: CRUD, subresources: [] },
];
