// `kubectl get namespaces`: NAME STATUS AGE. Kubernetes twin: namespaceColumnDefinitions and
// printNamespace in pkg/printers/internalversion/printers.go.
import type { KubeObject } from '../types.js';
import { ageColumn, ageOf, column, nameColumn, nameOf, type ResourcePrinter, type TableCell } from './table-column.js';

interface NamespaceView {
  status?: { phase?: string };
}

export const namespacePrinter: ResourcePrinter = {
  columns: [nameColumn, column('Status', 'The status of the namespace'), ageColumn],
  row(obj: KubeObject, now: number): TableCell[] {
    return [nameOf(obj), (obj as NamespaceView).status?.phase ?? '', ageOf(obj, now)];
  },
};
