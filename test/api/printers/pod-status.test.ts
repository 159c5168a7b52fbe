import { describe, expect, it } from 'vitest';
import { podSummary, type PodView } from '../../../src/api/printers/pod-status.js';

const now = Date.parse('2025-01-10T12:00:00Z');
const ago = (seconds: number): string => new Date(now - seconds * 1000).toISOString();

type Status = NonNullable<PodView['status']>;
type ContainerStatus = NonNullable<Status['containerStatuses']>[number];

const running = (name: string, ready = true, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name,
  ready,
  started: true,
  restartCount: 0,
  state: { running: { startedAt: ago(600) } },
  ...extra,
});
const waiting = (name: string, reason: string, extra: Partial<ContainerStatus> = {}): ContainerStatus => ({
  name,
  ready: false,
  restartCount: 0,
  state: { waiting: { reason } },
  ...extra,
});
const terminated = (
  name: string,
  exitCode: number,
  reason?: string,
  extra: Partial<ContainerStatus> = {},
): ContainerStatus => ({
  name,
  ready: false,
  restartCount: 0,
  state: { terminated: { exitCode, reason, finishedAt: ago(60) } },
  ...extra,
});

/** A pod with app containers c1..cN and init containers i1..iM (restartPolicy Always for sidecars). */
function pod(
  status: Status,
  options: { containers?: number; init?: number; sidecars?: number[]; deleting?: boolean } = {},
): PodView {
  const containers = Array.from({ length: options.containers ?? 1 }, (_, i) => ({ name: `c${i + 1}` }));
  const initContainers = Array.from({ length: options.init ?? 0 }, (_, i) => ({
    name: `i${i + 1}`,
    ...(options.sidecars?.includes(i + 1) ? { restartPolicy: 'Always' } : {}),
  }));
  return {
    metadata: { name: 'p', creationTimestamp: ago(3600), ...(options.deleting ? { deletionTimestamp: ago(5) } : {}) },
    spec: { containers, initContainers },
    status,
  };
}

const readyCondition = (status: 'True' | 'False') => ({ type: 'Ready', status });
const crashed = { lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: ago(25) } } };

describe('pod READY / STATUS / RESTARTS (printPod)', () => {
  it.each<[string, PodView, string, string, string]>([
    ['running and ready', pod({ phase: 'Running', containerStatuses: [running('c1')] }), '1/1', 'Running', '0'],
    ['pending, no statuses yet', pod({ phase: 'Pending' }), '0/1', 'Pending', '0'],
    ['no phase at all', pod({}), '0/1', '', '0'],
    [
      'ContainerCreating',
      pod({ phase: 'Pending', containerStatuses: [waiting('c1', 'ContainerCreating')] }),
      '0/1',
      'ContainerCreating',
      '0',
    ],
    [
      'CrashLoopBackOff with a restart 25s ago',
      pod({ phase: 'Running', containerStatuses: [waiting('c1', 'CrashLoopBackOff', { restartCount: 3, ...crashed })] }),
      '0/1',
      'CrashLoopBackOff',
      '3 (25s ago)',
    ],
    [
      'ImagePullBackOff',
      pod({ phase: 'Pending', containerStatuses: [waiting('c1', 'ImagePullBackOff')] }),
      '0/1',
      'ImagePullBackOff',
      '0',
    ],
    [
      'ErrImagePull',
      pod({ phase: 'Pending', containerStatuses: [waiting('c1', 'ErrImagePull')] }),
      '0/1',
      'ErrImagePull',
      '0',
    ],
    [
      'Completed',
      pod({ phase: 'Succeeded', containerStatuses: [terminated('c1', 0, 'Completed')] }),
      '0/1',
      'Completed',
      '0',
    ],
    ['Error', pod({ phase: 'Failed', containerStatuses: [terminated('c1', 1, 'Error')] }), '0/1', 'Error', '0'],
    [
      'OOMKilled',
      pod({ phase: 'Running', containerStatuses: [terminated('c1', 137, 'OOMKilled', { restartCount: 1 })] }),
      '0/1',
      'OOMKilled',
      '1',
    ],
    ['ExitCode:N without a reason', pod({ phase: 'Failed', containerStatuses: [terminated('c1', 2)] }), '0/1', 'ExitCode:2', '0'],
    [
      'Signal:N without a reason',
      pod({ phase: 'Failed', containerStatuses: [{ name: 'c1', ready: false, state: { terminated: { exitCode: 137, signal: 9 } } }] }),
      '0/1',
      'Signal:9',
      '0',
    ],
    [
      'first container decides (walked last to first)',
      pod(
        { phase: 'Running', containerStatuses: [waiting('c1', 'CrashLoopBackOff'), waiting('c2', 'ImagePullBackOff')] },
        { containers: 2 },
      ),
      '0/2',
      'CrashLoopBackOff',
      '0',
    ],
    [
      'Completed with a container still running and Ready -> Running',
      pod(
        { phase: 'Running', conditions: [readyCondition('True')], containerStatuses: [terminated('c1', 0, 'Completed'), running('c2')] },
        { containers: 2 },
      ),
      '1/2',
      'Running',
      '0',
    ],
    [
      'Completed with a container still running, not Ready -> NotReady',
      pod(
        { phase: 'Running', conditions: [readyCondition('False')], containerStatuses: [terminated('c1', 0, 'Completed'), running('c2')] },
        { containers: 2 },
      ),
      '1/2',
      'NotReady',
      '0',
    ],
    [
      'Init:0/2 while the first init container runs',
      pod({ phase: 'Pending', initContainerStatuses: [running('i1', false), waiting('i2', 'PodInitializing')], containerStatuses: [waiting('c1', 'PodInitializing')] }, { init: 2 }),
      '0/1',
      'Init:0/2',
      '0',
    ],
    [
      'Init:1/2 once the first is done',
      pod({ phase: 'Pending', initContainerStatuses: [terminated('i1', 0, 'Completed'), running('i2', false)] }, { init: 2 }),
      '0/1',
      'Init:1/2',
      '0',
    ],
    [
      'Init:CrashLoopBackOff, init restarts count',
      pod({ phase: 'Pending', initContainerStatuses: [waiting('i1', 'CrashLoopBackOff', { restartCount: 4, ...crashed })] }, { init: 1 }),
      '0/1',
      'Init:CrashLoopBackOff',
      '4 (25s ago)',
    ],
    [
      'Init:Error',
      pod({ phase: 'Pending', initContainerStatuses: [terminated('i1', 1, 'Error')] }, { init: 1 }),
      '0/1',
      'Init:Error',
      '0',
    ],
    ['Init:ExitCode:N', pod({ phase: 'Pending', initContainerStatuses: [terminated('i1', 3)] }, { init: 1 }), '0/1', 'Init:ExitCode:3', '0'],
    [
      'Init:Signal:N',
      pod({ phase: 'Pending', initContainerStatuses: [{ name: 'i1', state: { terminated: { exitCode: 143, signal: 15 } } }] }, { init: 1 }),
      '0/1',
      'Init:Signal:15',
      '0',
    ],
    [
      'PodInitializing once init is done',
      pod(
        { phase: 'Pending', initContainerStatuses: [terminated('i1', 0, 'Completed', { restartCount: 2 })], containerStatuses: [waiting('c1', 'PodInitializing')] },
        { init: 1 },
      ),
      '0/1',
      'PodInitializing',
      '0', // plain init container restarts stop counting after initialisation
    ],
    [
      'Terminating',
      pod({ phase: 'Running', containerStatuses: [running('c1')] }, { deleting: true }),
      '1/1',
      'Terminating',
      '0',
    ],
    [
      'a finished pod being deleted keeps its status',
      pod({ phase: 'Succeeded', containerStatuses: [terminated('c1', 0, 'Completed')] }, { deleting: true }),
      '0/1',
      'Completed',
      '0',
    ],
    [
      'NodeLost while deleting -> Unknown',
      pod({ phase: 'Running', reason: 'NodeLost', containerStatuses: [running('c1')] }, { deleting: true }),
      '1/1',
      'Unknown',
      '0',
    ],
    ['status.reason beats phase (Evicted)', pod({ phase: 'Failed', reason: 'Evicted' }), '0/1', 'Evicted', '0'],
    [
      'SchedulingGated',
      pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }),
      '0/1',
      'SchedulingGated',
      '0',
    ],
    [
      'started sidecar counts as a ready container, and its restarts carry over',
      pod(
        {
          phase: 'Running',
          conditions: [{ type: 'Initialized', status: 'True' }],
          initContainerStatuses: [running('i1', true, { restartCount: 1, ...crashed })],
          containerStatuses: [running('c1', true, { restartCount: 2 })],
        },
        { init: 1, sidecars: [1] },
      ),
      '2/2',
      'Running',
      '3 (25s ago)',
    ],
    [
      'sidecar not started yet blocks initialisation',
      pod({ phase: 'Pending', initContainerStatuses: [running('i1', false, { started: false })] }, { init: 1, sidecars: [1] }),
      '0/2',
      'Init:0/1',
      '0',
    ],
    [
      'sidecar started, next init container running',
      pod(
        { phase: 'Pending', initContainerStatuses: [running('i1', true), running('i2', false)] },
        { init: 2, sidecars: [1] },
      ),
      '1/2',
      'Init:1/2',
      '0',
    ],
  ])('%s', (_, p, ready, status, restarts) => {
    expect(podSummary(p, now)).toEqual({ ready, status, restarts });
  });

  it('takes the latest finishedAt over all containers for the restart age', () => {
    const p = pod(
      {
        phase: 'Running',
        containerStatuses: [
          running('c1', true, { restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: ago(7200) } } }),
          running('c2', true, { restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: ago(330) } } }),
        ],
      },
      { containers: 2 },
    );
    expect(podSummary(p, now).restarts).toBe('3 (5m30s ago)');
  });
});
