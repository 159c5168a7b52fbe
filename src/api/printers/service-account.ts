// `kubectl get serviceaccounts`: NAME SECRETS AGE. Kubernetes twin:
// serviceAccountColumnDefinitions and printServiceAccount in pkg/printers/internalversion/printers.go.
import type { KubeObject } from '../types.js';
import { ageColumn, ageOf, column, nameColumn, nameOf, type ResourcePrinter, type TableCell } from './table-column.js';

interface ServiceAccountView {
  secrets?: unknown[];
}

export const serviceAccountPrinter: ResourcePrinter = {
  columns: [
    nameColumn,
    column(
      'Secrets',
      'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are ' +
        'allowed to use. Pods are only limited to this list if this service account has a ' +
        '"kubernetes.io/enforce-mountable-secrets" annotation set to "true". The ' +
        '"kubernetes.io/enforce-mountable-secrets" annotation is deprecated since v1.32. Prefer separate namespaces ' +
        'to isolate access to mounted secrets. This field should not be used to find auto-generated service account ' +
        'token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, ' +
        'or service account token secrets can be manually created. More info: ' +
        'https://kubernetes.io/docs/concepts/configuration/secret',
    ),
    ageColumn,
  ],
  row(obj: KubeObject, now: number): TableCell[] {
    return [nameOf(obj), (obj as ServiceAccountView).secrets?.length ?? 0, ageOf(obj, now)];
  },
};
