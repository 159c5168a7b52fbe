import { describe, expect, it } from 'vitest';
import { requeueSeconds, podsGracefulEstimate } from '../../src/controllers/namespace/plan.js';
import { failingConditions, mergeConditions } from '../../src/controllers/namespace/status.js';
import type { Pod } from '../../src/api/types/pod.js';
import type { Frozen } from '../../src/api/types.js';

const totals = (res: [string, number][], fin: [string, number][] = []) => ({ remainingByResource: new Map(res), remainingByFinalizer: new Map(fin) });

describe('namespace deletion conditions', () => {
  it('starts with five ok conditions, flips one with a new transition time, and is stable', () => {
    const first = mergeConditions([], failingConditions({ discoveryFailures: [], contentErrors: [], totals: totals([]) }), 'T1')!;
    expect(first.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['NamespaceDeletionDiscoveryFailure', 'False', 'ResourcesDiscovered'],
      ['NamespaceDeletionGroupVersionParsingFailure', 'False', 'ParsedGroupVersions'],
      ['NamespaceDeletionContentFailure', 'False', 'ContentDeleted'],
      ['NamespaceContentRemaining', 'False', 'ContentRemoved'],
      ['NamespaceFinalizersRemaining', 'False', 'ContentRemoved'],
    ]);
    const failing = failingConditions({ discoveryFailures: [], contentErrors: ['b', 'a'], totals: totals([['pods.', 2], ['deployments.apps', 1]], [['x/y', 3]]) });
    const second = mergeConditions(first, failing, 'T2')!;
    expect(second.find((c) => c.type === 'NamespaceContentRemaining')).toEqual({
      type: 'NamespaceContentRemaining',
      status: 'True',
      lastTransitionTime: 'T2',
      reason: 'SomeResourcesRemain',
      message: 'Some resources are remaining: deployments.apps has 1 resource instances, pods. has 2 resource instances',
    });
    expect(second.find((c) => c.type === 'NamespaceDeletionContentFailure')?.message).toBe('Failed to delete all resource types, 2 remaining: a, b');
    expect(second.find((c) => c.type === 'NamespaceDeletionDiscoveryFailure')?.lastTransitionTime).toBe('T1');
    expect(mergeConditions(second, failing, 'T3')).toBeUndefined();
  });

  it('waits half the longest grace period plus one second', () => {
    const pods = [{ spec: { terminationGracePeriodSeconds: 30 } }, { spec: { terminationGracePeriodSeconds: 90 }, status: { phase: 'Succeeded' } }] as unknown as Frozen<Pod>[];
    expect(podsGracefulEstimate(pods)).toBe(30);
    expect(requeueSeconds(30)).toBe(16);
    expect(requeueSeconds(5)).toBe(3);
  });
});

