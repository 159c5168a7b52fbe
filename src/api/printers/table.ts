// The meta.k8s.io Table kube-apiserver returns when a client asks for
// `Accept: application/json;as=Table;v=v1;g=meta.k8s.io` (what `kubectl get` does).
// Kubernetes twins: metav1.Table (k8s.io/apimachinery/pkg/apis/meta/v1/types.go),
// HumanReadablePrinter.GenerateTable (pkg/printers/tablegenerator.go: the server always
// prints wide, so every column and cell is present), and asTable / watchEmbeddedEncoder in
// k8s.io/apiserver/pkg/endpoints/handlers/response.go (?includeObject=, and a watch's first
// event alone carrying columnDefinitions).
import { fieldErrorText, invalid } from '../field-errors.js';
import type { Frozen, KubeObject, ListMeta, ObjectMeta } from '../types.js';
import type { ResourcePrinter, TableCell, TableColumn, TableRowCondition } from './table-column.js';

/** What each row's `object` holds: nothing, a PartialObjectMetadata (the default), or the object. */
export type IncludeObjectPolicy = 'None' | 'Metadata' | 'Object';

/** Table exists in two group versions; kubectl asks for v1 first and v1beta1 as a fallback. */
export type TableGroupVersion = 'meta.k8s.io/v1' | 'meta.k8s.io/v1beta1';

export interface PartialObjectMetadata {
  kind: 'PartialObjectMetadata';
  apiVersion: TableGroupVersion;
  metadata: Frozen<ObjectMeta>;
}

export interface TableRow {
  cells: TableCell[];
  conditions?: TableRowCondition[];
  /** null for includeObject=None: Go serialises the empty RawExtension as null, not omitted. */
  object: PartialObjectMetadata | Frozen<KubeObject> | null;
}

export interface Table {
  kind: 'Table';
  apiVersion: TableGroupVersion;
  metadata: ListMeta;
  /** null when headers are suppressed (every watch event after the first). */
  columnDefinitions: TableColumn[] | null;
  rows: TableRow[];
}

export interface TableOptions {
  /** Default Metadata, as kube-apiserver's for an empty ?includeObject=. */
  includeObject?: IncludeObjectPolicy;
  /** The list's metadata; for a single object, pass its resourceVersion (the server does). */
  listMeta?: ListMeta;
  /** Omit columnDefinitions (TableOptions.noHeaders; watch events after the first). */
  noHeaders?: boolean;
  /** Default meta.k8s.io/v1. */
  groupVersion?: TableGroupVersion;
}

/** The Table of a list (or of one object as a one-row list): one row per object, in order. */
export function buildTable(
  printer: ResourcePrinter,
  objects: readonly Frozen<KubeObject>[],
  now: number,
  options: TableOptions = {},
): Table {
  const groupVersion = options.groupVersion ?? 'meta.k8s.io/v1';
  const includeObject = options.includeObject ?? 'Metadata';
  return {
    kind: 'Table',
    apiVersion: groupVersion,
    metadata: tableListMeta(options.listMeta),
    columnDefinitions: options.noHeaders ? null : printer.columns.map((c) => ({ ...c })),
    rows: objects.map((obj) => tableRow(printer, obj, now, includeObject, groupVersion)),
  };
}

/** The Table of a single object (GET of one name): its resourceVersion becomes the Table's. */
export function buildObjectTable(
  printer: ResourcePrinter,
  obj: Frozen<KubeObject>,
  now: number,
  options: Omit<TableOptions, 'listMeta'> = {},
): Table {
  const resourceVersion = obj.metadata.resourceVersion;
  return buildTable(printer, [obj], now, { ...options, listMeta: resourceVersion ? { resourceVersion } : {} });
}

/**
 * For one watch stream: turns each event's object into a one-row Table. Only the first
 * Table carries columnDefinitions; kube-apiserver sets noHeaders after encoding it, so later
 * events (any type) come without. Status objects (ERROR events) are not Tables: send them as is.
 */
export function watchTableEncoder(
  printer: ResourcePrinter,
  options: Omit<TableOptions, 'listMeta' | 'noHeaders'> = {},
): (obj: Frozen<KubeObject>, now: number) => Table {
  let headersSent = false;
  return (obj, now) => {
    const table = buildObjectTable(printer, obj, now, { ...options, noHeaders: headersSent });
    headersSent = true;
    return table;
  };
}

/**
 * Reads ?includeObject=: absent or "" means Metadata. Any other value than None, Metadata or
 * Object gives undefined: the route answers 400 BadRequest with includeObjectErrorMessage.
 */
export function parseIncludeObject(raw: string | null | undefined): IncludeObjectPolicy | undefined {
  if (raw === undefined || raw === null || raw === '') return 'Metadata';
  return raw === 'None' || raw === 'Metadata' || raw === 'Object' ? raw : undefined;
}

/**
 * The BadRequest message for a bad ?includeObject= (ValidateTableOptions in
 * k8s.io/apimachinery/pkg/apis/meta/v1beta1/validation, wrapped by optionsForTransform):
 * `Unable to convert to Table as requested: includeObject: Invalid value: "x": must be ...`.
 */
export function includeObjectErrorMessage(raw: string): string {
  const error = invalid('includeObject', raw, "must be 'Metadata', 'Object', 'None', or empty");
  return `Unable to convert to Table as requested: ${fieldErrorText(error)}`;
}

function tableRow(
  printer: ResourcePrinter,
  obj: Frozen<KubeObject>,
  now: number,
  includeObject: IncludeObjectPolicy,
  groupVersion: TableGroupVersion,
): TableRow {
  const cells = printer.row(obj as KubeObject, now);
  const conditions = printer.conditions?.(obj as KubeObject);
  const object = rowObject(obj, includeObject, groupVersion);
  // Key order as Go writes a TableRow: cells, conditions (omitted when empty), object.
  return conditions ? { cells, conditions: conditions.map((c) => ({ ...c })), object } : { cells, object };
}

function rowObject(
  obj: Frozen<KubeObject>,
  includeObject: IncludeObjectPolicy,
  groupVersion: TableGroupVersion,
): TableRow['object'] {
  switch (includeObject) {
    case 'None':
      return null;
    case 'Object':
      return obj;
    case 'Metadata':
      return { kind: 'PartialObjectMetadata', apiVersion: groupVersion, metadata: obj.metadata };
  }
}

/** ListMeta with Go's omitempty: only non-empty fields, in Go's field order. */
function tableListMeta(listMeta: ListMeta | undefined): ListMeta {
  const meta: ListMeta = {};
  if (listMeta?.resourceVersion) meta.resourceVersion = listMeta.resourceVersion;
  if (listMeta?.continue) meta.continue = listMeta.continue;
  if (listMeta?.remainingItemCount !== undefined && listMeta.remainingItemCount !== null) {
    meta.remainingItemCount = listMeta.remainingItemCount;
  }
  return meta;
}
