// List continuation tokens, shaped as kube-apiserver's: base64 of
// {"v":"meta.k8s.io/v1","rv":N,"start":"<next key>"}. Kubernetes twin:
// k8s.io/apiserver/pkg/storage/continue.go.
import { badRequest } from '../../api/errors.js';

export interface ContinuePoint {
  revision: number;
  /** The first key the next page may return. */
  start: string;
}

export function encodeContinue(point: ContinuePoint): string {
  const json = JSON.stringify({ v: 'meta.k8s.io/v1', rv: point.revision, start: point.start });
  return Buffer.from(json, 'utf8').toString('base64url');
}

export function decodeContinue(token: string): ContinuePoint {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('continue key is not valid: invalid character in continue token');
  }
  const p = parsed as { v?: unknown; rv?: unknown; start?: unknown };
  if (p === null || typeof p !== 'object' || p.v !== 'meta.k8s.io/v1') {
    throw badRequest('continue key is not valid: server does not recognize this encoded version');
  }
  if (typeof p.rv !== 'number' || !Number.isInteger(p.rv) || p.rv <= 0 || typeof p.start !== 'string' || p.start === '') {
    throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
  }
  return { revision: p.rv, start: p.start };
}
