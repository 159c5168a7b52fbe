// EndpointSlice (discovery.k8s.io/v1) validation. Kubernetes twin: pkg/apis/discovery/validation/validation.go.

import { duplicate, FieldPath, invalid, notSupported, required, tooMany, type FieldError } from '../field-errors.js';
import type { Frozen } from '../types.js';
import type { Endpoint, EndpointSlice, EndpointSlicePort } from '../types/endpointslice.js';
import { validateDNS1123Label, validateDNS1123Subdomain, validateProtocol, validateQualifiedName } from './common.js';
import { isValidIPv4Address, isValidIPv6Address, validateNonSpecialIP } from './ip.js';
import { isDNS1123Label, nameIsDNSSubdomain } from './names.js';
import { validateImmutableField, validateLabels, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

type Slice = Frozen<EndpointSlice>;
export const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'] as const;
/** Caps that keep one slice a reasonable watch event. */
const MAX_ADDRESSES = 100;
const MAX_PORTS = 20000;
const MAX_ENDPOINTS = 1000;
const MAX_TOPOLOGY_LABELS = 16;
const MAX_ZONE_HINTS = 8;
const MAX_NODE_HINTS = 8;

/** A fully qualified domain name: a subdomain with at least two labels, a trailing dot allowed. */
function validateFQDN(value: string, path: FieldPath): FieldError[] {
  if (!value) return [required(path)];
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  const sub = validateDNS1123Subdomain(name, path);
  if (sub.length) return [{ ...sub[0], detail: sub.map((e) => e.detail).join(',') }];
  const labels = name.split('.');
  if (labels.length < 2) return [invalid(path, name, 'should be a domain with at least two segments separated by dots')];
  for (const label of labels) {
    const msgs = isDNS1123Label(label);
    if (msgs.length) return [invalid(path, label, msgs.join(','))];
  }
  return [];
}

function validateAddress(address: string, addressType: string, path: FieldPath): FieldError[] {
  if (addressType === 'FQDN') return validateFQDN(address, path);
  const check = addressType === 'IPv4' ? isValidIPv4Address : addressType === 'IPv6' ? isValidIPv6Address : undefined;
  if (!check) return []; // unknown types were already reported at addressType
  const msgs = check(address);
  return msgs.length ? msgs.map((m) => invalid(path, address, m)) : validateNonSpecialIP(address, path);
}

function validateHints(hints: NonNullable<Frozen<Endpoint>['hints']>, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const check = (list: readonly { name: string }[] | undefined, field: string, max: number): void => {
    const p = path.child(field);
    if ((list?.length ?? 0) > max) {
      errs.push(tooMany(p, list?.length ?? 0, max));
      return;
    }
    const seen = new Set<string>();
    (list ?? []).forEach((h, i) => {
      if (seen.has(h.name)) errs.push(duplicate(p.index(i), h.name));
      else if (field === 'forZones') errs.push(...validateDNS1123Label(h.name, p.index(i).child('name')));
      else errs.push(...nameIsDNSSubdomain(h.name, false).map((m) => invalid(p.index(i).child('name'), h.name, m)));
      seen.add(h.name);
    });
  };
  check(hints.forZones, 'forZones', MAX_ZONE_HINTS);
  check(hints.forNodes, 'forNodes', MAX_NODE_HINTS);
  return errs;
}

function validateEndpoint(ep: Frozen<Endpoint>, addressType: string, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  const addrPath = path.child('addresses');
  const addresses = ep.addresses ?? [];
  if (addresses.length === 0) errs.push(required(addrPath, 'must contain at least 1 address'));
  else if (addresses.length > MAX_ADDRESSES) errs.push(tooMany(addrPath, addresses.length, MAX_ADDRESSES));
  addresses.forEach((a, i) => errs.push(...validateAddress(a, addressType, addrPath.index(i))));
  if (ep.nodeName !== undefined) errs.push(...nameIsDNSSubdomain(ep.nodeName, false).map((m) => invalid(path.child('nodeName'), ep.nodeName, m)));
  const topology = path.child('deprecatedTopology');
  const topologyCount = Object.keys(ep.deprecatedTopology ?? {}).length;
  if (topologyCount > MAX_TOPOLOGY_LABELS) errs.push(tooMany(topology, topologyCount, MAX_TOPOLOGY_LABELS));
  errs.push(...validateLabels(ep.deprecatedTopology, topology));
  if (ep.zone !== undefined) errs.push(...validateDNS1123Label(ep.zone, path.child('zone')));
  if (ep.hostname !== undefined) errs.push(...validateDNS1123Label(ep.hostname, path.child('hostname')));
  if (ep.hints) errs.push(...validateHints(ep.hints, path.child('hints')));
  return errs;
}

function validatePorts(ports: readonly Frozen<EndpointSlicePort>[], path: FieldPath): FieldError[] {
  if (ports.length > MAX_PORTS) return [tooMany(path, ports.length, MAX_PORTS)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  ports.forEach((p, i) => {
    const pp = path.index(i);
    const name = p.name ?? '';
    if (name) errs.push(...validateDNS1123Label(name, pp.child('name')));
    if (names.has(name)) errs.push(duplicate(pp.child('name'), name));
    names.add(name);
    errs.push(...validateProtocol(p.protocol, pp.child('protocol')));
    if (p.appProtocol !== undefined) errs.push(...validateQualifiedName(p.appProtocol, pp.child('appProtocol')));
  });
  return errs;
}

export function validateEndpointSlice(slice: Slice): FieldError[] {
  const errs = validateObjectMeta(slice.metadata, { namespaced: true, validateName: nameIsDNSSubdomain });
  const typePath = FieldPath.root('addressType');
  if (!slice.addressType) errs.push(required(typePath));
  else if (!(ADDRESS_TYPES as readonly string[]).includes(slice.addressType)) errs.push(notSupported(typePath, slice.addressType, ADDRESS_TYPES));
  const endpoints = slice.endpoints ?? [];
  const epPath = FieldPath.root('endpoints');
  if (endpoints.length > MAX_ENDPOINTS) errs.push(tooMany(epPath, endpoints.length, MAX_ENDPOINTS));
  else endpoints.forEach((ep, i) => errs.push(...validateEndpoint(ep, slice.addressType, epPath.index(i))));
  return [...errs, ...validatePorts(slice.ports ?? [], FieldPath.root('ports'))];
}

/** addressType is fixed: consumers group slices by it. */
export function validateEndpointSliceUpdate(next: Slice, prev: Slice): FieldError[] {
  return [
    ...validateObjectMetaUpdate(next.metadata, prev.metadata),
    ...validateEndpointSlice(next),
    ...validateImmutableField(next.addressType, prev.addressType, FieldPath.root('addressType')),
  ];
}
