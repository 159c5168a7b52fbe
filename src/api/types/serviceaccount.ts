// ServiceAccount, with Kubernetes' JSON field names. Kubernetes twin: k8s.io/api/core/v1/types.go (ServiceAccount).
import type { ObjectMeta } from '../types.js';
import type { ObjectReference } from './endpoints.js';

export interface ServiceAccount {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  secrets?: ObjectReference[];
  imagePullSecrets?: { name?: string }[];
  automountServiceAccountToken?: boolean;
}
