// Container ports and the port references in probes and hooks.
// Kubernetes twin: pkg/apis/core/validation/validation.go (validateContainerPorts,
// AccumulateUniqueHostPorts, ValidatePortNumOrName).
import { duplicate, invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import type { Container, ContainerPort, IntOrString } from '../types/pod.js';
import { inclusiveRangeError, isValidPortName, isValidPortNum, portNameOk, portNumberOk } from './names.js';

/** Sorted, as Go's sets.List prints them. */
export const SUPPORTED_PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;

/** One container port, appended to errs; `list` is the ports path, built into the entry's path on error. */
function validatePort(port: ContainerPort, list: FieldPath, i: number, names: Set<string>, errs: FieldError[]): void {
  const at = (field: string): FieldPath => list.index(i).child(field);
  if (port.name) {
    if (!portNameOk(port.name)) for (const m of isValidPortName(port.name)) errs.push(invalid(at('name'), port.name, m));
    else if (names.has(port.name)) errs.push(duplicate(at('name'), port.name));
    else names.add(port.name);
  }
  if (!port.containerPort) errs.push(required(at('containerPort')));
  else if (!portNumberOk(port.containerPort)) errs.push(invalid(at('containerPort'), port.containerPort, inclusiveRangeError(1, 65535)));
  if (port.hostPort && !portNumberOk(port.hostPort)) errs.push(invalid(at('hostPort'), port.hostPort, inclusiveRangeError(1, 65535)));
  if (!port.protocol) errs.push(required(at('protocol')));
  else if (!(SUPPORTED_PORT_PROTOCOLS as readonly string[]).includes(port.protocol)) {
    errs.push(notSupported(at('protocol'), port.protocol, SUPPORTED_PORT_PROTOCOLS));
  }
}

/** A container's ports, appended to errs; `container` is the container's path. Port names are IANA service names, unique within one container. */
export function validateContainerPorts(ports: readonly ContainerPort[], container: FieldPath, errs: FieldError[]): void {
  if (ports.length === 0) return;
  const list = container.child('ports');
  const names = new Set<string>();
  for (let i = 0; i < ports.length; i++) validatePort(ports[i], list, i, names, errs);
}

/**
 * Two containers cannot claim the same host port: the key is protocol/hostIP/port,
 * so TCP and UDP on 53 can coexist. `path` is the containers list.
 */
export function checkHostPortConflicts(containers: readonly Container[], path: FieldPath, errs: FieldError[]): void {
  let seen: Set<string> | undefined; // made for the first host port: most containers have none
  for (let ci = 0; ci < containers.length; ci++) {
    const ports = containers[ci].ports;
    if (!ports) continue;
    for (let pi = 0; pi < ports.length; pi++) {
      const port = ports[pi];
      if (!port.hostPort) continue;
      const key = `${port.protocol ?? ''}/${port.hostIP ?? ''}/${port.hostPort}`;
      seen ??= new Set<string>();
      if (seen.has(key)) errs.push(duplicate(path.index(ci).child('ports').index(pi).child('hostPort'), key));
      else seen.add(key);
    }
  }
}

/** True exactly when validatePortNumOrName(port) has nothing to say. */
export function portNumOrNameOk(port: IntOrString | undefined): boolean {
  if (typeof port === 'number') return portNumberOk(port);
  if (typeof port === 'string') return portNameOk(port);
  return false; // absent reads as 0, out of range
}

/** A probe or hook port: a number in range, or the name of a container port. */
export function validatePortNumOrName(port: IntOrString | undefined, path: FieldPath): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  // An absent port decodes as the integer 0 in Go.
  return isValidPortNum(0).map((m) => invalid(path, 0, m));
}
