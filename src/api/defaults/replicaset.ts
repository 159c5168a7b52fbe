// ReplicaSet defaults. Kubernetes twin: pkg/apis/apps/v1/defaults.go (SetDefaults_ReplicaSet)
// plus the pod defaults for its template.

import type { ReplicaSet } from '../types/replicaset.js';
import { defaultPodTemplateSpec } from './pod.js';

export function defaultReplicaSet(rs: ReplicaSet): void {
  if (!rs.spec) return;
  rs.spec.replicas ??= 1;
  if (rs.spec.template) defaultPodTemplateSpec(rs.spec.template);
}
