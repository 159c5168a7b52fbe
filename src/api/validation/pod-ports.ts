// Container ports and the port references in probes and hooks.
// Kubernetes twin: pkg/apis/core/validation/validation.go (validateContainerPorts,
// AccumulateUniqueHostPorts, ValidatePortNumOrName).
import { duplicate, invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import type { Container, ContainerPort, IntOrString } from '../types/pod.js';
import { isValidPortName, isValidPortNum } from './names.js';

/** Sorted, as Go's sets.List prints them. */
export const SUPPORTED_PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;

function validatePort(port: ContainerPort, path: FieldPath, names: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  if (port.name) {
    const msgs = isValidPortName(port.name);
    if (msgs.length) errs.push(...msgs.map((m) => invalid(path.child('name'), port.name, m)));
    else if (names.has(port.name)) errs.push(duplicate(path.child('name'), port.name));
    else names.add(port.name);
  }
  if (!port.containerPort) errs.push(required(path.child('containerPort')));
  else errs.push(...isValidPortNum(port.containerPort).map((m) => invalid(path.child('containerPort'), port.containerPort, m)));
  if (port.hostPort) errs.push(...isValidPortNum(port.hostPort).map((m) => invalid(path.child('hostPort'), port.hostPort, m)));
  if (!port.protocol) errs.push(required(path.child('protocol')));
  else if (!(SUPPORTED_PORT_PROTOCOLS as readonly string[]).includes(port.protocol)) {
    errs.push(notSupported(path.child('protocol'), port.protocol, SUPPORTED_PORT_PROTOCOLS));
  }
  return errs;
}

/** Port names are IANA service names, unique within one container. */
export function validateContainerPorts(ports: readonly ContainerPort[] | undefined, path: FieldPath): FieldError[] {
  const names = new Set<string>();
  return (ports ?? []).flatMap((port, i) => validatePort(port, path.index(i), names));
}

/**
 * Two containers cannot claim the same host port: the key is protocol/hostIP/port,
 * so TCP and UDP on 53 can coexist. `path` is the containers list.
 */
export function checkHostPortConflicts(containers: readonly Container[], path: FieldPath): FieldError[] {
  const seen = new Set<string>();
  const errs: FieldError[] = [];
  containers.forEach((ctr, ci) => {
    (ctr.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const key = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
      if (seen.has(key)) errs.push(duplicate(path.index(ci).child('ports').index(pi).child('hostPort'), key));
      else seen.add(key);
    });
  });
  return errs;
}

/** A probe or hook port: a number in range, or the name of a container port. */
export function validatePortNumOrName(port: IntOrString | undefined, path: FieldPath): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  // An absent port decodes as the integer 0 in Go.
  return isValidPortNum(0).map((m) => invalid(path, 0, m));
}
