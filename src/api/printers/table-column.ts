// What one printer is: the column definitions kube-apiserver sends in a Table and the function
// that turns one object into one row of cells. Kubernetes twin: metav1.TableColumnDefinition
// (k8s.io/apimachinery/pkg/apis/meta/v1/types.go) and the TableHandler pairs registered by
// AddHandlers in pkg/printers/internalversion/printers.go.
// A resource gives all its columns plus one row() computing every cell at once, because
// several columns of one resource share a computation (a pod's READY, STATUS and RESTARTS
// come out of one walk over its container statuses).
import type { KubeObject } from '../types.js';
import { OBJECT_META_DESCRIPTIONS } from './column-descriptions.js';
import { timestampSince } from './human-duration.js';

/** The OpenAPI-ish type of a column; kubectl only uses it to pick alignment. */
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

/** One cell as JSON: printers hand back strings, integers and booleans, never objects. */
export type TableCell = string | number | boolean | null;

/** meta.k8s.io/v1 TableColumnDefinition, field for field. */
export interface TableColumn {
  name: string;
  type: ColumnType;
  /** "name" marks the column that holds the object's name; otherwise empty. */
  format: string;
  description: string;
  /** 0 = always shown; 1 = shown only by `kubectl get -o wide`. */
  priority: number;
}

/** meta.k8s.io/v1 TableRowCondition: only pods use it, to mark finished rows. */
export interface TableRowCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

/** The printer of one resource. The server always prints wide: rows carry every column. */
export interface ResourcePrinter {
  readonly columns: readonly TableColumn[];
  /** One cell per column, in column order. */
  row(obj: KubeObject, now: number): TableCell[];
  /** Row conditions, when the resource has any (pods). */
  conditions?(obj: KubeObject): TableRowCondition[] | undefined;
}

/** Builds a column definition: type string, no format, priority 0 unless told. */
export function column(
  name: string,
  description: string,
  options: { type?: ColumnType; format?: string; priority?: number } = {},
): TableColumn {
  return {
    name,
    type: options.type ?? 'string',
    format: options.format ?? '',
    description,
    priority: options.priority ?? 0,
  };
}

/** The NAME column every built-in printer starts with. */
export const nameColumn: TableColumn = column('Name', OBJECT_META_DESCRIPTIONS.name, { format: 'name' });

/** The AGE column: a human duration since metadata.creationTimestamp. */
export const ageColumn: TableColumn = column('Age', OBJECT_META_DESCRIPTIONS.creationTimestamp);

/** A wide-only column (`-o wide`). */
export function wideColumn(name: string, description: string, type: ColumnType = 'string'): TableColumn {
  return column(name, description, { type, priority: 1 });
}

/** The object's name cell ("" when unnamed, as Go's zero string). */
export const nameOf = (obj: KubeObject): string => obj.metadata.name ?? '';

/** The AGE cell of an object. */
export const ageOf = (obj: KubeObject, now: number): string => timestampSince(obj.metadata.creationTimestamp, now);
