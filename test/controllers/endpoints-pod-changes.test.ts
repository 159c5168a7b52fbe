// Which pod updates the endpoint controllers act on: readiness, addresses, deletion and phase
// change a pod's entry; labels and hostname/subdomain change which Services select it; status
// churn (a restart count, a probe) changes nothing and is skipped.
import { describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { Pod } from '../../src/api/types/pod.js';
import { podEndpointChange } from '../../src/controllers/endpoints/pod-changes.js';

const pod = (over: { ready?: boolean; ip?: string; labels?: Record<string, string>; deleting?: boolean; restarts?: number; phase?: string } = {}): Frozen<Pod> =>
  ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'd', labels: over.labels ?? { app: 'web' }, ...(over.deleting ? { deletionTimestamp: '2024-01-01T00:00:00Z' } : {}) },
    spec: { containers: [{ name: 'c', image: 'nginx' }] },
    status: {
      phase: over.phase ?? 'Running',
      podIP: over.ip ?? '10.0.0.1',
      podIPs: [{ ip: over.ip ?? '10.0.0.1' }],
      conditions: [{ type: 'Ready', status: over.ready === false ? 'False' : 'True' }],
      containerStatuses: [{ name: 'c', image: 'nginx', imageID: '', ready: true, restartCount: over.restarts ?? 0 }],
    },
  }) as Frozen<Pod>;

describe('podEndpointChange', () => {
  it('ignores status churn that endpoints do not show', () => {
    expect(podEndpointChange(pod(), pod({ restarts: 3 }))).toEqual({ podChanged: false, membershipChanged: false });
  });

  it('sees readiness, address, deletion and phase changes', () => {
    expect(podEndpointChange(pod(), pod({ ready: false })).podChanged).toBe(true);
    expect(podEndpointChange(pod(), pod({ ip: '10.0.0.2' })).podChanged).toBe(true);
    expect(podEndpointChange(pod(), pod({ deleting: true })).podChanged).toBe(true);
    expect(podEndpointChange(pod(), pod({ phase: 'Succeeded' })).podChanged).toBe(true);
  });

  it('sees label changes as a change of membership only', () => {
    expect(podEndpointChange(pod(), pod({ labels: { app: 'api' } }))).toEqual({ podChanged: false, membershipChanged: true });
  });
});
