// The questions clients ask the API server about themselves: may I do this (`kubectl auth
// can-i`), what may I do here (`can-i --list`), who am I (`kubectl auth whoami`). Nothing is
// stored; each create comes back answered.
//
// kubesim authenticates no one and authorizes everything, as kube-apiserver does with anonymous
// requests allowed and --authorization-mode=AlwaysAllow: every action is allowed (with no
// reason given), the rules are "*" on everything, and the user is system:anonymous.
// Kubernetes twin: pkg/registry/authorization/selfsubjectaccessreview and
// selfsubjectrulesreview (rest.go), pkg/registry/authentication/selfsubjectreview,
// k8s.io/apiserver/pkg/authorization/authorizerfactory (alwaysAllowAuthorizer) and
// pkg/apis/authorization/validation.
import * as errors from '../errors.js';
import { invalid, type FieldError } from '../field-errors.js';
import type { Obj } from './definition.js';
import { defineResource } from './definition.js';

interface AccessReviewSpec {
  resourceAttributes?: object | null;
  nonResourceAttributes?: object | null;
}

const specOf = (obj: Obj): AccessReviewSpec => ((obj as { spec?: AccessReviewSpec }).spec ?? {});

function validateAccessReview(obj: Obj): FieldError[] {
  const spec = specOf(obj);
  const hasResource = spec.resourceAttributes !== undefined && spec.resourceAttributes !== null;
  const hasNonResource = spec.nonResourceAttributes !== undefined && spec.nonResourceAttributes !== null;
  if (hasResource && hasNonResource) return [invalid('spec.nonResourceAttributes', spec.nonResourceAttributes, 'cannot be specified in combination with resourceAttributes')];
  if (!hasResource && !hasNonResource) return [invalid('spec.resourceAttributes', null, 'exactly one of nonResourceAttributes or resourceAttributes must be specified')];
  return [];
}

export const selfSubjectAccessReviews = defineResource({
  group: 'authorization.k8s.io',
  version: 'v1',
  resource: 'selfsubjectaccessreviews',
  kind: 'SelfSubjectAccessReview',
  namespaced: false,
  verbs: ['create'],
  strategy: { validate: validateAccessReview },
  review: () => ({ allowed: true }),
});

export const selfSubjectRulesReviews = defineResource({
  group: 'authorization.k8s.io',
  version: 'v1',
  resource: 'selfsubjectrulesreviews',
  kind: 'SelfSubjectRulesReview',
  namespaced: false,
  verbs: ['create'],
  review: (obj) => {
    if (!(obj as { spec?: { namespace?: string } }).spec?.namespace) throw errors.badRequest('no namespace on request');
    return {
      resourceRules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
      nonResourceRules: [{ verbs: ['*'], nonResourceURLs: ['*'] }],
      incomplete: false,
    };
  },
});

export const selfSubjectReviews = defineResource({
  group: 'authentication.k8s.io',
  version: 'v1',
  resource: 'selfsubjectreviews',
  kind: 'SelfSubjectReview',
  namespaced: false,
  verbs: ['create'],
  review: () => ({ userInfo: { username: 'system:anonymous', groups: ['system:unauthenticated'] } }),
});

export const accessReviewResources = [selfSubjectAccessReviews, selfSubjectRulesReviews, selfSubjectReviews];
