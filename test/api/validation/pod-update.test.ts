import { describe, expect, it } from 'vitest';
import { UPDATABLE_POD_SPEC_FIELDS, validatePodStatusUpdate, validatePodUpdate } from '../../../src/api/validation/pod.js';
import type { Pod } from '../../../src/api/types/pod.js';
import { makePod, texts } from './pod-fixtures.js';

const FORBIDDEN_PREFIX =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)\n';

function update(edit: (pod: Pod) => void, prevEdit: (pod: Pod) => void = () => {}): string[] {
  const prev = makePod(prevEdit);
  const next = structuredClone(prev);
  edit(next);
  return texts(validatePodUpdate(next, prev));
}

describe('validatePodUpdate', () => {
  it('lists the updatable fields exactly as kube does', () => {
    expect(UPDATABLE_POD_SPEC_FIELDS.join(',')).toBe(FORBIDDEN_PREFIX.slice('spec: Forbidden: pod updates may not change fields other than '.length, -1));
  });

  it('allows image changes, a lower deadline and added tolerations', () => {
    expect(
      update(
        (p) => {
          p.spec.containers[0].image = 'nginx:1.28';
          p.spec.activeDeadlineSeconds = 50;
          p.spec.tolerations = [{ key: 'a', operator: 'Exists' }];
        },
        (p) => (p.spec.activeDeadlineSeconds = 100),
      ),
    ).toEqual([]);
  });

  it('forbids other spec changes, with the field list and a diff', () => {
    const out = update((p) => (p.spec.containers[0].ports = [{ containerPort: 81, protocol: 'TCP' }]));
    expect(out).toHaveLength(1);
    expect(out[0].startsWith(FORBIDDEN_PREFIX)).toBe(true);
    expect(out[0]).toContain('+ \tcontainers[0].ports: [{"containerPort":81,"protocol":"TCP"}],');
  });

  it('forbids adding or removing containers', () => {
    expect(update((p) => p.spec.containers.push({ ...p.spec.containers[0], name: 'b' }))).toEqual([
      'spec.containers: Forbidden: pod updates may not add or remove containers',
    ]);
  });

  it('checks activeDeadlineSeconds moves', () => {
    expect(update((p) => (p.spec.activeDeadlineSeconds = 200), (p) => (p.spec.activeDeadlineSeconds = 100))).toEqual([
      'spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value',
    ]);
    expect(update((p) => delete p.spec.activeDeadlineSeconds, (p) => (p.spec.activeDeadlineSeconds = 100))).toEqual([
      'spec.activeDeadlineSeconds: Invalid value: "null": must not update from a positive integer to nil value',
    ]);
  });

  it('forbids changing an existing toleration', () => {
    const out = update(
      (p) => (p.spec.tolerations = [{ key: 'a', operator: 'Equal', value: 'y' }]),
      (p) => (p.spec.tolerations = [{ key: 'a', operator: 'Equal', value: 'x' }]),
    );
    expect(out).toEqual(['spec.tolerations: Forbidden: existing toleration can not be modified except its tolerationSeconds']);
  });

  it('lets a negative grace period become 1, nothing else', () => {
    expect(update((p) => (p.spec.terminationGracePeriodSeconds = 1), (p) => (p.spec.terminationGracePeriodSeconds = -1))).toEqual([]);
    const out = update((p) => (p.spec.terminationGracePeriodSeconds = 10));
    expect(out[0].startsWith(FORBIDDEN_PREFIX)).toBe(true);
  });

  it('only removes scheduling gates', () => {
    expect(update((p) => (p.spec.schedulingGates = []), (p) => (p.spec.schedulingGates = [{ name: 'x.io/a' }]))).toEqual([]);
    expect(update((p) => (p.spec.schedulingGates = [{ name: 'x.io/b' }]))).toEqual([
      "spec.schedulingGates[0].name: Forbidden: only deletion is allowed, but found new scheduling gate 'x.io/b'",
    ]);
  });

  it('runs metadata update rules', () => {
    expect(update((p) => (p.metadata.name = 'other'))).toContain('metadata.name: Invalid value: "other": field is immutable');
  });
});

describe('validatePodStatusUpdate', () => {
  const withStatus = (edit: (p: Pod) => void): Pod => {
    const p = makePod();
    p.status = { phase: 'Running', qosClass: 'BestEffort' };
    edit(p);
    return p;
  };

  it('accepts ordinary status changes', () => {
    const prev = withStatus(() => {});
    const next = withStatus((p) => (p.status!.podIPs = [{ ip: '10.0.0.5' }]));
    expect(texts(validatePodStatusUpdate(next, prev))).toEqual([]);
  });

  it('keeps qosClass and nodeName fixed and IPs valid', () => {
    const prev = withStatus(() => {});
    const next = withStatus((p) => {
      p.status!.qosClass = 'Guaranteed';
      p.spec.nodeName = 'node-1';
      p.status!.podIPs = [{ ip: '10.0.0.300' }];
    });
    expect(texts(validatePodStatusUpdate(next, prev))).toEqual([
      'status.nodeName: Forbidden: may not be changed directly',
      'status.qosClass: Invalid value: "Guaranteed": field is immutable',
      'status.podIPs[0]: Invalid value: "10.0.0.300": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)',
    ]);
  });

  it('does not bring a terminated container back when the pod never restarts', () => {
    const status = (terminated: boolean) => ({
      name: 'app', ready: false, restartCount: 0, image: 'nginx', imageID: '',
      state: terminated ? { terminated: { exitCode: 0 } } : { running: {} },
    });
    const prev = withStatus((p) => {
      p.spec.restartPolicy = 'Never';
      p.status!.containerStatuses = [status(true)];
    });
    const next = withStatus((p) => {
      p.spec.restartPolicy = 'Never';
      p.status!.containerStatuses = [status(false)];
    });
    expect(texts(validatePodStatusUpdate(next, prev))).toEqual([
      'status.containerStatuses[0].state: Forbidden: may not be transitioned to non-terminated state',
    ]);
  });
});
