// Serialisation of responses: each stored version is turned into JSON once (StoredObject.json)
// and lists and watch lines are assembled from those strings rather than re-encoded.
import { StoredObject } from './storage/stored-object.js';
import type { ListResult } from './storage/storage.js';
import type { WatchStreamEvent } from './api-request.js';

/** The JSON bytes of a stored version (kept) or of any other object (made now). */
export function jsonOf(value: StoredObject | object): Buffer | string {
  return value instanceof StoredObject ? value.bytes : JSON.stringify(value);
}

export function listMetaJson(result: Pick<ListResult, 'revision' | 'continueToken' | 'remainingItemCount'>): string {
  let meta = `{"resourceVersion":"${result.revision}"`;
  if (result.continueToken) meta += `,"continue":${JSON.stringify(result.continueToken)}`;
  if (result.remainingItemCount !== undefined) meta += `,"remainingItemCount":${result.remainingItemCount}`;
  return `${meta}}`;
}

/** The same list as listJson, as a frozen object of the stored versions (for in-process callers). */
export function listValue(listKind: string, apiVersion: string, result: ListResult): object {
  const metadata: Record<string, unknown> = { resourceVersion: String(result.revision) };
  if (result.continueToken) metadata.continue = result.continueToken;
  if (result.remainingItemCount !== undefined) metadata.remainingItemCount = result.remainingItemCount;
  return Object.freeze({ kind: listKind, apiVersion, metadata: Object.freeze(metadata), items: Object.freeze(result.items.map((i) => i.object)) });
}

const COMMA = Buffer.from(',');

/** A <Kind>List, e.g. {"kind":"PodList","apiVersion":"v1","metadata":{...},"items":[...]}, from the items' bytes. */
export function listJson(listKind: string, apiVersion: string, result: ListResult): Buffer {
  const parts: Buffer[] = [Buffer.from(`{"kind":"${listKind}","apiVersion":"${apiVersion}","metadata":${listMetaJson(result)},"items":[`)];
  result.items.forEach((item, i) => {
    if (i > 0) parts.push(COMMA);
    parts.push(item.bytes);
  });
  parts.push(Buffer.from(']}'));
  return Buffer.concat(parts);
}

// Every watcher of one event encodes the same (object, type) right after the others: one entry
// of memory is enough to encode once and share the bytes with all of them.
let lastObject: StoredObject | undefined;
let lastType = '';
let lastLine: Buffer = Buffer.alloc(0);
const LINE_END = Buffer.from('}\n');

/** One newline-terminated JSON watch event, as kube-apiserver streams them. */
export function watchLine(e: WatchStreamEvent): Buffer {
  if (e.object instanceof StoredObject) {
    if (e.object === lastObject && e.type === lastType) return lastLine;
    lastLine = Buffer.concat([Buffer.from(`{"type":"${e.type}","object":`), e.object.bytes, LINE_END]);
    lastObject = e.object;
    lastType = e.type;
    return lastLine;
  }
  return Buffer.from(`{"type":"${e.type}","object":${JSON.stringify(e.object)}}\n`);
}
