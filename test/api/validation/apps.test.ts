import { describe, expect, it } from 'vitest';
import { defaultDeployment } from '../../../src/api/defaults/deployment.js';
import { defaultReplicaSet } from '../../../src/api/defaults/replicaset.js';
import type { Deployment } from '../../../src/api/types/deployment.js';
import type { ReplicaSet } from '../../../src/api/types/replicaset.js';
import { validateDeployment, validateDeploymentUpdate } from '../../../src/api/validation/deployment.js';
import { validateReplicaSet, validateReplicaSetStatusUpdate } from '../../../src/api/validation/replicaset.js';
import { validateScale } from '../../../src/api/validation/scale.js';
import { texts } from './helpers.js';

const template = (labels: Record<string, string>) => ({ metadata: { labels }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });

function deployment(spec: Partial<Deployment['spec']>): Deployment {
  const d: Deployment = {
    metadata: { name: 'web', namespace: 'default', resourceVersion: '1' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: template({ app: 'web' }), ...spec },
  };
  defaultDeployment(d);
  return d;
}

describe('deployments', () => {
  it('accepts a defaulted deployment', () => {
    expect(texts(validateDeployment(deployment({})))).toEqual([]);
  });
  it('selector must match the template labels', () => {
    expect(texts(validateDeployment(deployment({ template: template({ app: 'other' }) })))).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`',
    ]);
  });
  it('empty selector and negative replicas', () => {
    expect(texts(validateDeployment(deployment({ replicas: -1, selector: {} })))).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    ]);
  });
  it('maxSurge and maxUnavailable may not both be 0', () => {
    const d = deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 0, maxUnavailable: '0%' } } });
    expect(texts(validateDeployment(d))).toEqual(['spec.strategy.rollingUpdate.maxUnavailable: Invalid value: "0%": may not be 0 when `maxSurge` is 0']);
  });
  it('Recreate forbids rollingUpdate; progressDeadlineSeconds must exceed minReadySeconds', () => {
    const d = deployment({ strategy: { type: 'Recreate', rollingUpdate: {} }, minReadySeconds: 600 });
    expect(texts(validateDeployment(d))).toEqual([
      "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
      'spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds',
    ]);
  });
  it('the selector is immutable', () => {
    const prev = deployment({});
    const next = deployment({ selector: { matchLabels: { app: 'web', tier: 'x' } }, template: template({ app: 'web', tier: 'x' }) });
    expect(texts(validateDeploymentUpdate(next, prev))).toEqual([
      'spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"x"}}: field is immutable',
    ]);
  });
});

describe('replicasets and scale', () => {
  it('requires a selector and a template', () => {
    const rs: ReplicaSet = { metadata: { name: 'r', namespace: 'd' }, spec: undefined as never };
    expect(texts(validateReplicaSet(rs))).toEqual(['spec.selector: Required value', 'spec.template: Required value']);
  });
  it('defaults replicas to 1 and validates a good one', () => {
    const rs: ReplicaSet = { metadata: { name: 'r', namespace: 'd' }, spec: { selector: { matchLabels: { a: 'b' } }, template: template({ a: 'b' }) } };
    defaultReplicaSet(rs);
    expect(rs.spec?.replicas).toBe(1);
    expect(texts(validateReplicaSet(rs))).toEqual([]);
  });
  it('status counts are consistent', () => {
    const rs = { metadata: { name: 'r', namespace: 'd', resourceVersion: '2' }, spec: { selector: {} }, status: { replicas: 1, readyReplicas: 2 } };
    expect(texts(validateReplicaSetStatusUpdate(rs, rs))).toEqual(['status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas']);
  });
  it('scale replicas >= 0', () => {
    expect(texts(validateScale({ metadata: { name: 'r', namespace: 'd' }, spec: { replicas: -2 } }))).toEqual([
      'spec.replicas: Invalid value: -2: must be greater than or equal to 0',
    ]);
  });
});
