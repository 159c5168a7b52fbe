// Bodies captured from kubectl 1.33 (`kubectl create ... --validate=false` against a recording
// server), next to the JSON the same command prints with `--dry-run=client -o json`.
import { describe, expect, it } from 'vitest';
import { decodeProtobufObject, encodeProtobufObject } from '../../../src/api/protobuf/protobuf-object.js';

const meta = (name: string, labels?: Record<string, string>) => ({ name, creationTimestamp: null, ...(labels ? { labels } : {}) });

const GOLDEN: { command: string; base64: string; json: Record<string, unknown> }[] = [
  {
    command: 'kubectl create configmap cm1 --from-literal=a=b --from-literal=empty=',
    base64: 'azhzAAoPCgJ2MRIJQ29uZmlnTWFwEigKEwoDY20xEgAaACIAKgAyADgAQgASBgoBYRIBYhIJCgVlbXB0eRIAGgAiAA==',
    json: { kind: 'ConfigMap', apiVersion: 'v1', metadata: meta('cm1'), data: { a: 'b', empty: '' } },
  },
  {
    command: "kubectl create secret generic s1 --from-literal=user=admin --from-file=blob=<bytes 'bin' 00 ff 01>",
    base64: 'azhzAAoMCgJ2MRIGU2VjcmV0EjUKEgoCczESABoAIgAqADIAOABCABIOCgRibG9iEgZiaW4A/wESDQoEdXNlchIFYWRtaW4aABoAIgA=',
    json: { kind: 'Secret', apiVersion: 'v1', metadata: meta('s1'), data: { blob: 'YmluAP8B', user: 'YWRtaW4=' } },
  },
  {
    command: 'kubectl create namespace ns1',
    base64: 'azhzAAoPCgJ2MRIJTmFtZXNwYWNlEhsKEwoDbnMxEgAaACIAKgAyADgAQgASABoCCgAaACIA',
    json: { kind: 'Namespace', apiVersion: 'v1', metadata: meta('ns1'), spec: {}, status: {} },
  },
  {
    command: 'kubectl create serviceaccount sa1',
    base64: 'azhzAAoUCgJ2MRIOU2VydmljZUFjY291bnQSFQoTCgNzYTESABoAIgAqADIAOABCABoAIgA=',
    json: { kind: 'ServiceAccount', apiVersion: 'v1', metadata: meta('sa1') },
  },
  {
    command: 'kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=8080',
    base64:
      'azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50Er4BCh8KA3dlYhIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViEowBCAMSDAoKCgNhcHASA3dlYhpyChwKABIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViElISNAoFbmdpbngSCm5naW54OjEuMjcqADILCgAQABiQPyIAKgBCAGoAcgCAAQCIAQCQAQCiAQAaADIAQgBKAFIAWABgAGgAggEAigEAmgEAwgEAIgIKACgAOAAaDAgAEAAYACAAKAA4ABoAIgA=',
    json: {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: meta('web', { app: 'web' }),
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: { containers: [{ name: 'nginx', image: 'nginx:1.27', ports: [{ containerPort: 8080 }], resources: {} }] },
        },
        strategy: {},
      },
      status: {},
    },
  },
  {
    command: 'kubectl create service clusterip svc1 --tcp=80:8080 --tcp=443:https',
    base64:
      'azhzAAoNCgJ2MRIHU2VydmljZRKQAQohCgRzdmMxEgAaACIAKgAyADgAQgBaCwoDYXBwEgRzdmMxEmcKGwoHODAtODA4MBIDVENQGFAiBwgAEJA/GgAoAAoiCgk0NDMtaHR0cHMSA1RDUBi7AyILCAEQABoFaHR0cHMoABILCgNhcHASBHN2YzEaACIJQ2x1c3RlcklQOgBCAFIAWgBgAGgAGgIKABoAIgA=',
    json: {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: meta('svc1', { app: 'svc1' }),
      spec: {
        ports: [
          { name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 },
          { name: '443-https', protocol: 'TCP', port: 443, targetPort: 'https' },
        ],
        selector: { app: 'svc1' },
        type: 'ClusterIP',
      },
      status: { loadBalancer: {} },
    },
  },
  {
    command: 'kubectl create service nodeport np1 --tcp=80:8080 --node-port=30080',
    base64:
      'azhzAAoNCgJ2MRIHU2VydmljZRJqCh8KA25wMRIAGgAiACoAMgA4AEIAWgoKA2FwcBIDbnAxEkMKHQoHODAtODA4MBIDVENQGFAiBwgAEJA/GgAogOsBEgoKA2FwcBIDbnAxGgAiCE5vZGVQb3J0OgBCAFIAWgBgAGgAGgIKABoAIgA=',
    json: {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: meta('np1', { app: 'np1' }),
      spec: {
        ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080, nodePort: 30080 }],
        selector: { app: 'np1' },
        type: 'NodePort',
      },
      status: { loadBalancer: {} },
    },
  },
];

describe('protobuf bodies sent by kubectl', () => {
  for (const { command, base64, json } of GOLDEN) {
    const body = Buffer.from(base64, 'base64');

    it(`decodes \`${command}\` to the JSON kubectl would send`, () => {
      const decoded = decodeProtobufObject(body);
      expect(decoded.apiVersion).toBe(json.apiVersion);
      expect(decoded.kind).toBe(json.kind);
      expect(decoded.object).toEqual(json);
    });

    it(`encodes the JSON of \`${command}\` back to kubectl's exact bytes`, () => {
      expect(Buffer.from(encodeProtobufObject(json)).toString('base64')).toBe(base64);
    });
  }
});
