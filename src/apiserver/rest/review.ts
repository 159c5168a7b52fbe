// A create that asks a question (SelfSubjectAccessReview and its kin, see
// api/registry/access-reviews.ts): validated like any create, answered in its status, not stored.
// Kubernetes twin: the Create of pkg/registry/authorization/selfsubjectaccessreview/rest.go,
// which returns the review with Status set and 201 Created.
import * as errors from '../../api/errors.js';
import type { ResourceDefinition } from '../../api/registry/definition.js';
import { omitEmpty } from '../../api/schema/omit-empty.js';
import type { KubeObject } from '../../api/types.js';
import { jsonResponse, type ApiResponse } from '../api-request.js';
import { warningHeader } from './schema-support.js';

export function answerReview(def: ResourceDefinition, review: (obj: KubeObject) => object, body: KubeObject, warnings: readonly string[]): ApiResponse {
  const refused = def.strategy.validate?.(body) ?? [];
  if (refused.length > 0) throw errors.invalid(def, body.metadata.name ?? '', refused);
  const answered = { ...body, status: review(body) };
  omitEmpty(def.group, def.version, def.kind, answered);
  return jsonResponse(201, JSON.stringify(answered), warningHeader(warnings));
}
