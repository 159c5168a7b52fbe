// apps/v1 resources. Kubernetes twin: pkg/registry/apps/{deployment,replicaset}.
import { defineResource, type MutableObj } from './definition.js';

const scale = {
  specReplicasPath: ['spec', 'replicas'],
  statusReplicasPath: ['status', 'replicas'],
  labelSelectorPath: ['spec', 'selector'],
};

// A new workload has no status yet: its controller writes the first one.
const clearStatus = (obj: MutableObj): void => {
  delete obj.status;
};

export const deployments = defineResource({
  group: 'apps',
  version: 'v1',
  resource: 'deployments',
  kind: 'Deployment',
  namespaced: true,
  shortNames: ['deploy'],
  categories: ['all'],
  tracksGeneration: true,
  statusSubresource: true,
  scale,
  strategy: { prepareForCreate: clearStatus },
});

export const replicasets = defineResource({
  group: 'apps',
  version: 'v1',
  resource: 'replicasets',
  kind: 'ReplicaSet',
  namespaced: true,
  shortNames: ['rs'],
  categories: ['all'],
  tracksGeneration: true,
  statusSubresource: true,
  scale,
  strategy: { prepareForCreate: clearStatus },
});

export const appsResources = [deployments, replicasets];
