// `kubectl auth can-i` and `kubectl auth whoami` against kubesim, which authorizes everything and
// authenticates no one (as kube-apiserver with --authorization-mode=AlwaysAllow and anonymous
// requests): the reviews come back answered, and nothing is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PYTHON, startTestCluster, type TestCluster } from './harness.js';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(async () => {
  await t.stop();
});

describe('kubectl auth', () => {
  it('can-i answers yes for resources, subresources and non-resource paths', async () => {
    for (const args of [['create', 'pods'], ['delete', 'nodes', '--all-namespaces'], ['get', 'pods', '--subresource=log'], ['get', '/healthz']]) {
      const r = await t.kubectl(['auth', 'can-i', ...args]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toBe('yes\n');
      expect(r.code).toBe(0);
    }
  });

  it('can-i --list shows every verb on everything', async () => {
    const r = await t.kubectl(['auth', 'can-i', '--list', '-n', 'default']);
    expect(r.stderr).toBe('');
    const rows = r.stdout.trim().split('\n').map((l) => l.trim().split(/\s{2,}/));
    expect(rows[0]).toEqual(['Resources', 'Non-Resource URLs', 'Resource Names', 'Verbs']);
    expect(rows).toContainEqual(['*.*', '[]', '[]', '[*]']);
    expect(rows).toContainEqual(['[*]', '[]', '[*]']);
  });

  it('whoami names the anonymous user', async () => {
    const r = await t.kubectl(['auth', 'whoami', '-o', 'json']);
    expect(r.stderr).toBe('');
    const review = JSON.parse(r.stdout);
    expect(review.kind).toBe('SelfSubjectReview');
    expect(review.status.userInfo).toEqual({ username: 'system:anonymous', groups: ['system:unauthenticated'] });
  });

  it('refuses a review that asks about nothing (422) and lists no reviews: they are not stored', async () => {
    const empty = JSON.stringify({ apiVersion: 'authorization.k8s.io/v1', kind: 'SelfSubjectAccessReview', spec: {} });
    // --raw: kubectl's own validation of a kind with no PATCH route would look for CRDs, which kubesim does not serve.
    const r = await t.kubectl(['create', '--raw', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', '-f', '-'], empty);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('The SelfSubjectAccessReview "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified');
    const list = await t.kubectl(['get', 'selfsubjectaccessreviews']);
    expect(list.code).not.toBe(0);
  });

  it('the Python client asks the same question and gets allowed back', async () => {
    const script = `
import sys
from kubernetes import client, config
config.load_kube_config(sys.argv[1])
review = client.V1SelfSubjectAccessReview(spec=client.V1SelfSubjectAccessReviewSpec(
    resource_attributes=client.V1ResourceAttributes(verb="list", resource="secrets", namespace="kube-system")))
answer = client.AuthorizationV1Api().create_self_subject_access_review(review)
print(answer.status.allowed, answer.spec.resource_attributes.resource)
`;
    const r = await t.run(PYTHON, ['-c', script, t.kubeconfig]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('True secrets\n');
  });
});
