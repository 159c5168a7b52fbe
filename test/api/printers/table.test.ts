import { describe, expect, it } from 'vitest';
import { printersByResource } from '../../../src/api/printers/printers-by-resource.js';
import {
  buildObjectTable,
  buildTable,
  includeObjectErrorMessage,
  parseIncludeObject,
  watchTableEncoder,
} from '../../../src/api/printers/table.js';
import type { KubeObject } from '../../../src/api/types.js';

const now = Date.parse('2025-01-10T12:00:00Z');
const pods = printersByResource.pods;

const pod = (name: string, phase: string, resourceVersion: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid: `uid-${name}`, resourceVersion, creationTimestamp: '2025-01-10T11:59:00Z' },
  spec: { containers: [{ name: 'c' }] },
  status: { phase },
});

describe('buildTable', () => {
  const list = [pod('a', 'Running', '10'), pod('b', 'Succeeded', '11')];

  it('builds a meta.k8s.io/v1 Table with list metadata, all columns and PartialObjectMetadata rows', () => {
    const table = buildTable(pods, list, now, { listMeta: { resourceVersion: '42', continue: 'tok', remainingItemCount: 0 } });
    expect(Object.keys(table)).toEqual(['kind', 'apiVersion', 'metadata', 'columnDefinitions', 'rows']);
    expect(table.kind).toBe('Table');
    expect(table.apiVersion).toBe('meta.k8s.io/v1');
    expect(table.metadata).toEqual({ resourceVersion: '42', continue: 'tok', remainingItemCount: 0 });
    expect(table.columnDefinitions?.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Ready', 'string', '', 0],
      ['Status', 'string', '', 0],
      ['Restarts', 'string', '', 0],
      ['Age', 'string', '', 0],
      ['IP', 'string', '', 1],
      ['Node', 'string', '', 1],
      ['Nominated Node', 'string', '', 1],
      ['Readiness Gates', 'string', '', 1],
    ]);
    expect(Object.keys(table.columnDefinitions?.[0] ?? {})).toEqual(['name', 'type', 'format', 'description', 'priority']);
    expect(table.rows[0]).toEqual({
      cells: ['a', '0/1', 'Running', '0', '60s', '<none>', '<none>', '<none>', '<none>'],
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: list[0].metadata },
    });
    expect(Object.keys(table.rows[1])).toEqual(['cells', 'conditions', 'object']);
    expect(table.rows[1].conditions).toEqual([
      { type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' },
    ]);
  });

  it('honours includeObject=None and Object, and the v1beta1 group version', () => {
    expect(buildTable(pods, list, now, { includeObject: 'None' }).rows.map((r) => r.object)).toEqual([null, null]);
    expect(buildTable(pods, list, now, { includeObject: 'Object' }).rows[0].object).toBe(list[0]);
    const beta = buildTable(pods, list, now, { groupVersion: 'meta.k8s.io/v1beta1' });
    expect(beta.apiVersion).toBe('meta.k8s.io/v1beta1');
    expect(beta.rows[0].object).toMatchObject({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1beta1' });
  });

  it('omits empty list metadata and serialises an empty list with empty rows', () => {
    const table = buildTable(pods, [], now, { listMeta: { resourceVersion: '', continue: '' } });
    expect(JSON.parse(JSON.stringify(table))).toMatchObject({ metadata: {}, rows: [] });
  });

  it('writes columnDefinitions: null when headers are suppressed', () => {
    expect(JSON.stringify(buildTable(pods, list, now, { noHeaders: true }))).toContain('"columnDefinitions":null');
  });
});

describe('buildObjectTable', () => {
  it("takes the object's resourceVersion as the Table's", () => {
    const table = buildObjectTable(pods, pod('a', 'Running', '77'), now);
    expect(table.metadata).toEqual({ resourceVersion: '77' });
    expect(table.rows).toHaveLength(1);
    expect(table.columnDefinitions).toHaveLength(9);
  });
});

describe('watchTableEncoder', () => {
  it('sends columnDefinitions on the first event only, one row per event', () => {
    const encode = watchTableEncoder(pods, { includeObject: 'Object' });
    const first = encode(pod('a', 'Pending', '5'), now);
    const second = encode(pod('a', 'Running', '6'), now);
    expect(first.columnDefinitions).toHaveLength(9);
    expect(second.columnDefinitions).toBeNull();
    expect(second.metadata).toEqual({ resourceVersion: '6' });
    expect(second.rows.map((r) => r.cells[2])).toEqual(['Running']);
    // Each stream keeps its own state.
    expect(watchTableEncoder(pods)(pod('a', 'Running', '6'), now).columnDefinitions).toHaveLength(9);
  });
});

describe('includeObject', () => {
  it.each([
    [undefined, 'Metadata'],
    ['', 'Metadata'],
    ['None', 'None'],
    ['Metadata', 'Metadata'],
    ['Object', 'Object'],
    ['object', undefined],
    ['All', undefined],
  ])('%s -> %s', (raw, policy) => {
    expect(parseIncludeObject(raw)).toBe(policy);
  });
  it('explains a bad value as kube-apiserver does', () => {
    expect(includeObjectErrorMessage('All')).toBe(
      `Unable to convert to Table as requested: includeObject: Invalid value: "All": must be 'Metadata', 'Object', 'None', or empty`,
    );
  });
});
