// Deployment defaults. Kubernetes twin: pkg/apis/apps/v1/defaults.go (SetDefaults_Deployment)
// plus the pod defaults for its template.

import type { Deployment } from '../types/deployment.js';
import { defaultPodTemplateSpec } from './pod.js';

export const DEFAULT_MAX_UNAVAILABLE = '25%';
export const DEFAULT_MAX_SURGE = '25%';
export const DEFAULT_REVISION_HISTORY_LIMIT = 10;
export const DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;

export function defaultDeployment(d: Deployment): void {
  const spec = d.spec;
  if (!spec) return;
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ??= 'RollingUpdate';
  // Recreate keeps no rollingUpdate: validation forbids one there.
  if (spec.strategy.type === 'RollingUpdate') {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= DEFAULT_MAX_UNAVAILABLE;
    spec.strategy.rollingUpdate.maxSurge ??= DEFAULT_MAX_SURGE;
  }
  spec.revisionHistoryLimit ??= DEFAULT_REVISION_HISTORY_LIMIT;
  spec.progressDeadlineSeconds ??= DEFAULT_PROGRESS_DEADLINE_SECONDS;
  if (spec.template) defaultPodTemplateSpec(spec.template);
}
