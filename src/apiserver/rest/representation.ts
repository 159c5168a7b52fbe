// How objects go back to the client: as themselves, as a meta.k8s.io Table (kubectl get), or
// as PartialObjectMetadata. Kubernetes twin: k8s.io/apiserver/pkg/endpoints/handlers/response.go.
import { apiVersionOf, type Obj, type ResourceDefinition } from '../../api/registry/definition.js';
import { buildTable, type TableOptions } from './table.js';
import type { Representation } from '../negotiation.js';
import { jsonOf, listJson, listMetaJson } from '../encoding.js';
import type { ListResult } from '../storage/storage.js';
import { StoredObject } from '../storage/stored-object.js';
import type { WatchStreamEvent } from '../api-request.js';
import { watchLine } from '../encoding.js';

export const TABLE_CONTENT_TYPE = (v: string) => `application/json;as=Table;v=${v};g=meta.k8s.io`;

const objOf = (o: StoredObject | Obj): Obj => (o instanceof StoredObject ? o.object : o);

function partialMetadata(obj: Obj, version: string): object {
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: obj.metadata };
}

export interface Rendered {
  contentType: string;
  body: string | Buffer;
}

export function renderObject(def: ResourceDefinition, o: StoredObject | Obj, rep: Representation, now: number, tableOptions: TableOptions): Rendered {
  switch (rep.as) {
    case 'object':
      return { contentType: 'application/json', body: jsonOf(o) };
    case 'Table':
      return {
        contentType: TABLE_CONTENT_TYPE(rep.version),
        body: JSON.stringify(buildTable(def, [objOf(o)], now, rep.version, tableOptions, { resourceVersion: objOf(o).metadata.resourceVersion })),
      };
    case 'PartialObjectMetadata':
      return { contentType: `application/json;as=PartialObjectMetadata;v=${rep.version};g=meta.k8s.io`, body: JSON.stringify(partialMetadata(objOf(o), rep.version)) };
  }
}

export function renderList(def: ResourceDefinition, result: ListResult, rep: Representation, now: number, tableOptions: TableOptions): Rendered {
  switch (rep.as) {
    case 'object':
      return { contentType: 'application/json', body: listJson(`${def.kind}List`, apiVersionOf(def), result) };
    case 'Table': {
      const listMeta = { resourceVersion: String(result.revision), continue: result.continueToken, remainingItemCount: result.remainingItemCount };
      const table = buildTable(def, result.items.map((i) => i.object), now, rep.version, tableOptions, listMeta);
      return { contentType: TABLE_CONTENT_TYPE(rep.version), body: JSON.stringify(table) };
    }
    case 'PartialObjectMetadata': {
      const items = result.items.map((i) => JSON.stringify(partialMetadata(i.object, rep.version))).join(',');
      return {
        contentType: `application/json;as=PartialObjectMetadataList;v=${rep.version};g=meta.k8s.io`,
        body: `{"kind":"PartialObjectMetadataList","apiVersion":"meta.k8s.io/${rep.version}","metadata":${listMetaJson(result)},"items":[${items}]}`,
      };
    }
  }
}

/** The encoder a watch stream uses for its representation. */
export function watchEncoder(def: ResourceDefinition, rep: Representation, now: () => number, tableOptions: TableOptions): (e: WatchStreamEvent) => Buffer {
  if (rep.as === 'object') return watchLine;
  let first = true;
  return (e) => {
    if (e.type === 'ERROR' || e.type === 'BOOKMARK' || !(e.object instanceof StoredObject)) return watchLine(e);
    const obj = e.object.object;
    let object: object;
    if (rep.as === 'Table') {
      // Column definitions travel with the first event only; later rows reuse them.
      object = buildTable(def, [obj], now(), rep.version, { ...tableOptions, noHeaders: !first }, { resourceVersion: obj.metadata.resourceVersion });
      first = false;
    } else {
      object = partialMetadata(obj, rep.version);
    }
    return Buffer.from(`{"type":"${e.type}","object":${JSON.stringify(object)}}\n`);
  };
}
