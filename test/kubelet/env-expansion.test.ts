import { afterEach, describe, expect, it } from 'vitest';
import { CONFIGMAPS } from '../../src/client/resources.js';
import type { Frozen } from '../../src/api/types.js';
import type { ConfigMap } from '../../src/api/types/configmap.js';
import { expandVars } from '../../src/kubelet/runtime/env-expansion.js';
import { startKubelet, type KubeletHarness } from './harness.js';

describe('$(VAR) expansion', () => {
  const vars = new Map([
    ['GREETING', 'hello'],
    ['EMPTY', ''],
  ]);
  const expand = (s: string) => expandVars(s, (n) => vars.get(n));

  it('replaces defined variables and leaves unknown ones as written', () => {
    expect(expand('$(GREETING) world')).toBe('hello world');
    expect(expand('[$(EMPTY)]')).toBe('[]');
    expect(expand('$(NOPE) and $(GREETING)')).toBe('$(NOPE) and hello');
  });

  it('treats $$ as an escaped $, and any other $ literally', () => {
    expect(expand('$$(GREETING)')).toBe('$(GREETING)');
    expect(expand('$$$(GREETING)')).toBe('$hello');
    expect(expand('cost: $$5')).toBe('cost: $5');
    expect(expand('$HOME $1 $')).toBe('$HOME $1 $');
    expect(expand('$(GREETING')).toBe('$(GREETING');
    expect(expand('a$')).toBe('a$');
  });
});

let h: KubeletHarness;
afterEach(async () => {
  await h?.close();
});

describe('expansion in a running container', () => {
  it('expands command and args from env, envFrom and fieldRef, as the kubelet does at creation', async () => {
    h = await startKubelet();
    await h.client.create(CONFIGMAPS, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data: { COLOR: 'blue' } } as Frozen<ConfigMap>);
    await h.run('expand', {
      restartPolicy: 'Never',
      containers: [
        {
          name: 'c',
          image: 'busybox',
          command: ['echo', '$(MESSAGE)'],
          args: ['$(CFG_COLOR)', '$(POD)', '$(MISSING)', '$$(MESSAGE)'],
          envFrom: [{ prefix: 'CFG_', configMapRef: { name: 'cfg' } }],
          env: [
            { name: 'WHO', value: 'kubesim' },
            { name: 'MESSAGE', value: 'hi-$(WHO)' },
            { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
          ],
        },
      ],
    });
    await h.until(async () => (await h.pod('expand'))?.status?.phase === 'Succeeded', 'Succeeded');
    expect(h.agent.logs.read('default', 'expand', 'c', { previous: false })).toBe('hi-kubesim blue expand $(MISSING) $(MESSAGE)\n');
  });
});
