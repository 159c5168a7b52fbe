// serviceaccounts/token: a token for a service account (`kubectl create token`, the TokenRequest
// API). kubesim checks no credentials, so a token is something clients read and pass on, not a
// key to anything. It carries the claims kube-apiserver issues (iss, sub, aud, exp, iat, nbf,
// jti and the kubernetes.io claim naming the service account and any bound object) and is
// signed HS256 with a key drawn from the seeded generator, so a replayed run issues the same
// tokens. Kubernetes twin: pkg/registry/core/serviceaccount/storage/token.go,
// pkg/serviceaccount/claims.go and pkg/apis/authentication/validation (ValidateTokenRequest).
import { createHmac } from 'node:crypto';
import * as errors from '../../api/errors.js';
import { invalid, type FieldError } from '../../api/field-errors.js';
import type { KubeObject } from '../../api/types.js';
import { rfc3339 } from '../../clock/clock.js';
import type { ServerContext } from './context.js';

/** The issuer and default audience, as kind's and kubeadm's clusters have them. */
export const TOKEN_ISSUER = 'https://kubernetes.default.svc.cluster.local';
const DEFAULT_EXPIRATION_SECONDS = 3600;
const MIN_EXPIRATION_SECONDS = 10 * 60;
const MAX_EXPIRATION_SECONDS = 2 ** 32;

const TOKEN_REQUEST = { group: 'authentication.k8s.io', kind: 'TokenRequest' };

interface BoundObjectReference {
  kind?: string;
  apiVersion?: string;
  name?: string;
  uid?: string;
}

interface TokenRequestSpec {
  audiences?: string[] | null;
  expirationSeconds?: number | null;
  boundObjectRef?: BoundObjectReference | null;
}

/** The objects a token may be bound to: where they are stored, and their claim in the token. */
const BINDABLE: Readonly<Record<string, { resource: string; namespaced: boolean; claim: string }>> = {
  Pod: { resource: 'pods', namespaced: true, claim: 'pod' },
  Secret: { resource: 'secrets', namespaced: true, claim: 'secret' },
  Node: { resource: 'nodes', namespaced: false, claim: 'node' },
};

// One signing key per server, drawn when the first token is asked for.
const signingKeys = new WeakMap<ServerContext, Buffer>();

function signingKey(ctx: ServerContext): Buffer {
  let key = signingKeys.get(ctx);
  if (!key) signingKeys.set(ctx, (key = Buffer.from(`${ctx.names.uid()}${ctx.names.uid()}`)));
  return key;
}

const base64url = (data: string | Buffer): string => Buffer.from(data).toString('base64url');

function signedJwt(ctx: ServerContext, claims: object): string {
  const unsigned = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
  return `${unsigned}.${createHmac('sha256', signingKey(ctx)).update(unsigned).digest('base64url')}`;
}

function validate(spec: { expirationSeconds: number }): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.expirationSeconds < MIN_EXPIRATION_SECONDS) errs.push(invalid('spec.expirationSeconds', spec.expirationSeconds, 'may not specify a duration less than 10 minutes'));
  if (spec.expirationSeconds > MAX_EXPIRATION_SECONDS) errs.push(invalid('spec.expirationSeconds', spec.expirationSeconds, 'may not specify a duration larger than 2^32 seconds'));
  return errs;
}

/** The object a token is to be bound to, which must exist (and be the same object, given a uid). */
async function boundObject(ctx: ServerContext, namespace: string, ref: BoundObjectReference): Promise<{ claim: string; object: KubeObject }> {
  const where = ref.kind && Object.hasOwn(BINDABLE, ref.kind) ? BINDABLE[ref.kind] : undefined;
  if (!where) throw errors.badRequest(`cannot bind token for object of type ${ref.kind ?? ''}`);
  const found = await ctx.storage.get(where.resource, { namespace: where.namespaced ? namespace : '', name: ref.name ?? '' });
  if (!found) throw errors.notFound({ group: '', resource: where.resource }, ref.name ?? '');
  if (ref.uid && ref.uid !== found.object.metadata.uid) {
    throw errors.conflict({ group: '', resource: where.resource }, ref.name ?? '', `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`);
  }
  return { claim: where.claim, object: found.object as KubeObject };
}

/** Issues a token for service account `name`; answers the TokenRequest with its status filled in. */
export async function issueToken(ctx: ServerContext, namespace: string, name: string, request: KubeObject, dryRun: boolean): Promise<object> {
  const account = await ctx.storage.get('serviceaccounts', { namespace, name });
  if (!account) throw errors.notFound({ group: '', resource: 'serviceaccounts' }, name);
  const sent = ((request as { spec?: TokenRequestSpec }).spec ?? {}) as TokenRequestSpec;
  const spec = {
    audiences: sent.audiences && sent.audiences.length > 0 ? sent.audiences : [TOKEN_ISSUER],
    expirationSeconds: sent.expirationSeconds ?? DEFAULT_EXPIRATION_SECONDS,
    boundObjectRef: sent.boundObjectRef ?? null,
  };
  const refused = validate(spec);
  if (refused.length > 0) throw errors.invalid(TOKEN_REQUEST, request.metadata.name ?? name, refused);
  const bound = spec.boundObjectRef ? await boundObject(ctx, namespace, spec.boundObjectRef) : undefined;

  const now = ctx.clock.now();
  const issuedAt = Math.floor(now / 1000);
  const expires = issuedAt + spec.expirationSeconds;
  const claim: Record<string, unknown> = { namespace, serviceaccount: { name, uid: account.object.metadata.uid } };
  if (bound) claim[bound.claim] = { name: bound.object.metadata.name, uid: bound.object.metadata.uid };
  const claims = {
    aud: spec.audiences,
    exp: expires,
    iat: issuedAt,
    iss: TOKEN_ISSUER,
    jti: ctx.names.uid(),
    'kubernetes.io': claim,
    nbf: issuedAt,
    sub: `system:serviceaccount:${namespace}:${name}`,
  };
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    metadata: { name, namespace, creationTimestamp: rfc3339(now) },
    spec,
    status: { token: dryRun ? '' : signedJwt(ctx, claims), expirationTimestamp: rfc3339(expires * 1000) },
  };
}
