// The only place a metav1.Status is built. Kubernetes twin: k8s.io/apimachinery/pkg/api/errors.
// Messages, reasons, codes and details follow kube-apiserver byte for byte where clients read them.
import { fieldErrorBody, fieldErrorText, type FieldError } from './field-errors.js';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never> | { resourceVersion?: string; continue?: string };
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** Identifies the resource in messages: "pods", "deployments.apps". */
export interface GroupResource {
  group: string;
  resource: string;
}

export const qualified = (gr: GroupResource): string => (gr.group ? `${gr.resource}.${gr.group}` : gr.resource);

/** An error that travels to the client as the Status it carries. */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
    this.name = 'StatusError';
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string | undefined {
    return this.status.reason;
  }
}

function failure(code: number, reason: string, message: string, details?: StatusDetails): StatusError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) status.details = details;
  return new StatusError(status);
}

const detailsOf = (gr: GroupResource, name: string): StatusDetails =>
  gr.group ? { name, group: gr.group, kind: gr.resource } : { name, kind: gr.resource };

export const notFound = (gr: GroupResource, name: string): StatusError =>
  failure(404, 'NotFound', `${qualified(gr)} "${name}" not found`, detailsOf(gr, name));

export const alreadyExists = (gr: GroupResource, name: string): StatusError =>
  failure(409, 'AlreadyExists', `${qualified(gr)} "${name}" already exists`, detailsOf(gr, name));

export const OBJECT_MODIFIED = 'the object has been modified; please apply your changes to the latest version and try again';

export const conflict = (gr: GroupResource, name: string, why: string): StatusError =>
  failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(gr)} "${name}": ${why}`, detailsOf(gr, name));

/** 422 Invalid: `Pod "x" is invalid: metadata.name: Invalid value: ...` with one cause per field error. */
export function invalid(kind: { group: string; kind: string }, name: string, errors: readonly FieldError[]): StatusError {
  const list = errors.map(fieldErrorText);
  const summary = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
  const causes = errors.map((e) => ({ reason: e.type, message: fieldErrorBody(e), field: e.field }));
  const details: StatusDetails = kind.group ? { name, group: kind.group, kind: kind.kind, causes } : { name, kind: kind.kind, causes };
  return failure(422, 'Invalid', `${kind.kind}${kind.group ? `.${kind.group}` : ''} "${name}" is invalid: ${summary}`, details);
}

/** The generic answer for a bare status code (NewGenericServerResponse with no verb, resource or name): details are empty. */
const genericResponses = {
  400: ['BadRequest', 'the server rejected our request for an unknown reason'],
  401: ['Unauthorized', 'the server has asked for the client to provide credentials'],
  403: ['Forbidden', 'the server does not allow access to the requested resource'],
  404: ['NotFound', 'the server could not find the requested resource'],
  405: ['MethodNotAllowed', 'the server does not allow this method on the requested resource'],
  409: ['Conflict', 'the server reported a conflict'],
  422: ['Invalid', 'the server rejected our request due to an error in our request'],
} as const;

/** e.g. 422 for a JSON patch that does not apply: the apiserver keeps the patch error out of the answer. */
export const genericServerResponse = (code: keyof typeof genericResponses): StatusError =>
  failure(code, genericResponses[code][0], genericResponses[code][1], {});

export const badRequest = (message: string): StatusError => failure(400, 'BadRequest', message);

export const forbidden = (gr: GroupResource, name: string, why: string): StatusError =>
  failure(403, 'Forbidden', `${qualified(gr)} "${name}" is forbidden: ${why}`, detailsOf(gr, name));

export const methodNotAllowed = (): StatusError =>
  failure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');

export const notAcceptable = (accepted: readonly string[]): StatusError =>
  failure(406, 'NotAcceptable', `only the following media types are accepted: ${accepted.join(', ')}`);

export const unsupportedMediaType = (accepted: readonly string[]): StatusError =>
  failure(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: ${accepted.join(', ')}`,
  );

/** 410 Expired: a watch or continue token that reaches past the history we keep. */
export const expired = (message: string): StatusError => failure(410, 'Expired', message);

export const gone = (message: string): StatusError => failure(410, 'Gone', message);

export const requestEntityTooLarge = (limit: number): StatusError =>
  failure(413, 'RequestEntityTooLarge', `Request entity too large: limit is ${limit}`);

export const notFoundPath = (): StatusError =>
  failure(404, 'NotFound', 'the server could not find the requested resource', {});

export const internalError = (err: unknown): StatusError =>
  failure(500, 'InternalError', `Internal error occurred: ${err instanceof Error ? err.message : String(err)}`, {
    causes: [{ message: err instanceof Error ? err.message : String(err) }],
  });

export const tooLargeResourceVersion = (requested: number, current: number): StatusError =>
  failure(504, 'Timeout', `Too large resource version: ${requested}, current: ${current}`, {
    causes: [{ reason: 'ResourceVersionTooLarge', message: 'Too large resource version' }],
    retryAfterSeconds: 1,
  });

export const namespaceTerminating = (gr: GroupResource, name: string, namespace: string): StatusError => {
  const err = forbidden(gr, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
  err.status.details!.causes = [
    { reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' },
  ];
  return err;
};

/** A success Status, as answered by DELETE of a collection or of an object that is gone at once on some paths. */
export function success(details?: StatusDetails): Status {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200 };
  if (details) status.details = details;
  return status;
}

/** Whatever is thrown becomes a Status: our own errors as they are, anything else as a 500. */
export function toStatusError(err: unknown): StatusError {
  return err instanceof StatusError ? err : internalError(err);
}
