// Scale (autoscaling/v1), the scale subresource's body. Kubernetes twin: k8s.io/api/autoscaling/v1/types.go (Scale).
import type { ObjectMeta } from '../types.js';

export interface Scale {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: { replicas?: number };
  status?: { replicas: number; selector?: string };
}
