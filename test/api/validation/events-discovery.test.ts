import { describe, expect, it } from 'vitest';
import { validateEvent, validateEventsV1Event } from '../../../src/api/validation/event.js';
import { validateEndpointSlice, validateEndpointSliceUpdate } from '../../../src/api/validation/endpointslice.js';
import { validateLease } from '../../../src/api/validation/lease.js';
import { texts } from './helpers.js';

describe('events', () => {
  it('core/v1: involvedObject namespace must match', () => {
    const e = { metadata: { name: 'e', namespace: 'default' }, involvedObject: { kind: 'Pod', name: 'p', namespace: 'other' } };
    expect(texts(validateEvent(e))).toEqual(['involvedObject.namespace: Invalid value: "other": does not match event.namespace']);
  });
  it('events.k8s.io/v1: new events need controller, instance, action, reason, eventTime', () => {
    const e = { metadata: { name: 'e', namespace: 'default' }, type: 'Normal', regarding: { kind: 'Pod', name: 'p', namespace: 'default' } };
    expect(texts(validateEventsV1Event(e))).toEqual(['eventTime: Required value']);
    const timed = { ...e, eventTime: '2024-01-01T00:00:00.000000Z', note: 'x'.repeat(1025) };
    // kube also runs the qualified-name check on the empty controller, so it reports it three times.
    expect(texts(validateEventsV1Event(timed))).toEqual([
      'reportingController: Required value',
      'reportingController: Invalid value: "": name part must be non-empty',
      expect.stringMatching(/^reportingController: Invalid value: "": name part must consist of/),
      'reportingInstance: Required value',
      'action: Required value',
      'reason: Required value',
      'message: Invalid value: "": can have at most 1024 characters',
    ]);
  });
});

describe('endpointslices and leases', () => {
  const meta = { name: 's', namespace: 'd', resourceVersion: '1' };
  it('addressType enum and addresses', () => {
    expect(texts(validateEndpointSlice({ metadata: meta, addressType: 'IPX' as never, endpoints: [] }))).toEqual([
      'addressType: Unsupported value: "IPX": supported values: "FQDN", "IPv4", "IPv6"',
    ]);
    const slice = { metadata: meta, addressType: 'IPv4' as const, endpoints: [{ addresses: [] }, { addresses: ['fd00::1'] }], ports: [{ name: 'a' }, { name: 'a', protocol: 'TCP' as const }] };
    expect(texts(validateEndpointSlice(slice))).toEqual([
      'endpoints[0].addresses: Required value: must contain at least 1 address',
      'endpoints[1].addresses[0]: Invalid value: "fd00::1": must be a valid IPv4 address',
      'ports[0].protocol: Required value',
      'ports[1].name: Duplicate value: "a"',
    ]);
  });
  it('addressType is immutable', () => {
    const prev = { metadata: meta, addressType: 'IPv4' as const, endpoints: [] };
    expect(texts(validateEndpointSliceUpdate({ ...prev, addressType: 'IPv6' }, prev))).toEqual(['addressType: Invalid value: "IPv6": field is immutable']);
  });
  it('lease duration must be positive', () => {
    expect(texts(validateLease({ metadata: meta, spec: { leaseDurationSeconds: 0, leaseTransitions: -1 } }))).toEqual([
      'spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0',
      'spec.leaseTransitions: Invalid value: -1: must be greater than or equal to 0',
    ]);
  });
});
