// `kubectl get endpointslices`: NAME ADDRESSTYPE PORTS ENDPOINTS AGE.
// Kubernetes twin: endpointSliceColumnDefinitions, printEndpointSlice, formatDiscoveryPorts and
// formatDiscoveryEndpoints in pkg/printers/internalversion/printers.go.
import type { Frozen, KubeObject } from '../types.js';
import { listWithMore, LIST_CELL_LIMIT } from './list-with-more.js';
import { ageColumn, ageOf, column, nameColumn, nameOf, type ResourcePrinter, type TableCell } from './table-column.js';

interface EndpointSliceView {
  addressType?: string;
  ports?: { port?: number | null; name?: string | null }[] | null;
  endpoints?: { addresses?: string[] }[] | null;
}

const columns = [
  nameColumn,
  column(
    'AddressType',
    'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be ' +
      'the same type. This field is immutable after creation. The following address types are currently supported: ' +
      '* IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified ' +
      'Domain Name.',
  ),
  column(
    'Ports',
    'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique ' +
      'name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil ' +
      'port value, it indicates "all ports". Each slice may include a maximum of 100 ports.',
  ),
  column(
    'Endpoints',
    'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.',
  ),
  ageColumn,
];

export const endpointSlicePrinter: ResourcePrinter = {
  columns,
  row(obj: KubeObject, now: number): TableCell[] {
    const slice = obj as Frozen<EndpointSliceView>;
    return [nameOf(obj), slice.addressType ?? '', portsText(slice), addressesText(slice), ageOf(obj, now)];
  },
};

/** Port numbers, a port's name when it has no number, "*" for "all ports"; "<unset>" for none. */
function portsText(slice: Frozen<EndpointSliceView>): string {
  const ports = slice.ports ?? [];
  const shown = ports.slice(0, LIST_CELL_LIMIT).map((p) => (p.port != null ? String(p.port) : (p.name ?? '*')));
  return listWithMore(shown, ports.length, '<unset>');
}

/** Every address of every endpoint, ready or not; "<unset>" for none. */
function addressesText(slice: Frozen<EndpointSliceView>): string {
  const addresses = (slice.endpoints ?? []).flatMap((e) => e.addresses ?? []);
  return listWithMore(addresses.slice(0, LIST_CELL_LIMIT), addresses.length, '<unset>');
}
