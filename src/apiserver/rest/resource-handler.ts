// Answers one resource request: picks the operation for the verb and subresource, runs it
// through the resource's store, and renders the result as the client negotiated.
// Kubernetes twin: k8s.io/apiserver/pkg/endpoints/installer.go + handlers/*.go.
import * as errors from '../../api/errors.js';
import { apiVersionOf, type ResourceDefinition } from '../../api/registry/definition.js';
import type { KubeObject } from '../../api/types.js';
import { jsonResponse, valueResponse, type ApiRequest, type ApiResponse } from '../api-request.js';
import { jsonOf, listJson, listValue } from '../encoding.js';
import { subresourcesOf } from '../../api/registry/subresources.js';
import { negotiate } from '../negotiation.js';
import { isTrue, type ResourceRequest } from '../request-info.js';
import { bindPod } from './binding.js';
import { asObjectOf, checkName, checkNamespace, decodeBody, hasBody, readRequestBody } from './decode.js';
import { parseConsistency, parseDeleteOptions, parseListQuery, parseWriteOptions, type WriteOptions } from './options.js';
import { NO_PATCH_META } from '../../api/patch/index.js';
import type { Obj } from '../../api/registry/definition.js';
import { applyPatchObject, checkPatchOptions, isApplyPatch, parseApplyPatch, parseForce } from '../fieldmanager/write-adapter.js';
import { applyPatchTo, patchKindOf } from './patch.js';
import { checkFields, patchMetaFor, warningHeader } from './schema-support.js';
import { followLog, readLog, type LogQuery } from './pod-log.js';
import { handleMetrics } from './metrics.js';
import { checkExecRunnable } from './pod-exec.js';
import type { ServerContext } from './context.js';
import { renderList, renderObject, watchEncoder } from './representation.js';
import { objectOf, type ResourceStore, type Written } from './resource-store.js';
import { applyScale, scaleOf } from './scale.js';
import { parseTableOptions } from './table.js';
import { openWatch } from './watch.js';
import { answerReview } from './review.js';
import { issueToken } from './service-account-token.js';

/** Whether the route exists, and whether it serves the verb: from the resource's subresource list. */
function subresourceAllows(def: ResourceDefinition, sub: string, verb: string): boolean {
  if (sub === '') return (def.verbs as readonly string[]).includes(verb);
  return subresourcesOf(def).some((s) => s.name === sub && s.verbs.includes(verb));
}

const subresourceExists = (def: ResourceDefinition, sub: string): boolean => sub === '' || subresourcesOf(def).some((s) => s.name === sub);

export async function handleResource(store: ResourceStore, req: ApiRequest, r: ResourceRequest): Promise<ApiResponse> {
  const { def, ctx } = store;
  const q = req.query;
  const now = ctx.clock.now();
  // A path that names no route is a 404, as the mux answers; a known route with a wrong verb is 405.
  if (!def.namespaced && r.namespace) throw errors.notFoundPath();
  // Namespaced resources are reached through a namespace, except to list or watch across all of them.
  if (def.namespaced && !r.namespace && (r.name || (r.verb !== 'list' && r.verb !== 'watch'))) throw errors.notFoundPath();
  if (r.subresource && !r.name) throw errors.notFoundPath();
  if (r.subresource && !subresourceExists(def, r.subresource)) throw errors.notFoundPath();
  if (!subresourceAllows(def, r.subresource, r.verb)) throw errors.methodNotAllowed();
  // POST creates into a collection; POST to an object's own path has no route.
  if (r.verb === 'create' && r.name && !r.subresource) throw errors.methodNotAllowed();
  if (def.computed) return handleMetrics(def, ctx, q, r);

  switch (r.verb) {
    case 'get': {
      if (r.subresource === 'log') return podLog(store, r, q);
      if (r.subresource === 'exec') return execWithoutUpgrade(ctx, r, q);
      const rep = negotiate(req.headers.accept);
      const found = await store.get(r.namespace, r.name, parseConsistency(q, false));
      if (r.subresource === 'scale') return jsonResponse(200, JSON.stringify(scaleOf(def.scale!, found.object)));
      if (rep.as === 'object') return valueResponse(200, found.object, () => found.bytes);
      const out = renderObject(def, found, rep, now, parseTableOptions(q));
      return jsonResponse(200, out.body, { 'content-type': out.contentType });
    }
    case 'list': {
      const rep = negotiate(req.headers.accept);
      const result = await store.list(r.namespace, parseListQuery(q, false));
      if (rep.as === 'object') {
        const [listKind, apiVersion] = [`${def.kind}List`, apiVersionOf(def)];
        return valueResponse(200, listValue(listKind, apiVersion, result), () => listJson(listKind, apiVersion, result));
      }
      const out = renderList(def, result, rep, now, parseTableOptions(q));
      return jsonResponse(200, out.body, { 'content-type': out.contentType });
    }
    case 'watch': {
      const rep = negotiate(req.headers.accept);
      const stream = openWatch(store, r.namespace, r.name, parseListQuery(q, true), watchEncoder(def, rep, () => ctx.clock.now(), parseTableOptions(q)));
      return { status: 200, headers: { 'content-type': 'application/json' }, watch: stream };
    }
    case 'create': {
      if (r.subresource === 'exec') return execWithoutUpgrade(ctx, r, q);
      if (r.subresource === 'token') {
        const request = asObjectOf(readRequestBody(req, 'TokenRequest'), { kind: 'TokenRequest', apiVersion: 'authentication.k8s.io/v1' });
        const opts = parseWriteOptions(q, req.headers['user-agent']);
        return jsonResponse(201, JSON.stringify(await issueToken(ctx, r.namespace, r.name, request, !!opts.dryRun)));
      }
      if (r.subresource === 'binding') {
        const binding = asObjectOf(readRequestBody(req, 'Binding'), { kind: 'Binding', apiVersion: 'v1' });
        checkNamespace(def, binding, r.namespace);
        const opts = parseWriteOptions(q, req.headers['user-agent']);
        if (!opts.dryRun) await bindPod(ctx, r.namespace, r.name, binding);
        return jsonResponse(201, JSON.stringify(errors.success()).replace('"code":200', '"code":201'));
      }
      const opts = parseWriteOptions(q, req.headers['user-agent']);
      const body = decodeBody(def, req, r.namespace);
      const warnings: string[] = [];
      checkFields(def, body, opts, warnings);
      if (def.review) return answerReview(def, def.review, body, warnings);
      const written = await store.create(r.namespace, body, opts);
      return writtenResponse(201, written, warnings);
    }
    case 'update': {
      const opts = parseWriteOptions(q, req.headers['user-agent']);
      if (r.subresource === 'scale') {
        const scale = asObjectOf(readRequestBody(req, 'Scale'), { kind: 'Scale', apiVersion: 'autoscaling/v1' });
        const { written } = await store.update(r.namespace, r.name, (cur) => applyScale(def.scale!, cur, scale), { ...opts, fieldsSubresource: 'scale' });
        return jsonResponse(200, JSON.stringify(scaleOf(def.scale!, objectOf(written))));
      }
      const body = decodeBody(def, req, r.namespace);
      checkName(body, r.name);
      const warnings: string[] = [];
      checkFields(def, body, opts, warnings);
      const sub = r.subresource === 'status' || r.subresource === 'finalize' ? r.subresource : '';
      const { written, created } = await store.update(r.namespace, r.name, () => body, opts, sub, () => body);
      return writtenResponse(created ? 201 : 200, written, warnings);
    }
    case 'patch': {
      const opts = parseWriteOptions(q, req.headers['user-agent']);
      if (isApplyPatch(req.headers['content-type'])) return serverSideApply(store, req, r, opts);
      const kind = patchKindOf(req.headers['content-type']);
      checkPatchOptions(false, opts.fieldManager, q.get('force'));
      const strict = opts.fieldValidation !== 'Ignore';
      if (r.subresource === 'scale') {
        const scaleOpts = { ...opts, fieldsSubresource: 'scale' };
        const { written } = await store.update(r.namespace, r.name, (cur) => applyScale(def.scale!, cur, applyPatchTo(kind, scaleOf(def.scale!, cur), req, NO_PATCH_META, strict)), scaleOpts);
        return jsonResponse(200, JSON.stringify(scaleOf(def.scale!, objectOf(written))));
      }
      const sub = r.subresource === 'status' ? 'status' : '';
      let warnings: string[] = [];
      const { written } = await store.update(
        r.namespace,
        r.name,
        (cur) => {
          const next = patched(def, applyPatchTo(kind, cur, req, patchMetaFor(def), strict), r);
          warnings = [];
          checkFields(def, next, opts, warnings, cur);
          return next;
        },
        opts,
        sub,
      );
      return writtenResponse(200, written, warnings);
    }
    case 'delete': {
      const body = hasBody(req) ? readRequestBody(req, 'DeleteOptions') : undefined;
      const options = parseDeleteOptions(q, body);
      const { written, deleted } = await store.delete(r.namespace, r.name, options);
      if (deleted && !def.returnDeletedObject) {
        const o = objectOf(written);
        const details = { name: o.metadata.name, group: def.group || undefined, kind: def.resource, uid: o.metadata.uid };
        return jsonResponse(200, JSON.stringify({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details }));
      }
      return writtenResponse(200, written);
    }
    case 'deletecollection': {
      const body = hasBody(req) ? readRequestBody(req, 'DeleteOptions') : undefined;
      const options = parseDeleteOptions(q, body);
      const result = await store.list(r.namespace, parseListQuery(q, false));
      const items: string[] = [];
      for (const item of result.items) {
        const m = item.object.metadata;
        try {
          const { written } = await store.delete(m.namespace ?? '', m.name!, options);
          items.push(JSON.stringify(objectOf(written)));
        } catch (e) {
          if (!(e instanceof errors.StatusError && e.code === 404)) throw e;
        }
      }
      return jsonResponse(200, `{"kind":"${def.kind}List","apiVersion":"${apiVersionOf(def)}","metadata":{"resourceVersion":"${ctx.storage.revision}"},"items":[${items.join(',')}]}`);
    }
  }
}


/** exec is a stream: a request that is not an upgrade is checked, then told so. */
async function execWithoutUpgrade(ctx: ServerContext, r: ResourceRequest, q: URLSearchParams): Promise<ApiResponse> {
  await checkExecRunnable(ctx, r.namespace, r.name, q);
  throw errors.badRequest('Upgrade request required');
}

/** A patch may not move the object to another name or namespace. */
function patched(def: ResourceDefinition, obj: KubeObject, r: ResourceRequest): KubeObject {
  const checked = asObjectOf(obj, { kind: def.kind, apiVersion: apiVersionOf(def) });
  checkName(checked, r.name);
  checkNamespace(def, checked, r.namespace);
  return checked;
}

function writtenResponse(status: number, written: Written, warnings: readonly string[] = []): ApiResponse {
  return valueResponse(status, objectOf(written), () => jsonOf(written), warningHeader(warnings));
}

async function podLog(store: ResourceStore, r: ResourceRequest, q: URLSearchParams): Promise<ApiResponse> {
  const pod = await store.get(r.namespace, r.name);
  const tail = q.get('tailLines');
  const sinceSeconds = q.get('sinceSeconds');
  const sinceTime = q.get('sinceTime');
  const query: LogQuery = {
    container: q.get('container') ?? undefined,
    previous: isTrue(q.get('previous')),
    tailLines: tail !== null && /^[0-9]+$/.test(tail) ? Number(tail) : undefined,
    timestamps: isTrue(q.get('timestamps')),
    sinceMs: sinceSeconds !== null && /^[0-9]+$/.test(sinceSeconds) ? store.ctx.clock.now() - Number(sinceSeconds) * 1000 : sinceTime ? Date.parse(sinceTime) || undefined : undefined,
    follow: isTrue(q.get('follow')),
  };
  const stream = followLog(store.ctx, pod.object, query);
  if (stream) return { status: 200, headers: { 'content-type': 'text/plain' }, watch: stream };
  return { status: 200, headers: { 'content-type': 'text/plain' }, body: readLog(store.ctx, pod.object, query) };
}

/** PATCH with application/apply-patch+yaml: server-side apply, creating the object when missing. */
async function serverSideApply(store: ResourceStore, req: ApiRequest, r: ResourceRequest, opts: WriteOptions): Promise<ApiResponse> {
  const { def, ctx } = store;
  checkPatchOptions(true, opts.fieldManager, req.query.get('force'));
  const applied = parseApplyPatch(req.body);
  const warnings: string[] = [];
  checkFields(def, asObjectOf({ ...applied }, { kind: def.kind, apiVersion: apiVersionOf(def) }), opts, warnings);
  const subresource = r.subresource === 'status' ? 'status' : '';
  const apply = (current: Obj | undefined): KubeObject =>
    patched(def, applyPatchObject(def, current, { applied, manager: opts.manager, force: parseForce(req.query), subresource: subresource || undefined, now: ctx.clock.now() }), r);
  const { written, created } = await store.update(r.namespace, r.name, (cur) => apply(cur), { ...opts, applied: true }, subresource, () => apply(undefined));
  return writtenResponse(created ? 201 : 200, written, warnings);
}
