// `kubectl get secrets`: NAME TYPE DATA AGE. Kubernetes twin: secretColumnDefinitions and
// printSecret in pkg/printers/internalversion/printers.go.
import type { KubeObject } from '../types.js';
import { ageColumn, ageOf, column, nameColumn, nameOf, type ResourcePrinter, type TableCell } from './table-column.js';

interface SecretView {
  type?: string;
  data?: Record<string, string>;
}

export const secretPrinter: ResourcePrinter = {
  columns: [
    nameColumn,
    column(
      'Type',
      'Used to facilitate programmatic handling of secret data. More info: ' +
        'https://kubernetes.io/docs/concepts/configuration/secret/#secret-types',
    ),
    column(
      'Data',
      "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The " +
        'serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly ' +
        'non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4',
    ),
    ageColumn,
  ],
  row(obj: KubeObject, now: number): TableCell[] {
    const secret = obj as SecretView;
    // stringData never reaches storage: the apiserver folds it into data on write.
    return [nameOf(obj), secret.type ?? '', Object.keys(secret.data ?? {}).length, ageOf(obj, now)];
  },
};
