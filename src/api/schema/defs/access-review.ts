// Schema declarations: SelfSubjectAccessReview and SelfSubjectRulesReview (authorization.k8s.io/v1)
// and SelfSubjectReview (authentication.k8s.io/v1), the questions `kubectl auth can-i` and
// `kubectl auth whoami` ask. Kubernetes twin: staging/src/k8s.io/api/authorization/v1/types.go
// and authentication/v1/types.go, v1.32; field names and types follow the Go structs.
import { object, field, str, bool, ref, list, mapOf, kind, atomic, type TypeDecl } from '../dsl.js';
import { AUTHENTICATION, AUTHORIZATION, objectMeta } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION } from '../type-meta.js';

const typeMeta = {
  apiVersion: field(str, API_VERSION_DESCRIPTION),
  kind: field(str, KIND_DESCRIPTION),
  metadata: field(objectMeta, 'Standard object metadata.'),
};

export const accessReviewTypes: readonly TypeDecl[] = [
  object(AUTHORIZATION + 'SelfSubjectAccessReview', 'Whether the user asking may perform an action.', {
    ...typeMeta,
    spec: field(ref(AUTHORIZATION + 'SelfSubjectAccessReviewSpec'), 'The action asked about.'),
    status: field(ref(AUTHORIZATION + 'SubjectAccessReviewStatus'), 'The answer, filled in by the server.'),
  }, { required: ['spec'], gvk: kind('authorization.k8s.io', 'v1', 'SelfSubjectAccessReview') }),
  object(AUTHORIZATION + 'SelfSubjectAccessReviewSpec', 'An action on a resource or on a non-resource path: exactly one.', {
    nonResourceAttributes: ref(AUTHORIZATION + 'NonResourceAttributes'),
    resourceAttributes: ref(AUTHORIZATION + 'ResourceAttributes'),
  }),
  object(AUTHORIZATION + 'ResourceAttributes', 'An action on resources: "*" means all, "" means any name.', {
    group: str,
    name: str,
    namespace: str,
    resource: str,
    subresource: str,
    verb: str,
    version: str,
  }),
  object(AUTHORIZATION + 'NonResourceAttributes', 'An action on a path that is not a resource, such as /healthz.', {
    path: str,
    verb: str,
  }),
  object(AUTHORIZATION + 'SubjectAccessReviewStatus', 'Whether the action is allowed, and why.', {
    allowed: bool,
    denied: bool,
    evaluationError: str,
    reason: str,
  }, { required: ['allowed'] }),
  object(AUTHORIZATION + 'SelfSubjectRulesReview', 'Everything the user asking may do in a namespace.', {
    ...typeMeta,
    spec: field(ref(AUTHORIZATION + 'SelfSubjectRulesReviewSpec'), 'The namespace asked about.'),
    status: field(ref(AUTHORIZATION + 'SubjectRulesReviewStatus'), 'The rules, filled in by the server.'),
  }, { required: ['spec'], gvk: kind('authorization.k8s.io', 'v1', 'SelfSubjectRulesReview') }),
  object(AUTHORIZATION + 'SelfSubjectRulesReviewSpec', 'The namespace to list rules for.', { namespace: str }),
  object(AUTHORIZATION + 'SubjectRulesReviewStatus', 'The rules that apply; possibly incomplete.', {
    evaluationError: str,
    incomplete: bool,
    nonResourceRules: field(list(ref(AUTHORIZATION + 'NonResourceRule')), undefined, atomic),
    resourceRules: field(list(ref(AUTHORIZATION + 'ResourceRule')), undefined, atomic),
  }, { required: ['resourceRules', 'nonResourceRules', 'incomplete'] }),
  object(AUTHORIZATION + 'ResourceRule', 'Verbs allowed on resources of API groups ("*" means all).', {
    apiGroups: field(list(str), undefined, atomic),
    resourceNames: field(list(str), undefined, atomic),
    resources: field(list(str), undefined, atomic),
    verbs: field(list(str), undefined, atomic),
  }, { required: ['verbs'] }),
  object(AUTHORIZATION + 'NonResourceRule', 'Verbs allowed on paths that are not resources.', {
    nonResourceURLs: field(list(str), undefined, atomic),
    verbs: field(list(str), undefined, atomic),
  }, { required: ['verbs'] }),
  object(AUTHENTICATION + 'SelfSubjectReview', 'Who the server takes the user asking to be.', {
    ...typeMeta,
    status: field(ref(AUTHENTICATION + 'SelfSubjectReviewStatus'), 'The user, filled in by the server.'),
  }, { gvk: kind('authentication.k8s.io', 'v1', 'SelfSubjectReview') }),
  object(AUTHENTICATION + 'SelfSubjectReviewStatus', 'The user the request was authenticated as.', {
    userInfo: ref(AUTHENTICATION + 'UserInfo'),
  }),
  object(AUTHENTICATION + 'UserInfo', 'A user: name, uid and groups.', {
    extra: mapOf(list(str)),
    groups: field(list(str), undefined, atomic),
    uid: str,
    username: str,
  }),
];
