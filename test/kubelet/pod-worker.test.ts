import { describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { Pod } from '../../src/api/types/pod.js';
import { DEFAULT_PROFILE, newPodModel, stepPod, type PodEffect, type PodEvent, type PodModel } from '../../src/kubelet/index.js';
import { programOf } from '../../src/kubelet/runtime/shell-parse.js';
import { runShell } from '../../src/kubelet/runtime/shell-run.js';

const pod = (command: string[], restartPolicy = 'Never'): Frozen<Pod> =>
  ({
    metadata: { name: 'p', namespace: 'default', uid: 'u1' },
    spec: { restartPolicy, containers: [{ name: 'c', image: 'busybox', imagePullPolicy: 'IfNotPresent', command }] },
  }) as Frozen<Pod>;

const image = { id: 'docker.io/library/busybox@sha256:00', names: ['docker.io/library/busybox@sha256:00', 'docker.io/library/busybox:latest'], sizeBytes: 1 };

function drive(m: PodModel, events: PodEvent[], now = 0): { m: PodModel; effects: PodEffect[] } {
  const effects: PodEffect[] = [];
  for (const e of events) {
    const r = stepPod(m, e, now);
    m = r.next;
    effects.push(...r.effects);
  }
  return { m, effects };
}

describe('stepPod', () => {
  it('walks a pod from sync to a sleeping container, as effects', () => {
    const p = pod(['sleep', '2']);
    const { m, effects } = drive(newPodModel(p, DEFAULT_PROFILE), [
      { type: 'sync', pod: p },
      { type: 'volumesMounted', data: {} },
      { type: 'sandboxReady', podIP: '10.0.0.2' },
      { type: 'imagePresent', container: 'c', instance: 1, image },
      { type: 'containerCreated', container: 'c', instance: 1, containerID: 'abc' },
      { type: 'containerStarted', container: 'c', instance: 1 },
    ]);
    expect(effects.map((e) => (e.type === 'event' ? `${e.reason}` : e.type))).toEqual([
      'mountVolumes',
      'createSandbox',
      'ensureImage',
      'Pulled',
      'createContainer',
      'Created',
      'startContainer',
      'Started',
      'after',
    ]);
    expect(effects.at(-1)).toEqual({ type: 'after', ms: 2000, event: { type: 'timer', container: 'c', instance: 1, what: 'sleepDone' } });
    expect(m.containers[0].step).toBe('running');
    const done = stepPod(m, { type: 'timer', container: 'c', instance: 1, what: 'sleepDone' }, 2000);
    expect(done.next.terminal).toBe(true);
    expect(done.effects).toEqual([{ type: 'containerExited', container: 'c' }, { type: 'killSandbox' }]);
  });

  it('ignores a stale timer and leaves the input model untouched', () => {
    const p = pod(['sleep', '2']);
    const m = newPodModel(p, DEFAULT_PROFILE);
    const frozen = JSON.stringify(m);
    const r = stepPod(m, { type: 'timer', container: 'c', instance: 7, what: 'sleepDone' }, 0);
    expect(r.effects).toEqual([]);
    expect(JSON.stringify(m)).toBe(frozen);
  });
});

describe('shell model', () => {
  const run = (script: string) => {
    const files = new Map<string, string>();
    return runShell(programOf({ command: ['sh', '-c', script] }), { pc: 0, status: 0 }, files);
  };
  it('chains with ; && and ||', () => {
    expect(run('false && echo no || echo yes; exit 4')).toMatchObject({ lines: ['yes'], outcome: { kind: 'exit', code: 4 } });
    expect(run('echo a; sleep 5; echo b')).toMatchObject({ lines: ['a'], outcome: { kind: 'sleep', ms: 5000 } });
    expect(run('test -f /x || exit 2')).toMatchObject({ outcome: { kind: 'exit', code: 2 } });
    expect(run('echo hi > /x; cat /x')).toMatchObject({ lines: ['hi'], outcome: { kind: 'exit', code: 0 } });
  });
  it('serves forever for unknown commands and loops without sleeping forever', () => {
    expect(runShell(programOf({ image: 'nginx' }), { pc: 0, status: 0 }, new Map()).outcome.kind).toBe('forever');
    expect(runShell(programOf({ image: 'busybox' }), { pc: 0, status: 0 }, new Map()).outcome).toEqual({ kind: 'exit', code: 0 });
    expect(run('while true; do echo tick; sleep 1; done')).toMatchObject({ lines: ['tick'], outcome: { kind: 'sleep', ms: 1000 } });
  });
});
