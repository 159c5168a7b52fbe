// `kubectl get endpoints`: NAME ENDPOINTS AGE, ENDPOINTS as "10.0.0.1:80,10.0.0.2:80 + 3 more...".
// Kubernetes twin: endpointColumnDefinitions, printEndpoints and formatEndpoints in
// pkg/printers/internalversion/printers.go.
import type { Frozen, KubeObject } from '../types.js';
import { joinHostPort, listWithMore, LIST_CELL_LIMIT } from './list-with-more.js';
import { ageColumn, ageOf, column, nameColumn, nameOf, type ResourcePrinter, type TableCell } from './table-column.js';

interface EndpointSubset {
  addresses?: { ip: string }[];
  ports?: { port: number }[];
}

interface EndpointsView {
  subsets?: EndpointSubset[];
}

export const endpointsPrinter: ResourcePrinter = {
  columns: [
    nameColumn,
    column(
      'Endpoints',
      'The set of all endpoints is the union of all subsets. Addresses are placed into subsets according to the IPs ' +
        'they share. A single address with multiple ports, some of which are ready and some of which are not ' +
        '(because they come from different containers) will result in the address being displayed in different ' +
        'subsets for the different ports. No address will appear in both Addresses and NotReadyAddresses in the same ' +
        'subset. Sets of addresses and ports that comprise a service.',
    ),
    ageColumn,
  ],
  row(obj: KubeObject, now: number): TableCell[] {
    return [nameOf(obj), endpointsText((obj as Frozen<EndpointsView>).subsets), ageOf(obj, now)];
  },
};

/**
 * Ready addresses only (notReadyAddresses are not shown), one "ip:port" per address and
 * port; a subset without ports (headless, no ports) lists bare IPs. "<none>" without subsets;
 * "" when subsets exist but hold no ready address.
 */
export function endpointsText(subsets: readonly Frozen<EndpointSubset>[] | undefined): string {
  if (!subsets || subsets.length === 0) return '<none>';
  const shown: string[] = [];
  let total = 0;
  const add = (entry: string): void => {
    if (shown.length < LIST_CELL_LIMIT) shown.push(entry);
    total++;
  };
  for (const subset of subsets) {
    const addresses = subset.addresses ?? [];
    const ports = subset.ports ?? [];
    if (ports.length === 0) addresses.forEach((a) => add(a.ip));
    else for (const port of ports) addresses.forEach((a) => add(joinHostPort(a.ip, port.port)));
  }
  return listWithMore(shown, total, '');
}
