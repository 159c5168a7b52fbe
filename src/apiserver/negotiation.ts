// Picks the response format from the Accept header. Kubernetes twin:
// k8s.io/apiserver/pkg/endpoints/handlers/negotiation. We speak JSON only: plain objects,
// meta.k8s.io Tables (what kubectl get asks for) and PartialObjectMetadata.
import * as errors from '../api/errors.js';

export type Representation =
  | { as: 'object' }
  | { as: 'Table'; version: 'v1' | 'v1beta1' }
  | { as: 'PartialObjectMetadata'; version: 'v1' | 'v1beta1' };

interface MediaRange {
  type: string;
  params: Record<string, string>;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => {
      const [type, ...rawParams] = part.split(';').map((s) => s.trim());
      const params: Record<string, string> = {};
      for (const p of rawParams) {
        const eq = p.indexOf('=');
        if (eq > 0) params[p.slice(0, eq).trim().toLowerCase()] = p.slice(eq + 1).trim();
      }
      const q = params.q !== undefined ? Number(params.q) : 1;
      delete params.q;
      return { type: type.toLowerCase(), params, q: Number.isNaN(q) ? 1 : q };
    })
    .filter((m) => m.type !== '' && m.q > 0)
    .sort((a, b) => b.q - a.q); // stable: equal q keeps the client's order
}

const ACCEPTED = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];

function isJson(type: string): boolean {
  return type === 'application/json' || type === 'application/*' || type === '*/*';
}

/** What to answer for a resource request, or 406 when the client takes nothing we speak. */
export function negotiate(accept: string | undefined): Representation {
  if (!accept) return { as: 'object' };
  for (const m of parseAccept(accept)) {
    if (!isJson(m.type)) continue;
    const as = m.params.as;
    if (!as) return { as: 'object' };
    if (m.params.g !== 'meta.k8s.io') continue;
    const version = m.params.v;
    if (version !== 'v1' && version !== 'v1beta1') continue;
    if (as === 'Table') return { as: 'Table', version };
    if (as === 'PartialObjectMetadata' || as === 'PartialObjectMetadataList') return { as: 'PartialObjectMetadata', version };
  }
  throw errors.notAcceptable(ACCEPTED);
}

/** Whether the client asked for aggregated discovery, and which version of it. */
export function wantsAggregatedDiscovery(accept: string | undefined): 'v2' | 'v2beta1' | undefined {
  if (!accept) return undefined;
  for (const m of parseAccept(accept)) {
    if (!isJson(m.type)) continue;
    if (m.params.g === 'apidiscovery.k8s.io' && m.params.as === 'APIGroupDiscoveryList') {
      if (m.params.v === 'v2' || m.params.v === 'v2beta1') return m.params.v;
      continue;
    }
    if (!m.params.as) return undefined; // plain JSON preferred over anything later in the list
  }
  return undefined;
}
