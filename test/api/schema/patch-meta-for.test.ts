import { describe, expect, it } from 'vitest';
import { patchMetaFor } from '../../../src/api/schema/patch-meta-for.js';
import { NO_PATCH_META } from '../../../src/api/patch/patch-meta.js';

describe('patchMetaFor', () => {
  it('walks a Deployment down to container ports', () => {
    const deployment = patchMetaFor('apps', 'v1', 'Deployment');
    const podSpec = deployment.field('spec')?.meta.field('template')?.meta.field('spec')?.meta;
    const containers = podSpec?.field('containers');
    expect(containers?.strategies).toEqual(['merge']);
    expect(containers?.mergeKey).toBe('name');
    const ports = containers?.meta.field('ports');
    expect(ports).toMatchObject({ strategies: ['merge'], mergeKey: 'containerPort' });
    expect(podSpec?.field('volumes')?.strategies).toEqual(['merge', 'retainKeys']);
    expect(deployment.field('spec')?.meta.field('strategy')?.strategies).toEqual(['retainKeys']);
  });

  it('knows plain fields without strategies, and nothing of unknown ones', () => {
    const pod = patchMetaFor('', 'v1', 'Pod');
    expect(pod.field('metadata')?.strategies).toEqual([]);
    expect(pod.field('metadata')?.meta.field('finalizers')?.strategies).toEqual(['merge']);
    expect(pod.field('nope')).toBeUndefined();
  });

  it('passes through maps to their values and is empty for unknown kinds', () => {
    const labels = patchMetaFor('', 'v1', 'ConfigMap').field('metadata')?.meta.field('labels');
    expect(labels?.meta.field('x')).toBeUndefined();
    expect(patchMetaFor('example.com', 'v1', 'Widget')).toBe(NO_PATCH_META);
  });
});
