// apps/v1 resources. Kubernetes twin: pkg/registry/apps/{deployment,replicaset}.
import { defineResource } from './definition.js';
import { deploymentStrategy, replicaSetStrategy } from './strategies/groups.js';

const scale = {
  specReplicasPath: ['spec', 'replicas'],
  statusReplicasPath: ['status', 'replicas'],
  labelSelectorPath: ['spec', 'selector'],
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
  strategy: deploymentStrategy,
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
  strategy: replicaSetStrategy,
});

export const appsResources = [deployments, replicasets];
