// fast-check: managedFields after any sequence of writes by several managers, through the main
// resource and /status, equal what the plain set algebra of structured-merge-diff gives. The
// production code keeps untouched managers' stored FieldsV1 undecoded and skips unchanged ones;
// the reference below decodes everything and recomputes every set, so the two must agree.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ManagedFieldsEntry } from '../../src/api/types.js';
import { compare } from '../../src/apiserver/fieldmanager/compare.js';
import { countsFor, ownable, withoutManagedFields, type Subresource } from '../../src/apiserver/fieldmanager/ignored-fields.js';
import { capUpdateManagers, decodeManagedFields, encodeManagedFields, managerIdentifier } from '../../src/apiserver/fieldmanager/managed-fields.js';
import { rootType, zeroObject } from '../../src/apiserver/fieldmanager/schema-types.js';
import { updateManagedFields } from '../../src/apiserver/fieldmanager/update.js';

const POD = { group: '', version: 'v1', kind: 'Pod' } as const;

type PodJson = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace: string; labels?: Record<string, string>; annotations?: Record<string, string>; managedFields?: ManagedFieldsEntry[] };
  spec: { containers: { name: string; image: string }[]; nodeName?: string };
  status?: { phase?: string; conditions?: { type: string; status: string }[]; podIP?: string };
};

interface Write {
  manager: string;
  subresource: Subresource;
  labels: Record<string, string> | undefined;
  image: string;
  nodeName: string | undefined;
  phase: string | undefined;
  conditions: { type: string; status: string }[];
  podIP: string | undefined;
}

const smallMap = fc.option(fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('1', '2')), { nil: undefined });
const write: fc.Arbitrary<Write> = fc.record({
  manager: fc.constantFrom('kubectl', 'kubelet', 'scheduler'),
  subresource: fc.constantFrom<Subresource>('', 'status'),
  labels: smallMap,
  image: fc.constantFrom('nginx:1', 'nginx:2'),
  nodeName: fc.option(fc.constantFrom('n1', 'n2'), { nil: undefined }),
  phase: fc.option(fc.constantFrom('Pending', 'Running'), { nil: undefined }),
  conditions: fc.uniqueArray(fc.record({ type: fc.constantFrom('Ready', 'PodScheduled', 'Initialized'), status: fc.constantFrom('True', 'False') }), { selector: (c) => c.type, maxLength: 3 }),
  podIP: fc.option(fc.constantFrom('10.0.0.1', '10.0.0.2'), { nil: undefined }),
});

function podOf(w: Write, managedFields: ManagedFieldsEntry[] | undefined): PodJson {
  const status = { ...(w.phase ? { phase: w.phase } : {}), ...(w.conditions.length ? { conditions: w.conditions } : {}), ...(w.podIP ? { podIP: w.podIP } : {}) };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', ...(w.labels && Object.keys(w.labels).length ? { labels: w.labels } : {}), ...(managedFields ? { managedFields } : {}) },
    spec: { containers: [{ name: 'c', image: w.image }], ...(w.nodeName ? { nodeName: w.nodeName } : {}) },
    ...(Object.keys(status).length ? { status } : {}),
  };
}

/** The reference: every manager decoded, every set recomputed from the comparison. */
function reference(prev: PodJson | undefined, next: PodJson, manager: string, subresource: Subresource, now: string): ManagedFieldsEntry[] {
  const root = rootType(POD.group, POD.version, POD.kind);
  const managed = decodeManagedFields(prev?.metadata.managedFields);
  const cmp = compare(root, prev ? withoutManagedFields(prev) : zeroObject(root), withoutManagedFields(next), countsFor(root, subresource));
  const lost = cmp.modified.union(cmp.added).union(cmp.removed);
  for (const [id, m] of managed) {
    const set = m.set!.difference(lost);
    if (set.isEmpty()) managed.delete(id);
    else managed.set(id, { ...m, set });
  }
  const took = ownable(cmp.modified.union(cmp.added).difference(cmp.removed), root, subresource);
  if (!took.isEmpty()) {
    const entry = { manager, operation: 'Update' as const, apiVersion: 'v1', subresource };
    const id = managerIdentifier(entry);
    const before = managed.get(id)?.set;
    managed.set(id, { ...entry, time: now, set: before ? took.union(before) : took });
  }
  return encodeManagedFields(capUpdateManagers(managed)) ?? [];
}

describe('managedFields after a sequence of writes', () => {
  it('equal the set algebra recomputed from scratch at every step', () => {
    fc.assert(
      fc.property(fc.array(write, { minLength: 1, maxLength: 12 }), (writes) => {
        let stored: PodJson | undefined;
        writes.forEach((w, i) => {
          const now = `2026-01-01T00:00:${String(i).padStart(2, '0')}Z`;
          // A status write carries the stored spec and metadata; a main-resource write the stored status.
          const base = podOf(w, undefined);
          const next: PodJson =
            stored && w.subresource === 'status' ? { ...stored, status: base.status } : stored ? { ...base, status: stored.status } : base;
          const subresource: Subresource = stored ? w.subresource : '';
          const actual = updateManagedFields({ ...POD, prev: stored, next, manager: w.manager, subresource, now });
          const expected = reference(stored, next, w.manager, subresource, now);
          expect(actual).toEqual(expected);
          // Stored as JSON, as the store keeps it: later writes read parsed FieldsV1.
          stored = JSON.parse(JSON.stringify({ ...next, metadata: { ...next.metadata, managedFields: actual } })) as PodJson;
        });
      }),
      { numRuns: 300 },
    );
  });
});
