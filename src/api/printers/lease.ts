// `kubectl get leases`: NAME HOLDER AGE. Kubernetes twin: leaseColumnDefinitions and printLease
// in pkg/printers/internalversion/printers.go.
import type { KubeObject } from '../types.js';
import { ageColumn, ageOf, column, nameColumn, nameOf, type ResourcePrinter, type TableCell } from './table-column.js';

interface LeaseView {
  spec?: { holderIdentity?: string | null };
}

export const leasePrinter: ResourcePrinter = {
  columns: [
    nameColumn,
    column(
      'Holder',
      'holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is ' +
        'used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.',
    ),
    ageColumn,
  ],
  row(obj: KubeObject, now: number): TableCell[] {
    return [nameOf(obj), (obj as LeaseView).spec?.holderIdentity ?? '', ageOf(obj, now)];
  },
};
