// The Python `kubernetes` client (Debian's python3-kubernetes) against kubesim.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PYTHON, startTestCluster, type TestCluster } from './harness.js';

let t: TestCluster;
let checks: Record<string, unknown>;

beforeAll(async () => {
  t = await startTestCluster();
  const r = await t.run(PYTHON, [join(import.meta.dirname, 'python', 'crud.py'), t.kubeconfig, 'py-crud']);
  if (r.code !== 0) throw new Error(`python client failed (${r.code}):\n${r.stderr}\n${r.stdout}`);
  checks = Object.fromEntries(
    r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { check: string; value: unknown })
      .map((c) => [c.check, c.value]),
  );
}, 60_000);
afterAll(async () => {
  await t.stop();
});

describe('Python kubernetes client', () => {
  it('creates, reads, replaces, patches and lists pods', () => {
    expect(checks['pod.created']).toEqual({ name: 'web', uid: true, phase: 'Pending' });
    expect(checks['pod.replaced.labels']).toEqual({ app: 'web', tier: 'front' });
    expect(checks['pod.patched.annotations']).toEqual({ note: 'hi' });
    expect(checks['pod.list']).toEqual(['web']);
  });

  it('raises ApiException with 404, 409 and 422', () => {
    expect(checks['error.404']).toBe(404);
    expect(checks['error.409.exists']).toBe(409);
    expect(checks['error.409.stale']).toBe(409);
    expect(checks['error.422']).toBe(422);
  });

  it('manages services', () => {
    expect(checks['service.read']).toEqual({ port: 80, targetPort: 8080 });
    expect(checks['service.list']).toEqual(['web']);
    expect(checks['service.deleted']).toBe(404);
  });

  it('manages deployments through the main resource and the scale subresource', () => {
    expect(checks['deployment.created.generation']).toBe(1);
    expect(checks['deployment.scaled']).toBe(4);
    expect(checks['deployment.generation.after.scale']).toBe(2);
    expect(checks['deployment.deleted']).toBe(404);
  });

  it('watches from a resourceVersion and sees the deletion', () => {
    expect(checks['watch.events']).toEqual([['DELETED', 'web']]);
  });
});
