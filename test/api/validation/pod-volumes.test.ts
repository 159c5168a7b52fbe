import { describe, expect, it } from 'vitest';
import { validatePod } from '../../../src/api/validation/pod.js';
import { makePod, texts } from './pod-fixtures.js';

const errorsFor = (edit: Parameters<typeof makePod>[0]): string[] => texts(validatePod(makePod(edit)));

describe('volumes', () => {
  it('accepts common sources', () => {
    expect(
      errorsFor((p) => {
        p.spec.volumes = [
          { name: 'scratch', emptyDir: {} },
          { name: 'cfg', configMap: { name: 'app-config' } },
          { name: 'creds', secret: { secretName: 'app-secret' } },
          { name: 'data', persistentVolumeClaim: { claimName: 'data' } },
        ];
        p.spec.containers[0].volumeMounts = [{ name: 'cfg', mountPath: '/etc/app' }];
      }),
    ).toEqual([]);
  });

  it('wants unique DNS-1123 label names', () => {
    const out = errorsFor((p) => (p.spec.volumes = [{ name: 'a', emptyDir: {} }, { name: 'a', emptyDir: {} }]));
    expect(out).toEqual(['spec.volumes[1].name: Duplicate value: "a"']);
  });

  it('allows one source per volume', () => {
    const out = errorsFor((p) => (p.spec.volumes = [{ name: 'x', emptyDir: {}, secret: { secretName: 's' } }]));
    expect(out).toEqual(['spec.volumes[0].secret: Forbidden: may not specify more than 1 volume type']);
  });

  it('reports missing required source fields and bad modes', () => {
    const out = errorsFor((p) => (p.spec.volumes = [{ name: 'x', secret: { defaultMode: 0o1000 } }, { name: 'y', hostPath: { path: '/a/../b' } }]));
    expect(out).toEqual([
      'spec.volumes[0].secret.secretName: Required value',
      'spec.volumes[0].secret.defaultMode: Invalid value: 512: must be a number between 0 and 0777 (octal), both inclusive',
      'spec.volumes[1].hostPath.path: Invalid value: "/a/../b": must not contain \'..\'',
    ]);
  });

  it('mounts must name an existing volume and have a unique mountPath', () => {
    const out = errorsFor((p) => {
      p.spec.volumes = [{ name: 'data', emptyDir: {} }];
      p.spec.containers[0].volumeMounts = [
        { name: 'missing', mountPath: '/data' },
        { name: 'data', mountPath: '/data' },
        { name: 'data', mountPath: '' },
      ];
    });
    expect(out).toEqual([
      'spec.containers[0].volumeMounts[0].name: Not found: "missing"',
      'spec.containers[0].volumeMounts[1].mountPath: Invalid value: "/data": must be unique',
      'spec.containers[0].volumeMounts[2].mountPath: Required value',
    ]);
  });

  it('an invalid volume is not mountable either', () => {
    const out = errorsFor((p) => {
      p.spec.volumes = [{ name: 'cfg', configMap: {} }];
      p.spec.containers[0].volumeMounts = [{ name: 'cfg', mountPath: '/c' }];
    });
    expect(out).toEqual(['spec.volumes[0].configMap.name: Required value', 'spec.containers[0].volumeMounts[0].name: Not found: "cfg"']);
  });

  it('a projected service account token needs a service account name', () => {
    const pod = makePod((p) => (p.spec.volumes = [{ name: 't', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } }]));
    delete pod.spec.serviceAccountName;
    expect(texts(validatePod(pod))).toEqual([
      'spec.volumes[0].projected.sources[0].serviceAccountToken: Forbidden: must not be specified when serviceAccountName is not set',
    ]);
  });
});
