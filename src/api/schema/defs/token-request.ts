// Schema declarations: TokenRequest (authentication.k8s.io/v1), the body of serviceaccounts/token
// (`kubectl create token`). Kubernetes twin: staging/src/k8s.io/api/authentication/v1/types.go,
// v1.32; field names and types follow the Go structs.
import { object, field, str, int64, ref, list, kind, atomic, type TypeDecl } from '../dsl.js';
import { AUTHENTICATION, objectMeta, time } from '../names.js';
import { API_VERSION_DESCRIPTION, KIND_DESCRIPTION } from '../type-meta.js';

export const tokenRequestTypes: readonly TypeDecl[] = [
  object(AUTHENTICATION + 'TokenRequest', 'A request for a service account token.', {
    apiVersion: field(str, API_VERSION_DESCRIPTION),
    kind: field(str, KIND_DESCRIPTION),
    metadata: field(objectMeta, 'Standard object metadata.'),
    spec: field(ref(AUTHENTICATION + 'TokenRequestSpec'), 'What the token is for and for how long.'),
    status: field(ref(AUTHENTICATION + 'TokenRequestStatus'), 'The token, filled in by the server.'),
  }, { required: ['spec'], gvk: kind('authentication.k8s.io', 'v1', 'TokenRequest') }),
  object(AUTHENTICATION + 'TokenRequestSpec', 'Who the token is for, how long it lasts, and what it is bound to.', {
    audiences: field(list(str), 'Who may accept the token; the API server itself by default.', atomic),
    boundObjectRef: field(ref(AUTHENTICATION + 'BoundObjectReference'), 'An object (Pod, Secret or Node) the token lives no longer than.'),
    expirationSeconds: field(int64, 'How long the token is valid: one hour by default, at least ten minutes.'),
  }, { required: ['audiences'] }),
  object(AUTHENTICATION + 'BoundObjectReference', 'The object a token is bound to.', {
    apiVersion: str,
    kind: str,
    name: str,
    uid: str,
  }),
  object(AUTHENTICATION + 'TokenRequestStatus', 'The token issued.', {
    expirationTimestamp: field(time, 'When the token stops being valid.'),
    token: field(str, 'The bearer token.'),
  }, { required: ['token', 'expirationTimestamp'] }),
];
