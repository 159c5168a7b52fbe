// The core/v1 resources kube-apiserver serves under /api/v1 that kubesim models.
// Kubernetes twin: pkg/registry/core/*/storage and strategy.go.
import { defineResource, type MutableObj, type Obj } from './definition.js';

type PodLike = { spec?: { nodeName?: string; terminationGracePeriodSeconds?: number }; status?: { phase?: string } };

export const namespaces = defineResource({
  group: '',
  version: 'v1',
  resource: 'namespaces',
  kind: 'Namespace',
  namespaced: false,
  shortNames: ['ns'],
  statusSubresource: true,
  returnDeletedObject: true,
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
});

export const nodes = defineResource({
  group: '',
  version: 'v1',
  resource: 'nodes',
  kind: 'Node',
  namespaced: false,
  shortNames: ['no'],
  statusSubresource: true,
});

export const pods = defineResource({
  group: '',
  version: 'v1',
  resource: 'pods',
  kind: 'Pod',
  namespaced: true,
  shortNames: ['po'],
  categories: ['all'],
  statusSubresource: true,
  returnDeletedObject: true,
  strategy: {
    prepareForCreate(obj: MutableObj) {
      // A new pod starts Pending whatever the client sent; kubelets own status from here.
      obj.status = { phase: 'Pending' };
    },
    gracePeriodSeconds(obj: Obj, requested: number | undefined): number {
      const pod = obj as unknown as PodLike;
      // Only a kubelet can stop containers: an unscheduled or finished pod goes at once.
      if (!pod.spec?.nodeName) return 0;
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
      return requested ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    },
  },
});

export const services = defineResource({
  group: '',
  version: 'v1',
  resource: 'services',
  kind: 'Service',
  namespaced: true,
  shortNames: ['svc'],
  categories: ['all'],
  statusSubresource: true,
  returnDeletedObject: true,
  verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
});

export const endpoints = defineResource({
  group: '',
  version: 'v1',
  resource: 'endpoints',
  kind: 'Endpoints',
  singular: 'endpoints',
  namespaced: true,
  shortNames: ['ep'],
  allowCreateOnUpdate: true,
});

export const configmaps = defineResource({
  group: '',
  version: 'v1',
  resource: 'configmaps',
  kind: 'ConfigMap',
  namespaced: true,
  shortNames: ['cm'],
});

export const secrets = defineResource({
  group: '',
  version: 'v1',
  resource: 'secrets',
  kind: 'Secret',
  namespaced: true,
});

export const serviceaccounts = defineResource({
  group: '',
  version: 'v1',
  resource: 'serviceaccounts',
  kind: 'ServiceAccount',
  namespaced: true,
  shortNames: ['sa'],
  returnDeletedObject: true,
});

export const events = defineResource({
  group: '',
  version: 'v1',
  resource: 'events',
  kind: 'Event',
  namespaced: true,
  shortNames: ['ev'],
  allowCreateOnUpdate: true,
});

export const podtemplates = defineResource({
  group: '',
  version: 'v1',
  resource: 'podtemplates',
  kind: 'PodTemplate',
  namespaced: true,
});

export const coreResources = [namespaces, nodes, pods, services, endpoints, configmaps, secrets, serviceaccounts, events, podtemplates];
