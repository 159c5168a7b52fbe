import { describe, expect, it } from 'vitest';
import { draftKeepingCurrent, shareUnchanged, shareUnchangedParts } from '../../../src/apiserver/rest/share-unchanged.js';
import { deepEqual } from '../../../src/apiserver/storage/same-content.js';
import { jsonCopy } from '../../../src/api/json-copy.js';
import { deepFreeze } from '../../../src/client/deep-freeze.js';

const current = deepFreeze({
  metadata: { name: 'p', labels: { app: 'web' }, resourceVersion: '7' },
  spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', image: 'redis' }] },
  status: { phase: 'Pending', conditions: [{ type: 'Ready', status: 'False' }] },
});

describe('shareUnchanged', () => {
  it('hands back the current version for an equal copy, and the copy for a changed one', () => {
    expect(shareUnchanged(jsonCopy(current.spec), current.spec)).toBe(current.spec);
    const changed = jsonCopy(current.spec);
    changed.containers[1].image = 'redis:7';
    const out = shareUnchanged(changed, current.spec) as typeof changed;
    expect(out).toBe(changed);
    // The unchanged container is the current one; the changed one stays the copy's.
    expect(out.containers[0]).toBe(current.spec.containers[0]);
    expect(out.containers[1]).not.toBe(current.spec.containers[1]);
    expect(out.containers[1].image).toBe('redis:7');
  });

  it('tells added, removed and undefined keys and list lengths apart', () => {
    const added = { ...jsonCopy(current.status), reason: 'X' };
    expect(shareUnchanged(added, current.status)).toBe(added);
    const removed = jsonCopy(current.status) as Partial<typeof current.status>;
    delete removed.conditions;
    expect(shareUnchanged(removed, current.status)).toBe(removed);
    const withUndefined = { ...jsonCopy(current.status), reason: undefined };
    expect(shareUnchanged(withUndefined, current.status)).toBe(current.status);
    const longer = jsonCopy(current.spec);
    longer.containers.push({ name: 'c', image: 'x' });
    const out = shareUnchanged(longer, current.spec) as typeof longer;
    expect(out).toBe(longer);
    expect(out.containers[0]).toBe(current.spec.containers[0]);
  });

  it('keeps the draft and its metadata writable and equal in content', () => {
    const draft = jsonCopy(current) as Record<string, unknown> & { metadata: Record<string, unknown>; status: { phase: string } };
    draft.status.phase = 'Running';
    shareUnchangedParts(draft, current);
    expect(draft.spec).toBe(current.spec);
    expect(draft.metadata).not.toBe(current.metadata);
    expect(draft.metadata.labels).toBe(current.metadata.labels);
    draft.metadata.resourceVersion = '8';
    expect(deepEqual(draft, { ...current, metadata: { ...current.metadata, resourceVersion: '8' }, status: { ...current.status, phase: 'Running' } })).toBe(true);
  });
});

describe('draftKeepingCurrent', () => {
  it('keeps the current version\'s own parts where a patch left them, and copies the rest', () => {
    // A patch result: spec untouched (the current one), status new, metadata the current one.
    const proposed = { ...current, status: { ...current.status, phase: 'Running' } };
    const draft = draftKeepingCurrent(proposed, current) as typeof proposed;
    expect(draft.spec).toBe(current.spec);
    expect(draft.metadata).not.toBe(current.metadata);
    expect(draft.metadata.labels).toBe(current.metadata.labels);
    expect(draft.status).not.toBe(proposed.status);
    expect(Object.isFrozen(draft.status)).toBe(false);
    // The kept status conditions are the current ones; the status object around them is a copy.
    expect(draft.status.conditions).toBe(current.status.conditions);
    expect(deepEqual(draft, proposed)).toBe(true);
  });

  it('copies a frozen part found elsewhere than where the current version has it', () => {
    const moved = { ...current, spec: { containers: [current.spec.containers[1], current.spec.containers[0]] } };
    const draft = draftKeepingCurrent(moved, current) as typeof moved;
    expect(draft.spec.containers[0]).not.toBe(current.spec.containers[1]);
    expect(Object.isFrozen(draft.spec.containers[0])).toBe(false);
    expect(draft.spec.containers[0].name).toBe('b');
  });
});
