// EndpointSlice defaults. Kubernetes twin: pkg/apis/discovery/v1/defaults.go (SetDefaults_EndpointPort).

import type { EndpointSlice } from '../types/endpointslice.js';

export function defaultEndpointSlice(slice: EndpointSlice): void {
  for (const port of slice.ports ?? []) {
    port.name ??= '';
    port.protocol ??= 'TCP';
  }
}
