// ConfigMap, with Kubernetes' JSON field names. Kubernetes twin: k8s.io/api/core/v1/types.go (ConfigMap).
import type { ObjectMeta } from '../types.js';

export interface ConfigMap {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  immutable?: boolean;
  data?: Record<string, string>;
  /** Values are base64 in JSON, as every []byte field. */
  binaryData?: Record<string, string>;
}
