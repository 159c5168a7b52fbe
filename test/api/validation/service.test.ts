import { describe, expect, it } from 'vitest';
import { defaultService, prepareServiceIPFamilies } from '../../../src/api/defaults/service.js';
import type { Service } from '../../../src/api/types/service.js';
import { validateService, validateServiceUpdate } from '../../../src/api/validation/service.js';
import { texts } from './helpers.js';

function svc(spec: Service['spec']): Service {
  const s: Service = { metadata: { name: 'web', namespace: 'default', resourceVersion: '1' }, spec };
  defaultService(s);
  prepareServiceIPFamilies(s);
  return s;
}

describe('validateService', () => {
  it('accepts a defaulted ClusterIP service', () => {
    expect(texts(validateService(svc({ selector: { app: 'web' }, ports: [{ port: 80 }] })))).toEqual([]);
  });
  it('requires ports unless headless or ExternalName', () => {
    expect(texts(validateService(svc({})))).toEqual(['spec.ports: Required value']);
    expect(texts(validateService(svc({ clusterIP: 'None' })))).toEqual([]);
  });
  it('names must be DNS-1035 labels', () => {
    const s = svc({ ports: [{ port: 80 }] });
    s.metadata.name = '1web';
    expect(texts(validateService(s))[0]).toMatch(/^metadata\.name: Invalid value: "1web": a DNS-1035 label must consist/);
  });
  it('checks ports: range, names when several, duplicates, protocol', () => {
    const s = svc({ ports: [{ port: 0, name: 'a' }, { port: 80 }, { port: 80, name: 'a', protocol: 'HTTP' as never }] });
    expect(texts(validateService(s))).toEqual([
      'spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[0].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.ports[1].name: Required value',
      'spec.ports[2].name: Duplicate value: "a"',
      'spec.ports[2].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });
  it('rejects an unknown type and a headless NodePort', () => {
    expect(texts(validateService(svc({ type: 'Bogus' as never, ports: [{ port: 80 }] })))).toContain(
      'spec.type: Unsupported value: "Bogus": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
    );
    expect(texts(validateService(svc({ type: 'NodePort', clusterIP: 'None', ports: [{ port: 80 }] })))).toContain(
      `spec.clusterIPs[0]: Invalid value: "None": may not be set to 'None' for NodePort services`,
    );
  });
  it('ExternalName needs a DNS name and nothing IP-ish', () => {
    expect(texts(validateService(svc({ type: 'ExternalName' })))).toEqual(['spec.externalName: Required value']);
    expect(texts(validateService(svc({ type: 'ExternalName', externalName: 'db.example.com.' })))).toEqual([]);
  });
  it('rejects a bad clusterIP', () => {
    expect(texts(validateService(svc({ clusterIP: '10.0.0.300', ports: [{ port: 80 }] })))).toContain(
      'spec.clusterIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    );
  });
  it('forbids nodePort on ClusterIP services', () => {
    expect(texts(validateService(svc({ ports: [{ port: 80, nodePort: 30080 }] })))).toEqual([
      "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
    ]);
  });
});

describe('validateServiceUpdate', () => {
  it('a clusterIP, once set, may not change', () => {
    const prev = svc({ clusterIP: '10.96.0.10', ports: [{ port: 80 }] });
    const next = svc({ clusterIP: '10.96.0.11', ports: [{ port: 80 }] });
    expect(texts(validateServiceUpdate(next, prev))).toEqual(['spec.clusterIPs[0]: Invalid value: ["10.96.0.11"]: may not change once set']);
  });
});
