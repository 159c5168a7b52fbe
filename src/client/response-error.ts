// A failed answer back as the error the server meant: the StatusError of api/errors.ts, rebuilt
// from the metav1.Status in the body, so that callers test `err.code === 409` as in Go.
// Kubernetes twin: k8s.io/apimachinery/pkg/api/errors (FromObject) and client-go's
// rest.Request.transformResponse (newUnstructuredResponseError for bodies that are no Status).
import { StatusError, type Status } from '../api/errors.js';

const REASONS: Record<number, string> = {
  400: 'BadRequest',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'NotFound',
  405: 'MethodNotAllowed',
  409: 'Conflict',
  410: 'Expired',
  422: 'Invalid',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceUnavailable',
  504: 'Timeout',
};

function parseStatus(text: string): Status | undefined {
  try {
    const body = JSON.parse(text) as Partial<Status> | null;
    return body && body.kind === 'Status' && typeof body.code === 'number' ? (body as Status) : undefined;
  } catch {
    return undefined;
  }
}

/** The error for a non-2xx answer; a body that is no Status still gives its code and text. */
export function errorFromResponse(code: number, body: string | Buffer | undefined): StatusError {
  const text = body === undefined ? '' : String(body);
  const status = parseStatus(text);
  if (status) return new StatusError(status);
  return statusErrorOf(code, text.trim() || `the server responded with the status code ${code}`);
}

/** A Status the client makes itself, for a watch ERROR event or an answer that carried none. */
export function statusErrorOf(code: number, message: string): StatusError {
  return new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: REASONS[code] ?? 'Unknown', code });
}

/** A watch ERROR event's object as an error (it is a Status when the server is kube-apiserver-like). */
export function errorFromWatchObject(object: unknown): StatusError {
  const s = object as Partial<Status> | null;
  if (s && s.kind === 'Status' && typeof s.code === 'number') return new StatusError(s as Status);
  return statusErrorOf(500, `watch error: ${JSON.stringify(object)}`);
}

export const isNotFound = (e: unknown): boolean => e instanceof StatusError && e.code === 404;
export const isConflict = (e: unknown): boolean => e instanceof StatusError && e.code === 409 && e.reason === 'Conflict';
export const isAlreadyExists = (e: unknown): boolean => e instanceof StatusError && e.reason === 'AlreadyExists';
export const isGone = (e: unknown): boolean => e instanceof StatusError && e.code === 410;
