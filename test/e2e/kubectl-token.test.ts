// `kubectl create token` (serviceaccounts/token, the TokenRequest API) against kubesim: a JWT
// with the claims kube-apiserver issues, validated as it validates the request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PYTHON, startTestCluster, type TestCluster } from './harness.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster({ nodes: 1 });
});
afterAll(async () => {
  await t.stop();
});

/** The claims of a JWT (its middle part). */
const claimsOf = (jwt: string): Record<string, unknown> => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));

describe('kubectl create token', () => {
  it("issues a token for the service account, for the API server's audience, for an hour", async () => {
    const r = await t.kubectl(['create', 'token', 'default']);
    expect(r.stderr).toBe('');
    const token = r.stdout.trim();
    expect(token.split('.')).toHaveLength(3);
    const claims = claimsOf(token);
    const uid = (await t.kubectl(['get', 'serviceaccount', 'default', '-o', 'jsonpath={.metadata.uid}'])).stdout;
    expect(claims).toMatchObject({
      sub: 'system:serviceaccount:default:default',
      aud: ['https://kubernetes.default.svc.cluster.local'],
      iss: 'https://kubernetes.default.svc.cluster.local',
      'kubernetes.io': { namespace: 'default', serviceaccount: { name: 'default', uid } },
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
    // The token is a bearer token kubectl can use (kubesim checks none).
    const withToken = await t.kubectl(['--token', token, 'get', 'namespace', 'default', '-o', 'name']);
    expect(withToken.stdout).toBe('namespace/default\n');
  });

  it('takes an audience, a duration and a pod to bind to', async () => {
    await t.kubectl(['create', 'serviceaccount', 'robot']);
    await t.kubectl(['run', 'holder', '--image=nginx:1.27']);
    const r = await t.kubectl(['create', 'token', 'robot', '--audience=vault', '--duration=20m', '--bound-object-kind=Pod', '--bound-object-name=holder']);
    expect(r.stderr).toBe('');
    const claims = claimsOf(r.stdout.trim());
    const podUid = (await t.kubectl(['get', 'pod', 'holder', '-o', 'jsonpath={.metadata.uid}'])).stdout;
    expect(claims.aud).toEqual(['vault']);
    expect((claims.exp as number) - (claims.iat as number)).toBe(1200);
    expect(claims['kubernetes.io']).toMatchObject({ namespace: 'default', serviceaccount: { name: 'robot' }, pod: { name: 'holder', uid: podUid } });
  });

  it('refuses what kube-apiserver refuses', async () => {
    const short = await t.kubectl(['create', 'token', 'default', '--duration=5m']);
    expect(short.stderr).toBe(
      'error: failed to create token: TokenRequest.authentication.k8s.io "default" is invalid: spec.expirationSeconds: Invalid value: 300: may not specify a duration less than 10 minutes\n',
    );
    const missing = await t.kubectl(['create', 'token', 'nobody']);
    expect(missing.stderr).toBe('error: failed to create token: serviceaccounts "nobody" not found\n');
    const unbound = await t.kubectl(['create', 'token', 'default', '--bound-object-kind=Pod', '--bound-object-name=ghost']);
    expect(unbound.stderr).toBe('error: failed to create token: pods "ghost" not found\n');
  });

  it('the Python client gets a token the same way', async () => {
    const script = `
import sys
from kubernetes import client, config
config.load_kube_config(sys.argv[1])
request = client.AuthenticationV1TokenRequest(spec=client.V1TokenRequestSpec(audiences=["api"], expiration_seconds=900))
answer = client.CoreV1Api().create_namespaced_service_account_token("default", "default", request)
print(answer.spec.expiration_seconds, answer.status.token.count("."), answer.status.expiration_timestamp is not None)
`;
    const r = await t.run(PYTHON, ['-c', script, t.kubeconfig]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('900 2 True\n');
  });
});
