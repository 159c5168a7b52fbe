// Secret, with Kubernetes' JSON field names. Kubernetes twin: k8s.io/api/core/v1/types.go (Secret).
import type { ObjectMeta } from '../types.js';

export interface Secret {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  immutable?: boolean;
  /** Values are base64 in JSON, as every []byte field. */
  data?: Record<string, string>;
  /** Write-only convenience: merged into data on write, never stored. */
  stringData?: Record<string, string>;
  type?: string;
}
