// `kubectl get configmaps`: NAME DATA AGE, DATA counting data and binaryData keys together.
// Kubernetes twin: configMapColumnDefinitions and printConfigMap in
// pkg/printers/internalversion/printers.go.
import type { KubeObject } from '../types.js';
import { ageColumn, ageOf, column, nameColumn, nameOf, type ResourcePrinter, type TableCell } from './table-column.js';

interface ConfigMapView {
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
}

export const configMapPrinter: ResourcePrinter = {
  columns: [
    nameColumn,
    column(
      'Data',
      "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. " +
        'Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not ' +
        'overlap with the keys in the BinaryData field, this is enforced during validation process.',
    ),
    ageColumn,
  ],
  row(obj: KubeObject, now: number): TableCell[] {
    const configMap = obj as ConfigMapView;
    const keys = Object.keys(configMap.data ?? {}).length + Object.keys(configMap.binaryData ?? {}).length;
    return [nameOf(obj), keys, ageOf(obj, now)];
  },
};
