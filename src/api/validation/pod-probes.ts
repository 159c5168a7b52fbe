// Probes (liveness, readiness, startup) and lifecycle hooks: exactly one handler each.
// Kubernetes twin: pkg/apis/core/validation/validation.go (validateHandler, validateProbe,
// validateLivenessProbe, validateReadinessProbe, validateStartupProbe, validateLifecycle).
import { forbidden, invalid, notSupported, required, type FieldError, type FieldPath } from '../field-errors.js';
import type { HTTPGetAction, Lifecycle, LifecycleHandler, Probe } from '../types/pod.js';
import { portNumOrNameOk, validatePortNumOrName } from './pod-ports.js';

const NEGATIVE = 'must be greater than or equal to 0';
/** Go's http.Header token rules (IsHTTPHeaderName): letters, digits and '-'. */
const HTTP_HEADER_NAME_FMT = '[-A-Za-z0-9]+';
const httpHeaderName = new RegExp(`^${HTTP_HEADER_NAME_FMT}$`);

interface Handler {
  exec?: LifecycleHandler['exec'];
  httpGet?: HTTPGetAction;
  tcpSocket?: LifecycleHandler['tcpSocket'];
  grpc?: Probe['grpc'];
  sleep?: LifecycleHandler['sleep'];
}

function validateHTTPGet(http: HTTPGetAction, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (!http.path) errs.push(required(path.child('path')));
  if (!portNumOrNameOk(http.port)) errs.push(...validatePortNumOrName(http.port, path.child('port')));
  if (http.scheme !== 'HTTP' && http.scheme !== 'HTTPS') errs.push(notSupported(path.child('scheme'), http.scheme ?? '', ['HTTP', 'HTTPS']));
  for (const header of http.httpHeaders ?? []) {
    if (!httpHeaderName.test(header.name ?? '')) {
      const msg = `a valid HTTP header must consist of alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '${HTTP_HEADER_NAME_FMT}')`;
      errs.push(invalid(path.child('httpHeaders'), header.name, msg));
    }
  }
  return errs;
}

function validateSleep(seconds: number, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  if (gracePeriod === undefined || (seconds > 0 && seconds <= gracePeriod)) return [];
  const msg = `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`;
  return [invalid(path, seconds, msg)];
}

type HandlerCheck = (handler: Handler, path: FieldPath, gracePeriod: number | undefined) => FieldError[];

/** In Kubernetes' order: the first handler found counts, every later one is "more than 1". */
const handlerChecks: [keyof Handler, HandlerCheck][] = [
  ['exec', (h, p) => (h.exec?.command?.length ? [] : [required(p.child('command'))])],
  ['httpGet', (h, p) => validateHTTPGet(h.httpGet as HTTPGetAction, p)],
  ['tcpSocket', (h, p) => validatePortNumOrName(h.tcpSocket?.port, p.child('port'))],
  ['grpc', (h, p) => validatePortNumOrName(h.grpc?.port ?? 0, p.child('port'))],
  ['sleep', (h, p, grace) => validateSleep(h.sleep?.seconds ?? 0, grace, p)],
];

export function validateHandler(handler: Handler, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  return checkHandler(handler, true, gracePeriod, path);
}

/** A hook's handler, or a probe's (which has no sleep: a probe's handler is read without it). */
function checkHandler(handler: Handler, withSleep: boolean, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const [key, check] of handlerChecks) {
    if (handler[key] === undefined || handler[key] === null || (key === 'sleep' && !withSleep)) continue;
    if (count > 0) {
      errs.push(forbidden(path.child(key), 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    errs.push(...check(handler, path.child(key), gracePeriod));
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

const nonNegative = (value: number | undefined, path: FieldPath): FieldError[] => ((value ?? 0) < 0 ? [invalid(path, value, NEGATIVE)] : []);

const PROBE_COUNTS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

function validateProbe(probe: Probe, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  const errs = checkHandler(probe, false, gracePeriod, path);
  for (const key of PROBE_COUNTS) {
    if ((probe[key] ?? 0) < 0) errs.push(...nonNegative(probe[key], path.child(key)));
  }
  const tgps = probe.terminationGracePeriodSeconds;
  if (tgps !== undefined && tgps !== null && tgps <= 0) errs.push(invalid(path.child('terminationGracePeriodSeconds'), tgps, 'must be greater than 0'));
  return errs;
}

/** Liveness and startup probes act on one failure streak, so success must be a single probe. */
function mustSucceedOnce(probe: Probe, path: FieldPath): FieldError[] {
  return probe.successThreshold !== 1 ? [invalid(path.child('successThreshold'), probe.successThreshold ?? 0, 'must be 1')] : [];
}

export function validateLivenessProbe(probe: Probe | undefined, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  return probe ? [...validateProbe(probe, gracePeriod, path), ...mustSucceedOnce(probe, path)] : [];
}

export function validateStartupProbe(probe: Probe | undefined, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  return probe ? [...validateProbe(probe, gracePeriod, path), ...mustSucceedOnce(probe, path)] : [];
}

export function validateReadinessProbe(probe: Probe | undefined, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  if (!probe) return [];
  const errs = validateProbe(probe, gracePeriod, path);
  if (probe.terminationGracePeriodSeconds !== undefined && probe.terminationGracePeriodSeconds !== null) {
    errs.push(invalid(path.child('terminationGracePeriodSeconds'), probe.terminationGracePeriodSeconds, 'must not be set for readinessProbes'));
  }
  return errs;
}

export function validateLifecycle(lifecycle: Lifecycle, gracePeriod: number | undefined, path: FieldPath): FieldError[] {
  const errs: FieldError[] = [];
  if (lifecycle.postStart) errs.push(...validateHandler(lifecycle.postStart, gracePeriod, path.child('postStart')));
  if (lifecycle.preStop) errs.push(...validateHandler(lifecycle.preStop, gracePeriod, path.child('preStop')));
  return errs;
}
