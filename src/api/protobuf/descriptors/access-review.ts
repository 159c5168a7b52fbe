// Kubernetes twin: staging/src/k8s.io/api/authorization/v1/generated.proto and
// authentication/v1/generated.proto (the self reviews kubectl auth sends, and TokenRequest).
// Numbers, names and pointer-ness (gogoproto.nullable) as compiled into kubectl v1.33; `!` from types.go JSON tags.
// Notation: ../message-spec.ts.
import type { MessageSpecs } from '../message-spec.js';

export const accessReviewMessages: MessageSpecs = {
  SelfSubjectAccessReview: ['metadata=1:ObjectMeta', 'spec=2:SelfSubjectAccessReviewSpec', 'status=3:SubjectAccessReviewStatus'],
  SelfSubjectAccessReviewSpec: ['resourceAttributes=1:*ResourceAttributes', 'nonResourceAttributes=2:*NonResourceAttributes'],
  ResourceAttributes: [
    'namespace=1:string', 'verb=2:string', 'group=3:string', 'version=4:string', 'resource=5:string', 'subresource=6:string', 'name=7:string',
  ],
  NonResourceAttributes: ['path=1:string', 'verb=2:string'],
  SubjectAccessReviewStatus: ['allowed=1:bool!', 'reason=2:string', 'evaluationError=3:string', 'denied=4:bool'],
  SelfSubjectRulesReview: ['metadata=1:ObjectMeta', 'spec=2:SelfSubjectRulesReviewSpec', 'status=3:SubjectRulesReviewStatus'],
  SelfSubjectRulesReviewSpec: ['namespace=1:string'],
  SubjectRulesReviewStatus: ['resourceRules=1:[]ResourceRule', 'nonResourceRules=2:[]NonResourceRule', 'incomplete=3:bool!', 'evaluationError=4:string'],
  ResourceRule: ['verbs=1:[]string', 'apiGroups=2:[]string', 'resources=3:[]string', 'resourceNames=4:[]string'],
  NonResourceRule: ['verbs=1:[]string', 'nonResourceURLs=2:[]string'],
  SelfSubjectReview: ['metadata=1:ObjectMeta', 'status=2:SelfSubjectReviewStatus'],
  SelfSubjectReviewStatus: ['userInfo=1:UserInfo'],
  UserInfo: ['username=1:string', 'uid=2:string', 'groups=3:[]string'],
  TokenRequest: ['metadata=1:ObjectMeta', 'spec=2:TokenRequestSpec', 'status=3:TokenRequestStatus'],
  TokenRequestSpec: ['audiences=1:[]string!', 'boundObjectRef=3:*BoundObjectReference', 'expirationSeconds=4:*int64'],
  BoundObjectReference: ['kind=1:string', 'apiVersion=2:string', 'name=3:string', 'uid=4:string'],
  TokenRequestStatus: ['token=1:string!', 'expirationTimestamp=2:Time!'],
};
