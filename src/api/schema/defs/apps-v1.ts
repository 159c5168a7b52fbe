// Schema declarations: Deployment, DeploymentList, ReplicaSet, ReplicaSetList, DeploymentSpec, DeploymentStatus, ReplicaSetSpec, ReplicaSetStatus, DeploymentStrategy, DeploymentCondition, ReplicaSetCondition, RollingUpdateDeployment.
// Kubernetes twin: staging/src/k8s.io/api/apps/v1/types.go (Deployment, ReplicaSet), v1.32; field names, types and patch tags follow the Go structs.
import { object, field, str, int32, int64, bool, ref, list, mergeList, kind, type TypeDecl, oneOf } from '../dsl.js';
import { CORE, META, APPS, intOrString, time, objectMeta } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION, listType } from '../type-meta.js';

export const appsV1Types: readonly TypeDecl[] = [
  object(APPS + 'Deployment', 'Keeps a number of identical pods running and rolls out changes through replica sets.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    spec: ref(APPS + 'DeploymentSpec'),
    status: ref(APPS + 'DeploymentStatus'),
  }, { gvk: kind('apps', 'v1', 'Deployment') }),
  listType(APPS + 'DeploymentList', 'A page of deployments.', ref(APPS + 'Deployment'), 'The objects of this page.', kind('apps', 'v1', 'DeploymentList')),
  object(APPS + 'ReplicaSet', 'Keeps a number of identical pods running.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    spec: ref(APPS + 'ReplicaSetSpec'),
    status: ref(APPS + 'ReplicaSetStatus'),
  }, { gvk: kind('apps', 'v1', 'ReplicaSet') }),
  listType(APPS + 'ReplicaSetList', 'A page of replica sets.', ref(APPS + 'ReplicaSet'), 'The objects of this page.', kind('apps', 'v1', 'ReplicaSetList')),
  object(APPS + 'DeploymentSpec', 'The pods a deployment wants and how it replaces them.', {
    minReadySeconds: field(int32, 'Seconds a new pod must be ready before it counts as available.'),
    paused: field(bool, 'Stops the rollout while true.'),
    progressDeadlineSeconds: field(int32, 'Seconds without progress before the rollout counts as stuck.'),
    replicas: field(int32, 'Desired number of pods; 1 by default.'),
    revisionHistoryLimit: field(int32, 'How many old replica sets to keep.'),
    selector: field(ref(META + 'LabelSelector'), 'Selects the pods the deployment owns; must match the template labels.'),
    strategy: field(ref(APPS + 'DeploymentStrategy'), 'How to replace old pods.', { patchStrategy: 'retainKeys' }),
    template: field(ref(CORE + 'PodTemplateSpec'), 'The pods to create.'),
  }, { required: ['selector', 'template'] }),
  object(APPS + 'DeploymentStatus', 'How far the deployment\'s rollout has come.', {
    availableReplicas: int32,
    collisionCount: int32,
    conditions: field(list(ref(APPS + 'DeploymentCondition')), undefined, mergeList('type')),
    observedGeneration: int64,
    readyReplicas: int32,
    replicas: int32,
    unavailableReplicas: int32,
    updatedReplicas: int32,
  }),
  object(APPS + 'ReplicaSetSpec', 'How many pods, which ones, and from which template.', {
    minReadySeconds: int32,
    replicas: field(int32, 'Desired number of pods.'),
    selector: field(ref(META + 'LabelSelector'), 'Selects the pods the replica set owns.'),
    template: field(ref(CORE + 'PodTemplateSpec'), 'The pods to create.'),
  }, { required: ['selector'] }),
  object(APPS + 'ReplicaSetStatus', 'How many pods the replica set has, by state.', {
    availableReplicas: int32,
    conditions: field(list(ref(APPS + 'ReplicaSetCondition')), undefined, mergeList('type')),
    fullyLabeledReplicas: int32,
    observedGeneration: int64,
    readyReplicas: int32,
    replicas: int32,
  }, { required: ['replicas'] }),
  object(APPS + 'DeploymentStrategy', 'How old pods are replaced by new ones.', {
    rollingUpdate: ref(APPS + 'RollingUpdateDeployment'),
    type: field(oneOf('Recreate', 'RollingUpdate'), 'RollingUpdate or Recreate.'),
  }),
  object(APPS + 'DeploymentCondition', 'One aspect of a deployment\'s state.', {
    lastTransitionTime: time,
    lastUpdateTime: time,
    message: str,
    reason: str,
    status: str,
    type: str,
  }, { required: ['status', 'type'] }),
  object(APPS + 'ReplicaSetCondition', 'One aspect of a replica set\'s state.', {
    lastTransitionTime: time,
    message: str,
    reason: str,
    status: str,
    type: str,
  }, { required: ['status', 'type'] }),
  object(APPS + 'RollingUpdateDeployment', 'Limits of a rolling update.', {
    maxSurge: field(intOrString, 'How many pods above the desired count may exist during the update.'),
    maxUnavailable: field(intOrString, 'How many pods may be unavailable during the update.'),
  }),
];
