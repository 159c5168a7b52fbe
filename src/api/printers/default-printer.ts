// The Table of a resource without a printer of its own (custom resources without
// additionalPrinterColumns, and every built-in resource kubesim has not taught): NAME and
// CREATED AT. Kubernetes twin: defaultTableConvertor in
// k8s.io/apiserver/pkg/registry/rest/table.go. kubectl turns the "date" column into an age.
import type { KubeObject } from '../types.js';
import { OBJECT_META_DESCRIPTIONS } from './column-descriptions.js';
import { parseTimestamp } from './human-duration.js';
import { column, nameColumn, nameOf, type ResourcePrinter, type TableCell } from './table-column.js';

export const defaultPrinter: ResourcePrinter = {
  columns: [nameColumn, column('Created At', OBJECT_META_DESCRIPTIONS.creationTimestamp, { type: 'date' })],
  row(obj: KubeObject): TableCell[] {
    return [nameOf(obj), rfc3339(obj.metadata.creationTimestamp)];
  },
};

/** Go's time.Format(time.RFC3339) in UTC: whole seconds; the zero time when there is none. */
function rfc3339(timestamp: string | undefined): string {
  const ms = parseTimestamp(timestamp);
  if (ms === undefined) return '0001-01-01T00:00:00Z';
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
