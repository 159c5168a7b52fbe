import { afterEach, describe, expect, it } from 'vitest';
import type { Frozen } from '../../src/api/types.js';
import type { ConfigMap } from '../../src/api/types/configmap.js';
import { CONFIGMAPS } from '../../src/client/resources.js';
import { startKubelet, type KubeletHarness } from './harness.js';

let h: KubeletHarness;
afterEach(async () => {
  await h?.close();
});

const configMap = (msg: string): Frozen<ConfigMap> => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { msg } }) as Frozen<ConfigMap>;

describe('ConfigMap volumes in running containers', () => {
  it('shows a changed ConfigMap at the next periodic sync, but not through a subPath mount', async () => {
    h = await startKubelet({ profile: { volumeSyncMs: 10_000 } });
    await h.client.create(CONFIGMAPS, configMap('v1'));
    await h.run('reader', {
      volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }],
      containers: [
        {
          name: 'c',
          image: 'busybox',
          command: ['sh', '-c', 'while true; do cat /etc/cfg/msg /etc/pinned; sleep 1; done'],
          volumeMounts: [
            { name: 'cfg', mountPath: '/etc/cfg' },
            { name: 'cfg', mountPath: '/etc/pinned', subPath: 'msg' },
          ],
        },
      ],
    });
    await h.until(async () => (await h.pod('reader'))?.status?.phase === 'Running', 'Running');
    const current = await h.client.get(CONFIGMAPS, 'default', 'cfg');
    await h.client.update(CONFIGMAPS, { ...current, data: { msg: 'v2' } });
    await h.clock.advance(11_000);
    const lines = h.agent.logs.read('default', 'reader', 'c', { previous: false })!.split('\n');
    expect(lines.slice(0, 2)).toEqual(['v1', 'v1']);
    expect(lines.slice(-3, -1)).toEqual(['v2', 'v1']);
  });

  it('keeps what was mounted when the ConfigMap is deleted', async () => {
    h = await startKubelet({ profile: { volumeSyncMs: 10_000 } });
    await h.client.create(CONFIGMAPS, configMap('kept'));
    await h.run('keeper', {
      volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }],
      containers: [{ name: 'c', image: 'nginx', volumeMounts: [{ name: 'cfg', mountPath: '/etc/cfg' }], readinessProbe: { exec: { command: ['grep', 'kept', '/etc/cfg/msg'] }, periodSeconds: 1 } }],
    });
    await h.until(async () => (await h.pod('keeper'))?.status?.containerStatuses?.[0]?.ready === true, 'ready');
    await h.client.delete(CONFIGMAPS, 'default', 'cfg');
    await h.clock.advance(12_000);
    expect((await h.pod('keeper'))!.status!.containerStatuses![0].ready).toBe(true);
  });
});
