import { describe, expect, it } from 'vitest';
import { FieldPath } from '../../../src/api/field-errors.js';
import { validatePod, validatePodBinding, validatePodTemplateSpec, validatePodTemplateSpecForReplicaSet } from '../../../src/api/validation/pod.js';
import { defaultPodTemplateSpec } from '../../../src/api/defaults/pod.js';
import type { PodTemplateSpec } from '../../../src/api/types/pod.js';
import { container, makePod, texts } from './pod-fixtures.js';

const DNS_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

describe('validatePod: metadata and containers', () => {
  it('accepts a minimal defaulted pod', () => {
    expect(texts(validatePod(makePod()))).toEqual([]);
  });

  it('requires a namespace and a DNS-1123 subdomain name', () => {
    const pod = makePod((p) => {
      p.metadata = { name: 'Web_1' };
    });
    const out = texts(validatePod(pod));
    expect(out).toContain('metadata.namespace: Required value');
    expect(out.some((t) => t.startsWith('metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain'))).toBe(true);
  });

  it('requires at least one container', () => {
    expect(texts(validatePod(makePod((p) => (p.spec.containers = []))))).toEqual(['spec.containers: Required value']);
  });

  it('rejects a container name that is not a DNS-1123 label, with kube\'s exact text', () => {
    const out = texts(validatePod(makePod((p) => (p.spec.containers[0].name = 'Bad_Name'))));
    expect(out).toEqual([`spec.containers[0].name: Invalid value: "Bad_Name": ${DNS_LABEL_MSG}`]);
  });

  it('requires a name and an image', () => {
    const out = texts(validatePod(makePod((p) => (p.spec.containers = [{ name: '' }]))));
    expect(out).toEqual(['spec.containers[0].name: Required value', 'spec.containers[0].image: Required value']);
  });

  it('finds duplicate names across containers, init and ephemeral containers', () => {
    const pod = makePod((p) => {
      p.spec.containers.push(container());
      p.spec.initContainers = [container({ name: 'app' })];
    });
    expect(texts(validatePod(pod))).toEqual([
      'spec.containers[1].name: Duplicate value: "app"',
      'spec.initContainers[0].name: Duplicate value: "app"',
    ]);
  });

  it('forbids ephemeral containers on create', () => {
    const pod = makePod((p) => (p.spec.ephemeralContainers = [{ name: 'debug', image: 'busybox' }]));
    expect(texts(validatePod(pod))).toEqual(['spec.ephemeralContainers: Forbidden: cannot be set on create']);
  });

  it('rejects padded images on pods', () => {
    const out = texts(validatePod(makePod((p) => (p.spec.containers[0].image = ' nginx'))));
    expect(out).toEqual(['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace']);
  });

  it('lists supported values for imagePullPolicy and terminationMessagePolicy', () => {
    const pod = makePod((p) => {
      p.spec.containers[0].imagePullPolicy = 'Sometimes';
      p.spec.containers[0].terminationMessagePolicy = 'Log';
    });
    expect(texts(validatePod(pod))).toEqual([
      'spec.containers[0].terminationMessagePolicy: Unsupported value: "Log": supported values: "File", "FallbackToLogsOnError"',
      'spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
    ]);
  });

  it('forbids restartPolicy on regular containers and allows only Always on init containers', () => {
    const pod = makePod((p) => {
      p.spec.containers[0].restartPolicy = 'Always';
      p.spec.initContainers = [container({ name: 'init', restartPolicy: 'OnFailure' })];
    });
    expect(texts(validatePod(pod))).toEqual([
      'spec.containers[0].restartPolicy: Forbidden: may not be set for non-init containers',
      'spec.initContainers[0].restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ]);
  });

  it('lets sidecars (restartPolicy Always) have probes but not plain init containers', () => {
    const probe = { exec: { command: ['true'] } };
    const pod = makePod((p) => {
      p.spec.initContainers = [
        container({ name: 'sidecar', restartPolicy: 'Always', readinessProbe: probe }),
        container({ name: 'init', livenessProbe: probe }),
      ];
    });
    expect(texts(validatePod(pod))).toEqual([
      'spec.initContainers[1].livenessProbe: Forbidden: may not be set for init containers without restartPolicy=Always',
    ]);
  });
});

describe('validatePod: spec enums and numbers', () => {
  it('lists the restart and DNS policies', () => {
    const pod = makePod((p) => {
      p.spec.restartPolicy = 'Sometimes';
      p.spec.dnsPolicy = 'Google';
    });
    expect(texts(validatePod(pod))).toEqual([
      'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
      'spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"',
    ]);
  });

  it('requires terminationGracePeriodSeconds (set by defaulting)', () => {
    const pod = makePod();
    delete pod.spec.terminationGracePeriodSeconds;
    expect(texts(validatePod(pod))).toEqual(['spec.terminationGracePeriodSeconds: Required value']);
  });

  it('keeps activeDeadlineSeconds within 1..MaxInt32', () => {
    const out = texts(validatePod(makePod((p) => (p.spec.activeDeadlineSeconds = 0))));
    expect(out).toEqual(['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive']);
  });

  it('validates nodeSelector labels', () => {
    const out = texts(validatePod(makePod((p) => (p.spec.nodeSelector = { 'disk type': 'ssd' }))));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^spec\.nodeSelector: Invalid value: "disk type": name part must consist of alphanumeric characters/);
  });

  it('requires dnsConfig nameservers for dnsPolicy None', () => {
    const out = texts(validatePod(makePod((p) => (p.spec.dnsPolicy = 'None'))));
    expect(out).toEqual(['spec.dnsConfig: Required value: must provide `dnsConfig` when `dnsPolicy` is None']);
  });

  it('forbids nodeName together with scheduling gates', () => {
    const pod = makePod((p) => {
      p.spec.nodeName = 'node-1';
      p.spec.schedulingGates = [{ name: 'example.com/wait' }];
    });
    expect(texts(validatePod(pod))).toEqual(['spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared']);
  });

  it('requires hostPort to equal containerPort on the host network', () => {
    const pod = makePod((p) => {
      p.spec.hostNetwork = true;
      p.spec.containers[0].ports = [{ containerPort: 80, hostPort: 8080 }];
    });
    expect(texts(validatePod(pod))).toEqual([
      'spec.containers[0].ports[0].hostPort: Invalid value: 8080: must match `containerPort` when `hostNetwork` is true',
    ]);
  });
});

describe('pod templates', () => {
  const template = (edit: (t: PodTemplateSpec) => void = () => {}): PodTemplateSpec => {
    const t: PodTemplateSpec = { metadata: { labels: { app: 'web' } }, spec: { containers: [container()] } };
    edit(t);
    defaultPodTemplateSpec(t);
    return t;
  };
  const path = FieldPath.root('spec').child('template');

  it('accepts a defaulted template, and a blank image is not a whitespace error there', () => {
    expect(texts(validatePodTemplateSpec(template(), path))).toEqual([]);
  });

  it('reports template labels under <path>.labels', () => {
    const out = texts(validatePodTemplateSpec(template((t) => (t.metadata!.labels = { app: 'bad value' })), path));
    expect(out[0]).toMatch(/^spec\.template\.labels: Invalid value: "bad value": a valid label must be/);
  });

  it('allows only restartPolicy Always and no deadline for ReplicaSets and Deployments', () => {
    const t = template((x) => {
      x.spec.restartPolicy = 'OnFailure';
      x.spec.activeDeadlineSeconds = 10;
    });
    expect(texts(validatePodTemplateSpecForReplicaSet(t, path, { selectorMatches: (l) => l.app === 'api' }))).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported',
    ]);
  });

  it('forbids ephemeral containers in templates', () => {
    const t = template((x) => (x.spec.ephemeralContainers = [{ name: 'dbg', image: 'busybox' }]));
    expect(texts(validatePodTemplateSpec(t, path))).toContain(
      'spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template',
    );
  });
});

describe('validatePodBinding', () => {
  it('wants a Node target with a name', () => {
    const b = { metadata: { name: 'web' }, target: { kind: 'Pod' } };
    expect(texts(validatePodBinding(b))).toEqual([
      'target.kind: Unsupported value: "Pod": supported values: "Node", "<empty>"',
      'target.name: Required value',
    ]);
    expect(validatePodBinding({ metadata: { name: 'web' }, target: { name: 'node-1' } })).toEqual([]);
  });
});
