// The OpenAPI 3.0 documents served under /openapi/v3: a root listing one document per
// group/version (and per group, plus "api" and "apis"), each with a content hash in its URL.
// Kubernetes twin: k8s.io/kube-openapi/pkg/handler3 and builder3. kubectl 1.32 reads them for
// explain (GVK on operations, then the schema with that GVK), for apply (a PATCH operation
// with the GVK that accepts application/strategic-merge-patch+json, then patch metadata from
// components.schemas) and for its field-validation check (that PATCH operation lists a
// "fieldValidation" parameter; cli-runtime query_param_verifier_v3.go).
import { refPrefix, type JsonSchema } from '../../api/schema/openapi-schema.js';
import { DefinitionSet } from './definitions.js';
import { operationsOf, type Operation } from './operations.js';
import { pathParameter, queryParameter } from './parameters.js';
import { patchMediaTypes, producedMediaTypes } from './content-types.js';
import { groupVersionPath, type OpenApiResource } from './resource.js';
import { addResourceDefinitions, discoveryOperations, documentKeyOf, pathParameterNames, OPENAPI_INFO } from './document-parts.js';
import { contentHash } from './hash.js';
import { sortKeys } from './v2.js';

function responseContent(op: Operation): JsonSchema {
  const schema = op.response === 'text' ? { type: 'string' } : { $ref: refPrefix('v3') + op.response };
  return Object.fromEntries(producedMediaTypes(op).map((type) => [type, { schema }]));
}

function requestBody(op: Operation): JsonSchema | undefined {
  if (!op.body) return undefined;
  const schema = { $ref: refPrefix('v3') + op.body.definition };
  const types = op.body.patch ? patchMediaTypes(op) : ['*/*'];
  const required = op.action !== 'delete' && op.action !== 'deletecollection';
  return { content: Object.fromEntries(types.map((type) => [type, { schema }])), ...(required ? { required: true } : {}) };
}

function operationV3(op: Operation): JsonSchema {
  const responses: JsonSchema = { '200': { description: 'OK', content: responseContent(op) }, '401': { description: 'Unauthorized' } };
  if (op.action === 'post') {
    responses['201'] = { description: 'Created', content: responseContent(op) };
    responses['202'] = { description: 'Accepted', content: responseContent(op) };
  }
  if (op.action === 'delete') responses['202'] = { description: 'Accepted', content: responseContent(op) };
  const body = requestBody(op);
  return {
    tags: [op.tag],
    description: op.description,
    operationId: op.id,
    // Inline, not $ref: kubectl's verifier compares parameter names without resolving refs.
    parameters: op.query.map((name) => queryParameter(name, 'v3')),
    ...(body ? { requestBody: body } : {}),
    responses,
    ...(op.action ? { 'x-kubernetes-action': op.action } : {}),
    ...(op.gvk ? { 'x-kubernetes-group-version-kind': { ...op.gvk } } : {}),
  };
}

function pathItemsV3(ops: readonly Operation[]): Record<string, JsonSchema> {
  const paths: Record<string, JsonSchema> = {};
  for (const op of ops) {
    const item = (paths[op.path] ??= {
      parameters: [...pathParameterNames(op.path).map((name) => pathParameter(name, 'v3')), queryParameter('pretty', 'v3')],
    });
    item[op.method] = operationV3(op);
  }
  return sortKeys(paths);
}

function allOperations(resources: readonly OpenApiResource[]): Operation[] {
  return [...discoveryOperations(resources), ...resources.flatMap(operationsOf)];
}

/** The document keys served: "api", "apis", each "apis/<group>" and each group/version. */
export function openapiV3DocumentKeys(resources: readonly OpenApiResource[]): string[] {
  return [...new Set(allOperations(resources).map(documentKeyOf))].sort();
}

/**
 * One OpenAPI 3.0 document, by its key ("api/v1", "apis/apps/v1", "apis/apps", "api", "apis"),
 * or undefined when nothing is served there.
 */
export function openapiV3GroupVersion(resources: readonly OpenApiResource[], key: string): JsonSchema | undefined {
  const normalised = key.replace(/^\/+|\/+$/g, '').replace(/^openapi\/v3\//, '');
  const ops = allOperations(resources).filter((op) => documentKeyOf(op) === normalised);
  if (ops.length === 0) return undefined;
  const definitions = new DefinitionSet('v3');
  addResourceDefinitions(definitions, resources.filter((r) => groupVersionPath(r.group, r.version) === normalised));
  for (const op of ops) {
    if (op.body) definitions.add(op.body.definition);
    if (op.response !== 'text') definitions.add(op.response);
  }
  return {
    openapi: '3.0.0',
    info: { ...OPENAPI_INFO },
    paths: pathItemsV3(ops),
    components: {
      schemas: definitions.toObject(),
      securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer token authentication', name: 'authorization', in: 'header' } },
    },
    security: [{ BearerToken: [] }],
  };
}

/** The /openapi/v3 root: where each document is, with a hash that changes when its content does. */
export function openapiV3Root(resources: readonly OpenApiResource[]): { paths: Record<string, { serverRelativeURL: string }> } {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const key of openapiV3DocumentKeys(resources)) {
    const document = openapiV3GroupVersion(resources, key);
    if (document) paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${contentHash(document)}` };
  }
  return { paths };
}
