import { describe, expect, it } from 'vitest';
import { validatePod } from '../../../src/api/validation/pod.js';
import { container, makePod, texts } from './pod-fixtures.js';

const errorsFor = (edit: Parameters<typeof makePod>[0]): string[] => texts(validatePod(makePod(edit)));

describe('ports', () => {
  it('checks containerPort range, protocol enum and hostPort range', () => {
    expect(
      errorsFor((p) => (p.spec.containers[0].ports = [{ containerPort: 70000, protocol: 'ICMP', hostPort: -1 }])),
    ).toEqual([
      'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[0].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive',
      'spec.containers[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"',
    ]);
  });

  it('requires containerPort and unique IANA service names', () => {
    expect(
      errorsFor((p) => (p.spec.containers[0].ports = [{ name: 'http', containerPort: 80 }, { name: 'http', containerPort: 0 }, { name: 'Web--1', containerPort: 81 }])),
    ).toEqual([
      'spec.containers[0].ports[1].name: Duplicate value: "http"',
      'spec.containers[0].ports[1].containerPort: Required value',
      'spec.containers[0].ports[2].name: Invalid value: "Web--1": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'spec.containers[0].ports[2].name: Invalid value: "Web--1": must not contain consecutive hyphens',
    ]);
  });

  it('rejects the same host port twice across containers', () => {
    expect(
      errorsFor((p) => {
        p.spec.containers = [container({ ports: [{ containerPort: 80, hostPort: 8080 }] }), container({ name: 'b', ports: [{ containerPort: 81, hostPort: 8080 }] })];
      }),
    ).toEqual(['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//8080"']);
  });
});

describe('env', () => {
  it('accepts relaxed names (1.32 default) but not "=" or non-printable characters', () => {
    expect(errorsFor((p) => (p.spec.containers[0].env = [{ name: '1st var.x', value: 'a' }]))).toEqual([]);
    expect(errorsFor((p) => (p.spec.containers[0].env = [{ name: 'A=B', value: 'a' }, { name: '' }]))).toEqual([
      'spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than \'=\'',
      'spec.containers[0].env[1].name: Required value',
    ]);
  });

  it('wants exactly one valueFrom source and no literal value beside it', () => {
    const ref = { name: 'cfg', key: 'k' };
    expect(
      errorsFor((p) => {
        p.spec.containers[0].env = [
          { name: 'A', valueFrom: {} },
          { name: 'B', value: 'x', valueFrom: { configMapKeyRef: ref } },
          { name: 'C', valueFrom: { configMapKeyRef: ref, secretKeyRef: ref } },
        ];
      }),
    ).toEqual([
      'spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      'spec.containers[0].env[1].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
      'spec.containers[0].env[2].valueFrom: Invalid value: "": may not have more than one field specified at a time',
    ]);
  });

  it('checks downward API field paths (apiVersion defaulted to v1)', () => {
    expect(errorsFor((p) => (p.spec.containers[0].env = [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }]))).toEqual([]);
    expect(errorsFor((p) => (p.spec.containers[0].env = [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'spec.restartPolicy' } } }]))).toEqual([
      'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "spec.restartPolicy": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
    ]);
  });

  it('envFrom needs exactly one source', () => {
    expect(errorsFor((p) => (p.spec.containers[0].envFrom = [{ prefix: 'X_' }]))).toEqual([
      'spec.containers[0].envFrom: Invalid value: "": must specify one of: `configMapRef` or `secretRef`',
    ]);
  });
});

describe('resources', () => {
  it('requests may not exceed limits, with the canonical quantities in the message', () => {
    expect(errorsFor((p) => (p.spec.containers[0].resources = { requests: { cpu: '1' }, limits: { cpu: '0.5' } }))).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1": must be less than or equal to cpu limit of 500m',
    ]);
  });

  it('rejects negative quantities and non-standard names', () => {
    expect(errorsFor((p) => (p.spec.containers[0].resources = { limits: { memory: '-1Gi', gpu: '1' } }))).toEqual([
      'spec.containers[0].resources.limits[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
      'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.limits[gpu]: Invalid value: "gpu": must be a standard resource for containers',
      'spec.containers[0].resources.requests[memory]: Invalid value: "-1Gi": must be greater than or equal to 0',
      'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified',
      'spec.containers[0].resources.requests[gpu]: Invalid value: "gpu": must be a standard resource for containers',
    ]);
  });

  it('extended resources cannot be overcommitted or fractional', () => {
    expect(errorsFor((p) => (p.spec.containers[0].resources = { limits: { 'example.com/gpu': '2' }, requests: { 'example.com/gpu': '1' } }))).toEqual([
      'spec.containers[0].resources.requests: Invalid value: "1": must be equal to example.com/gpu limit of 2',
    ]);
    expect(errorsFor((p) => (p.spec.containers[0].resources = { limits: { 'example.com/gpu': '500m' } }))).toEqual([
      'spec.containers[0].resources.limits[example.com/gpu]: Invalid value: "500m": must be an integer',
      'spec.containers[0].resources.requests[example.com/gpu]: Invalid value: "500m": must be an integer',
    ]);
  });

  it('reports a malformed quantity with the decoder message', () => {
    expect(errorsFor((p) => (p.spec.containers[0].resources = { limits: { cpu: 'lots' } }))).toEqual([
      'spec.containers[0].resources.limits[cpu]: Invalid value: "lots": quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
      'spec.containers[0].resources.requests[cpu]: Invalid value: "lots": quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'',
    ]);
  });
});

describe('probes and lifecycle', () => {
  it('needs exactly one handler', () => {
    expect(errorsFor((p) => (p.spec.containers[0].livenessProbe = {}))).toEqual([
      'spec.containers[0].livenessProbe: Required value: must specify a handler type',
    ]);
    expect(errorsFor((p) => (p.spec.containers[0].readinessProbe = { exec: { command: ['true'] }, tcpSocket: { port: 80 } }))).toEqual([
      'spec.containers[0].readinessProbe.tcpSocket: Forbidden: may not specify more than 1 handler type',
    ]);
  });

  it('keeps numbers non-negative and successThreshold 1 for liveness and startup', () => {
    expect(
      errorsFor((p) => {
        p.spec.containers[0].livenessProbe = { httpGet: { port: 'http' }, periodSeconds: -1, successThreshold: 2 };
        p.spec.containers[0].startupProbe = { tcpSocket: { port: 0 }, initialDelaySeconds: -5 };
      }),
    ).toEqual([
      'spec.containers[0].livenessProbe.periodSeconds: Invalid value: -1: must be greater than or equal to 0',
      'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      'spec.containers[0].startupProbe.tcpSocket.port: Invalid value: 0: must be between 1 and 65535, inclusive',
      'spec.containers[0].startupProbe.initialDelaySeconds: Invalid value: -5: must be greater than or equal to 0',
    ]);
  });

  it('forbids terminationGracePeriodSeconds on readiness probes', () => {
    expect(errorsFor((p) => (p.spec.containers[0].readinessProbe = { exec: { command: ['x'] }, terminationGracePeriodSeconds: 5 }))).toEqual([
      'spec.containers[0].readinessProbe.terminationGracePeriodSeconds: Invalid value: 5: must not be set for readinessProbes',
    ]);
  });

  it('checks hook handlers too', () => {
    expect(errorsFor((p) => (p.spec.containers[0].lifecycle = { preStop: { exec: {} } }))).toEqual([
      'spec.containers[0].lifecycle.preStop.exec.command: Required value',
    ]);
  });
});

describe('security context', () => {
  it('keeps ids in range and refuses contradictions', () => {
    expect(
      errorsFor((p) => {
        p.spec.securityContext = { runAsUser: -1 };
        p.spec.containers[0].securityContext = { privileged: true, allowPrivilegeEscalation: false };
      }),
    ).toEqual([
      'spec.containers[0].securityContext: Invalid value: {"privileged":true,"allowPrivilegeEscalation":false}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true',
      'spec.securityContext.runAsUser: Invalid value: -1: must be between 0 and 2147483647, inclusive',
    ]);
  });
});
