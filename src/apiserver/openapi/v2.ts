// The Swagger 2.0 document served at /openapi/v2.
// Kubernetes twin: api/openapi-spec/swagger.json as kube-apiserver builds it
// (k8s.io/kube-openapi/pkg/builder); kubectl's v2 fallbacks read operations by GVK from it.
import { ALL_TYPES } from '../../api/schema/registry.js';
import { refPrefix, type JsonSchema } from '../../api/schema/openapi-schema.js';
import { DefinitionSet } from './definitions.js';
import { operationsOf, type Operation } from './operations.js';
import { pathParameter, queryParameter } from './parameters.js';
import { patchMediaTypes, producedMediaTypes } from './content-types.js';
import type { OpenApiResource } from './resource.js';
import { addResourceDefinitions, discoveryOperations, pathParameterNames, OPENAPI_INFO } from './document-parts.js';

function responseSchema(op: Operation): JsonSchema {
  return op.response === 'text' ? { type: 'string' } : { $ref: refPrefix('v2') + op.response };
}

function operationV2(op: Operation): JsonSchema {
  const ok = { description: 'OK', schema: responseSchema(op) };
  const responses: JsonSchema = { '200': ok, '401': { description: 'Unauthorized' } };
  if (op.action === 'post') Object.assign(responses, { '201': { description: 'Created', schema: responseSchema(op) }, '202': { description: 'Accepted', schema: responseSchema(op) } });
  if (op.action === 'delete') responses['202'] = { description: 'Accepted', schema: responseSchema(op) };
  const parameters: JsonSchema[] = [];
  if (op.body) {
    const required = op.action !== 'delete' && op.action !== 'deletecollection';
    parameters.push({ name: 'body', in: 'body', required, schema: { $ref: refPrefix('v2') + op.body.definition } });
  }
  parameters.push(...op.query.map((name) => queryParameter(name, 'v2')));
  return {
    consumes: op.body?.patch ? patchMediaTypes(op) : ['*/*'],
    description: op.description,
    operationId: op.id,
    parameters,
    produces: producedMediaTypes(op),
    responses,
    schemes: ['https'],
    tags: [op.tag],
    ...(op.action ? { 'x-kubernetes-action': op.action } : {}),
    ...(op.gvk ? { 'x-kubernetes-group-version-kind': { ...op.gvk } } : {}),
  };
}

/** Groups operations into path items, with path parameters and pretty at the path level. */
export function pathItemsV2(ops: readonly Operation[]): Record<string, JsonSchema> {
  const paths: Record<string, JsonSchema> = {};
  for (const op of ops) {
    const item = (paths[op.path] ??= {
      parameters: [...pathParameterNames(op.path).map((name) => pathParameter(name, 'v2')), queryParameter('pretty', 'v2')],
    });
    item[op.method] = operationV2(op);
  }
  return paths;
}

/** The whole API in one Swagger 2.0 document: every declared definition, every served path. */
export function openapiV2(resources: readonly OpenApiResource[]): JsonSchema {
  const definitions = new DefinitionSet('v2');
  addResourceDefinitions(definitions, resources);
  for (const decl of ALL_TYPES) definitions.add(decl.name);
  const ops = [...discoveryOperations(resources), ...resources.flatMap(operationsOf)];
  for (const op of ops) {
    if (op.body) definitions.add(op.body.definition);
    if (op.response !== 'text') definitions.add(op.response);
  }
  return {
    swagger: '2.0',
    info: { ...OPENAPI_INFO },
    paths: sortKeys(pathItemsV2(ops)),
    definitions: definitions.toObject(),
    securityDefinitions: { BearerToken: { description: 'Bearer token authentication', type: 'apiKey', name: 'authorization', in: 'header' } },
    security: [{ BearerToken: [] }],
  };
}

export function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
