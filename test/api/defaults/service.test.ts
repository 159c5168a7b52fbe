import { describe, expect, it } from 'vitest';
import { defaultService, prepareServiceIPFamilies } from '../../../src/api/defaults/service.js';
import type { Service } from '../../../src/api/types/service.js';

describe('defaultService', () => {
  it('fills type, affinity, protocol, targetPort and traffic policies', () => {
    const s: Service = { metadata: { name: 'a' }, spec: { type: 'NodePort', ports: [{ port: 80 }, { port: 81, targetPort: 'http' }] } };
    defaultService(s);
    expect(s.spec).toEqual({
      type: 'NodePort',
      sessionAffinity: 'None',
      ports: [
        { port: 80, protocol: 'TCP', targetPort: 80 },
        { port: 81, protocol: 'TCP', targetPort: 'http' },
      ],
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
    });
  });
  it('ClusterIP gets no externalTrafficPolicy; ClientIP affinity gets a timeout', () => {
    const s: Service = { metadata: {}, spec: { sessionAffinity: 'ClientIP', ports: [{ port: 1 }] } };
    defaultService(s);
    expect(s.spec?.type).toBe('ClusterIP');
    expect(s.spec?.externalTrafficPolicy).toBeUndefined();
    expect(s.spec?.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
  });
  it('LoadBalancer allocates node ports by default', () => {
    const s: Service = { metadata: {}, spec: { type: 'LoadBalancer' } };
    defaultService(s);
    expect(s.spec?.allocateLoadBalancerNodePorts).toBe(true);
  });
  it('create-time families: SingleStack IPv4, RequireDualStack for selectorless headless', () => {
    const s: Service = { metadata: {}, spec: { type: 'ClusterIP', clusterIP: 'fd00::1' } };
    prepareServiceIPFamilies(s);
    expect(s.spec).toMatchObject({ clusterIPs: ['fd00::1'], ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv6'] });
    const h: Service = { metadata: {}, spec: { type: 'ClusterIP', clusterIP: 'None' } };
    prepareServiceIPFamilies(h);
    expect(h.spec).toMatchObject({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4'] });
  });
});
