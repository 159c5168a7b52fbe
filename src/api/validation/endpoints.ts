// Endpoints (core/v1) validation. Kubernetes twin: pkg/apis/core/validation/validation.go
// (ValidateEndpoints, validateEndpointSubsets, validateEndpointAddress, validateEndpointPort).

import { FieldPath, invalid, required, type FieldError } from '../field-errors.js';
import type { Frozen } from '../types.js';
import type { EndpointAddress, EndpointPort, Endpoints } from '../types/endpoints.js';
import { validateDNS1123Label, validateProtocol, validateQualifiedName } from './common.js';
import { isValidIP, validateNonSpecialIP } from './ip.js';
import { isValidPortNum, nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

type Ep = Frozen<Endpoints>;

function validateEndpointAddress(a: Frozen<EndpointAddress>, path: FieldPath): FieldError[] {
  const ipPath = path.child('ip');
  const errs = isValidIP(a.ip ?? '').map((m) => invalid(ipPath, a.ip ?? '', m));
  if (a.hostname) errs.push(...validateDNS1123Label(a.hostname, path.child('hostname')));
  if (a.nodeName !== undefined) {
    for (const msg of nameIsDNSSubdomain(a.nodeName, false)) errs.push(invalid(path.child('nodeName'), a.nodeName, msg));
  }
  return [...errs, ...validateNonSpecialIP(a.ip ?? '', ipPath)];
}

/** With more than one port every port needs a name, so consumers can tell them apart. */
export function validateEndpointPort(p: Frozen<EndpointPort>, requireName: boolean, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(required(path.child('name')));
  else if (p.name) errs.push(...validateDNS1123Label(p.name, path.child('name')));
  for (const msg of isValidPortNum(p.port ?? 0)) errs.push(invalid(path.child('port'), p.port ?? 0, msg));
  errs.push(...validateProtocol(p.protocol, path.child('protocol')));
  if (p.appProtocol !== undefined) errs.push(...validateQualifiedName(p.appProtocol, path.child('appProtocol')));
  return errs;
}

function validateEndpointSubsets(ep: Ep): FieldError[] {
  const errs: FieldError[] = [];
  (ep.subsets ?? []).forEach((ss, i) => {
    const p = FieldPath.root('subsets').index(i);
    // Ports may be absent (headless services), addresses may not.
    if (!ss.addresses?.length && !ss.notReadyAddresses?.length) errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    (ss.addresses ?? []).forEach((a, j) => errs.push(...validateEndpointAddress(a, p.child('addresses').index(j))));
    (ss.notReadyAddresses ?? []).forEach((a, j) => errs.push(...validateEndpointAddress(a, p.child('notReadyAddresses').index(j))));
    const ports = ss.ports ?? [];
    ports.forEach((port, j) => errs.push(...validateEndpointPort(port, ports.length > 1, p.child('ports').index(j))));
  });
  return errs;
}

export function validateEndpoints(ep: Ep): FieldError[] {
  return [...validateObjectMeta(ep.metadata, { namespaced: true, validateName: nameIsDNSSubdomain }), ...validateEndpointSubsets(ep)];
}

export function validateEndpointsUpdate(next: Ep, prev: Ep): FieldError[] {
  return [...validateObjectMetaUpdate(next.metadata, prev.metadata), ...validateEndpointSubsets(next)];
}
