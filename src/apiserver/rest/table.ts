// Server-side printing for the REST handlers: the printers of api/printers, chosen by
// resource, with ?includeObject= read as kube-apiserver reads it.
import * as errors from '../../api/errors.js';
import { qualifiedResource, type Obj, type ResourceDefinition } from '../../api/registry/definition.js';
import { printerFor } from '../../api/printers/printers-by-resource.js';
import { buildTable as buildPrinterTable, includeObjectErrorMessage, parseIncludeObject, type IncludeObjectPolicy, type TableGroupVersion } from '../../api/printers/table.js';
import type { ListMeta } from '../../api/types.js';

export interface TableOptions {
  includeObject: IncludeObjectPolicy;
  noHeaders?: boolean;
}

export function parseTableOptions(q: URLSearchParams): TableOptions {
  const raw = q.get('includeObject');
  const includeObject = parseIncludeObject(raw);
  if (!includeObject) throw errors.badRequest(includeObjectErrorMessage(raw ?? ''));
  return { includeObject };
}

export function buildTable(def: ResourceDefinition, objects: readonly Obj[], now: number, version: string, options: TableOptions, listMeta: ListMeta): object {
  return buildPrinterTable(printerFor(qualifiedResource(def)), objects, now, {
    includeObject: options.includeObject,
    noHeaders: options.noHeaders,
    groupVersion: `meta.k8s.io/${version}` as TableGroupVersion,
    listMeta,
  });
}
