// Serialisation of responses: each stored version is turned into JSON once (StoredObject.json)
// and lists and watch lines are assembled from those strings rather than re-encoded.
import { StoredObject } from './storage/stored-object.js';
import type { ListResult } from './storage/storage.js';
import type { WatchStreamEvent } from './api-request.js';

export function jsonOf(value: StoredObject | object): string {
  return value instanceof StoredObject ? value.json : JSON.stringify(value);
}

export function listMetaJson(result: Pick<ListResult, 'revision' | 'continueToken' | 'remainingItemCount'>): string {
  let meta = `{"resourceVersion":"${result.revision}"`;
  if (result.continueToken) meta += `,"continue":${JSON.stringify(result.continueToken)}`;
  if (result.remainingItemCount !== undefined) meta += `,"remainingItemCount":${result.remainingItemCount}`;
  return `${meta}}`;
}

/** A <Kind>List, e.g. {"kind":"PodList","apiVersion":"v1","metadata":{...},"items":[...]}. */
export function listJson(listKind: string, apiVersion: string, result: ListResult): string {
  const items = result.items.map((i) => i.json).join(',');
  return `{"kind":"${listKind}","apiVersion":"${apiVersion}","metadata":${listMetaJson(result)},"items":[${items}]}`;
}

// Every watcher of one event encodes the same (object, type) right after the others: one entry
// of memory is enough to encode once and share the bytes with all of them.
let lastObject: StoredObject | undefined;
let lastType = '';
let lastLine: Buffer = Buffer.alloc(0);

/** One newline-terminated JSON watch event, as kube-apiserver streams them. */
export function watchLine(e: WatchStreamEvent): Buffer {
  if (e.object instanceof StoredObject) {
    if (e.object === lastObject && e.type === lastType) return lastLine;
    lastLine = Buffer.from(`{"type":"${e.type}","object":${e.object.json}}\n`);
    lastObject = e.object;
    lastType = e.type;
    return lastLine;
  }
  return Buffer.from(`{"type":"${e.type}","object":${JSON.stringify(e.object)}}\n`);
}
