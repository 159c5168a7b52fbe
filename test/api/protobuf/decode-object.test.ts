// Hand-built protobuf bodies, written field by field with the numbers of generated.proto, the way
// gogo marshals them (plain fields always present, even when zero).
import { describe, expect, it } from 'vitest';
import { StatusError } from '../../../src/api/errors.js';
import { decodeProtobufObject } from '../../../src/api/protobuf/protobuf-object.js';
import { WireWriter } from '../../../src/api/protobuf/wire-writer.js';

type Build = (w: WireWriter) => void;

/** "k8s\0" + runtime.Unknown {typeMeta{apiVersion=1, kind=2}=1, raw=2, contentEncoding=3, contentType=4}. */
function envelope(apiVersion: string, kind: string, build: Build): Uint8Array {
  return new WireWriter()
    .raw(Uint8Array.of(0x6b, 0x38, 0x73, 0x00))
    .messageField(1, (t) => t.stringField(1, apiVersion).stringField(2, kind))
    .messageField(2, build)
    .stringField(3, '')
    .stringField(4, '')
    .finish();
}

/** ObjectMeta as gogo writes it: every plain field, creationTimestamp as an empty Time. */
const objectMeta = (name: string, labels: Record<string, string> = {}): Build => (m) => {
  m.stringField(1, name).stringField(2, '').stringField(3, '').stringField(4, '').stringField(5, '').stringField(6, '');
  m.varintField(7, 0).messageField(8, () => {});
  for (const [k, v] of Object.entries(labels).sort()) m.stringMapEntry(11, k, v);
};
const quantity = (n: number, value: string): Build => (w) => { w.messageField(n, (q) => q.stringField(1, value)); };
const intOrString = (n: number, value: number | string): Build => (w) => {
  w.messageField(n, (v) => (typeof value === 'number' ? v.varintField(1, 0).varintField(2, value).stringField(3, '') : v.varintField(1, 1).varintField(2, 0).stringField(3, value)));
};

function statusOf(body: Uint8Array): { code: number; message: string } {
  try {
    decodeProtobufObject(body);
  } catch (e) {
    if (e instanceof StatusError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('expected a StatusError');
}

const container: Build = (c) => {
  c.stringField(1, 'app').stringField(2, 'nginx:1.27').stringField(5, '');
  c.messageField(6, (p) => p.stringField(1, 'http').varintField(2, 0).varintField(3, 8080).stringField(4, 'TCP').stringField(5, ''));
  c.messageField(7, (e) => e.stringField(1, 'MODE').stringField(2, 'prod'));
  c.messageField(7, (e) => e.stringField(1, 'POD_IP').stringField(2, '').messageField(3, (s) => s.messageField(1, (f) => f.stringField(1, 'v1').stringField(2, 'status.podIP'))));
  c.messageField(8, (r) => {
    r.messageField(1, (e) => { e.stringField(1, 'cpu'); quantity(2, '500m')(e); });
    r.messageField(1, (e) => { e.stringField(1, 'memory'); quantity(2, '128Mi')(e); });
    r.messageField(2, (e) => { e.stringField(1, 'cpu'); quantity(2, '250m')(e); });
  });
  c.messageField(10, (p) => {
    p.messageField(1, (h) => h.messageField(2, (g) => { g.stringField(1, '/healthz'); intOrString(2, 8080)(g); g.stringField(3, '').stringField(4, 'HTTP'); }));
    p.varintField(2, 5).varintField(3, 0).varintField(4, 10).varintField(5, 0).varintField(6, 3);
  });
  c.messageField(11, (p) => {
    p.messageField(1, (h) => h.messageField(3, (t) => { intOrString(1, 'http')(t); t.stringField(2, ''); }));
    p.varintField(2, 0).varintField(3, 0).varintField(4, 0).varintField(5, 0).varintField(6, 0);
  });
  c.stringField(13, '').stringField(14, 'IfNotPresent').varintField(16, false).varintField(17, false).varintField(18, false);
};

describe('decodeProtobufObject', () => {
  it('decodes a Deployment with a full pod template', () => {
    const body = envelope('apps/v1', 'Deployment', (d) => {
      d.messageField(1, objectMeta('web', { app: 'web' }));
      d.messageField(2, (s) => {
        s.varintField(1, 0); // *int32 replicas = 0: a pointer, so the zero survives
        s.messageField(2, (sel) => sel.stringMapEntry(1, 'app', 'web'));
        s.messageField(3, (t) => {
          t.messageField(1, objectMeta('', { app: 'web' }));
          t.messageField(2, (p) => {
            p.messageField(2, container);
            p.stringField(3, 'Always').varintField(4, 30).stringField(6, '').varintField(11, false);
          });
        });
        s.messageField(4, (st) => st.stringField(1, 'RollingUpdate').messageField(2, (r) => { intOrString(1, 0)(r); intOrString(2, '25%')(r); }));
        s.varintField(5, 0).varintField(7, false);
      });
      d.messageField(3, (st) => st.varintField(1, 0).varintField(2, 0));
    });
    const { object } = decodeProtobufObject(body);
    expect(object).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', creationTimestamp: null, labels: { app: 'web' } },
      spec: {
        replicas: 0,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { creationTimestamp: null, labels: { app: 'web' } },
          spec: {
            containers: [
              {
                name: 'app',
                image: 'nginx:1.27',
                ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }],
                env: [
                  { name: 'MODE', value: 'prod' },
                  { name: 'POD_IP', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'status.podIP' } } },
                ],
                resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '250m' } },
                livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 5, periodSeconds: 10, failureThreshold: 3 },
                readinessProbe: { tcpSocket: { port: 'http' } },
                imagePullPolicy: 'IfNotPresent',
              },
            ],
            restartPolicy: 'Always',
            terminationGracePeriodSeconds: 30,
          },
        },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' } },
      },
      status: {},
    });
  });

  it('decodes Secret bytes to base64 and keeps stringData and type', () => {
    const body = envelope('v1', 'Secret', (s) => {
      s.messageField(1, objectMeta('tls'));
      s.messageField(2, (e) => e.stringField(1, 'key').bytesField(2, Uint8Array.of(0x00, 0xff, 0x10, 0x80)));
      s.stringField(3, 'Opaque');
      s.messageField(4, (e) => e.stringField(1, 'plain').stringField(2, 'text'));
      s.varintField(5, true);
    });
    expect(decodeProtobufObject(body).object).toEqual({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'tls', creationTimestamp: null },
      data: { key: 'AP8QgA==' },
      stringData: { plain: 'text' },
      type: 'Opaque',
      immutable: true,
    });
  });

  it('decodes ConfigMap binaryData and keeps a "__proto__" key as data', () => {
    const body = envelope('v1', 'ConfigMap', (c) => {
      c.messageField(1, objectMeta('cm'));
      c.stringMapEntry(2, '__proto__', 'x');
      c.messageField(3, (e) => e.stringField(1, 'bin').bytesField(2, Uint8Array.of(1, 2, 3)));
    });
    const { object } = decodeProtobufObject(body);
    expect(object.binaryData).toEqual({ bin: 'AQID' });
    expect(Object.getOwnPropertyDescriptor(object.data, '__proto__')?.value).toBe('x');
    expect(Object.getPrototypeOf(object.data)).toBe(Object.prototype);
  });

  it('decodes a Namespace with timestamps and finalizers', () => {
    const seconds = Date.UTC(2026, 10, 25, 10, 30, 2) / 1000;
    const body = envelope('v1', 'Namespace', (n) => {
      n.messageField(1, (m) => { objectMeta('team-a')(m); m.messageField(9, (t) => t.varintField(1, seconds).varintField(2, 5)); m.varintField(10, 0); });
      n.messageField(2, (s) => s.stringField(1, 'kubernetes'));
      n.messageField(3, (s) => s.stringField(1, 'Active'));
    });
    expect(decodeProtobufObject(body).object).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a', creationTimestamp: null, deletionTimestamp: '2026-11-25T10:30:02Z', deletionGracePeriodSeconds: 0 },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });

  it('decodes DeleteOptions under any group version, with pointer zeros kept', () => {
    for (const apiVersion of ['v1', 'apps/v1', 'meta.k8s.io/v1']) {
      const body = envelope(apiVersion, 'DeleteOptions', (d) => {
        d.varintField(1, 0);
        d.messageField(2, (p) => p.stringField(1, 'd2f6d2c4-0000-4000-8000-000000000001').stringField(2, '42'));
        d.stringField(4, 'Foreground');
        d.stringField(5, 'All');
      });
      expect(decodeProtobufObject(body)).toEqual({
        apiVersion,
        kind: 'DeleteOptions',
        object: {
          apiVersion,
          kind: 'DeleteOptions',
          gracePeriodSeconds: 0,
          preconditions: { uid: 'd2f6d2c4-0000-4000-8000-000000000001', resourceVersion: '42' },
          propagationPolicy: 'Foreground',
          dryRun: ['All'],
        },
      });
    }
  });

  it('decodes a Binding from a scheduler', () => {
    const body = envelope('v1', 'Binding', (b) => {
      b.messageField(1, (m) => { objectMeta('pod-1')(m); m.stringField(5, 'uid-1'); });
      b.messageField(2, (t) => t.stringField(1, 'Node').stringField(2, '').stringField(3, 'node-a').stringField(4, '').stringField(5, '').stringField(6, '').stringField(7, ''));
    });
    expect(decodeProtobufObject(body).object).toEqual({
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name: 'pod-1', uid: 'uid-1', creationTimestamp: null },
      target: { kind: 'Node', name: 'node-a' },
    });
  });

  it('skips fields it does not know, of every wire type', () => {
    const body = envelope('v1', 'ConfigMap', (c) => {
      c.messageField(1, objectMeta('cm'));
      c.varintField(90, 7).stringField(91, 'future').fixed64Field(92, 1.5).key(93, 5).raw(Uint8Array.of(1, 2, 3, 4));
    });
    expect(decodeProtobufObject(body).object).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', creationTimestamp: null } });
  });

  it('answers 400 BadRequest for bodies it cannot read', () => {
    expect(statusOf(new TextEncoder().encode('{"kind":"Pod"}'))).toMatchObject({ code: 400, message: expect.stringContaining('k8s') });
    const good = envelope('v1', 'ConfigMap', objectMeta('cm'));
    expect(statusOf(good.subarray(0, good.length - 6))).toMatchObject({ code: 400, message: expect.stringContaining('unable to decode protobuf body') });
    expect(statusOf(envelope('v1', 'Widget', () => {}))).toEqual({ code: 400, message: 'no kind "Widget" is registered for version "v1" in protobuf bodies' });
    expect(statusOf(envelope('v1', '', () => {}))).toMatchObject({ code: 400 });
    const wrongWireType = envelope('v1', 'ConfigMap', (c) => c.varintField(1, 3));
    expect(statusOf(wrongWireType)).toEqual({ code: 400, message: 'unable to decode protobuf body: field ConfigMap.metadata has wire type 0, expected 2' });
  });
});
