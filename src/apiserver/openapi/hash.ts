// The content hash in /openapi/v3 URLs. Kubernetes twin: k8s.io/kube-openapi/pkg/handler3
// (computeETag): SHA-512 of the JSON bytes, upper-case hex. Clients cache documents by URL, so
// the hash must change exactly when the content does and be the same on every run.
import { createHash } from 'node:crypto';

export function contentHash(document: unknown): string {
  return createHash('sha512').update(JSON.stringify(document)).digest('hex').toUpperCase();
}
