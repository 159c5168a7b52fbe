// Endpoints defaults. Kubernetes twin: pkg/apis/core/v1/defaults.go (SetDefaults_EndpointPort).

import type { Endpoints } from '../types/endpoints.js';

export function defaultEndpoints(ep: Endpoints): void {
  for (const subset of ep.subsets ?? []) for (const port of subset.ports ?? []) port.protocol ??= 'TCP';
}
