// The OpenAPI generators the apiserver routes serve. Kubernetes twin: /openapi/v2 and
// /openapi/v3 of kube-apiserver (k8s.io/kube-openapi/pkg/handler, handler3).
export type { OpenApiResource, OpenApiSubresource } from './resource.js';
export { groupVersionPath } from './resource.js';
export { openapiV2 } from './v2.js';
export { openapiV3Root, openapiV3GroupVersion, openapiV3DocumentKeys } from './v3.js';
export { contentHash } from './hash.js';
export { patchMetaFor } from '../../api/schema/patch-meta-for.js';
export { unknownFields, unknownFieldWarnings, strictDecodingError } from '../../api/schema/unknown-fields.js';
