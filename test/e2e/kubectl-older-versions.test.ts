// Older kubectl releases against kubesim. kubectl 1.27 and 1.28 read /openapi/v2 in protocol
// buffers only (for apply's patches, client-side validation, explain and the field-validation
// check); without it, `kubectl apply` failed with "the server could not find the requested
// resource". The binaries are on every machine this project builds on.
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCluster, type TestCluster } from './harness.js';

const OLDER = ['1.27', '1.28'].map((v) => ({ version: v, kubectl: `/usr/lib/google-cloud-sdk/bin/kubectl.${v}` }));

let t: TestCluster;
beforeAll(async () => {
  for (const { kubectl } of OLDER) if (!existsSync(kubectl)) throw new Error(`${kubectl} is missing: these tests need it`);
  t = await startTestCluster();
});
afterAll(async () => {
  await t.stop();
});

const manifest = (name: string, image: string, extraSpec = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: 2
${extraSpec}  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: web
        image: ${image}
`;

describe.each(OLDER)('kubectl $version', ({ version, kubectl }) => {
  const run = (args: string[], input?: string) => t.run(kubectl, args, input);
  const name = `web-${version.replace('.', '-')}`;

  it('applies a deployment, reports the same apply unchanged, and applies a change as a patch', async () => {
    const created = await run(['apply', '-f', '-'], manifest(name, 'nginx:1.27'));
    expect(created.stderr).toBe('');
    expect(created.stdout).toBe(`deployment.apps/${name} created\n`);
    const again = await run(['apply', '-f', '-'], manifest(name, 'nginx:1.27'));
    expect(again.stdout).toBe(`deployment.apps/${name} unchanged\n`);
    const changed = await run(['apply', '-f', '-'], manifest(name, 'nginx:1.28'));
    expect(changed.stdout).toBe(`deployment.apps/${name} configured\n`);
    const image = await run(['get', 'deployment', name, '-o', 'jsonpath={.spec.template.spec.containers[0].image}']);
    expect(image.stdout).toBe('nginx:1.28');
  });

  it('refuses an unknown field in an apply, as its default strict validation asks', async () => {
    const r = await run(['apply', '-f', '-'], manifest(`${name}-bad`, 'nginx:1.27', '  bogus: 1\n'));
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/unknown field "spec\.bogus"/);
    const missing = await run(['get', 'deployment', `${name}-bad`]);
    expect(missing.stderr).toMatch(/NotFound/);
  });

  it('explains a field', async () => {
    const r = await run(['explain', 'deployment.spec.replicas']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/KIND:\s+Deployment/);
    expect(r.stdout).toMatch(/replicas\s+<integer>/);
  });
});
