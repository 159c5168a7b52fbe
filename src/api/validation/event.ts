// Event validation for core/v1 and events.k8s.io/v1, which kube-apiserver stores as one internal
// type. Error paths therefore use the internal (core) field names even for events.k8s.io requests:
// "involvedObject", "message", "source", as kube prints them.
// Kubernetes twin: pkg/apis/core/validation/events.go.

import { FieldPath, invalid, required, type FieldError } from '../field-errors.js';
import type { Frozen } from '../types.js';
import type { CoreEvent, EventsV1Event } from '../types/event.js';
import { isDNS1123Subdomain, isQualifiedName, nameIsDNSSubdomain } from './names.js';
import { deepEqual, validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

export const REPORTING_INSTANCE_LENGTH_LIMIT = 128;
export const ACTION_LENGTH_LIMIT = 128;
export const REASON_LENGTH_LIMIT = 128;
export const NOTE_LENGTH_LIMIT = 1024;

type Core = Frozen<CoreEvent>;
const root = (name: string): FieldPath => FieldPath.root(name);
const len = (s: string | undefined): number => Buffer.byteLength(s ?? '', 'utf8');
const isZeroTime = (t: string | null | undefined): boolean => !t || t.startsWith('0001-01-01T00:00:00');

/** The internal view of an events.k8s.io/v1 Event: its renamed fields mapped back to core's. */
export function eventsV1ToCore(e: Frozen<EventsV1Event>): Core {
  return {
    metadata: e.metadata,
    involvedObject: e.regarding ?? {},
    reason: e.reason,
    message: e.note,
    source: e.deprecatedSource,
    firstTimestamp: e.deprecatedFirstTimestamp,
    lastTimestamp: e.deprecatedLastTimestamp,
    count: e.deprecatedCount,
    type: e.type,
    eventTime: e.eventTime,
    series: e.series,
    action: e.action,
    related: e.related,
    reportingComponent: e.reportingController,
    reportingInstance: e.reportingInstance,
  };
}

function tooLongText(name: string, value: string | undefined, limit: number): FieldError[] {
  return len(value) > limit ? [invalid(root(name), '', `can have at most ${limit} characters`)] : [];
}

/** Rules every event passes, whichever API wrote it. "New" events are the ones with an eventTime. */
function legacyValidateEvent(e: Core): FieldError[] {
  const errs: FieldError[] = [];
  const ns = e.metadata.namespace ?? '';
  const objNs = e.involvedObject?.namespace ?? '';
  const mismatch = (): FieldError => invalid(root('involvedObject').child('namespace'), objNs, 'does not match event.namespace');
  if (isZeroTime(e.eventTime)) {
    // Old clients put events about cluster-scoped objects in "default".
    if (objNs === '' ? ns !== '' && ns !== 'default' : ns !== objNs) errs.push(mismatch());
  } else {
    if (objNs === '' && ns !== 'default' && ns !== 'kube-system') errs.push(mismatch());
    const controller = e.reportingComponent ?? '';
    if (!controller) errs.push(required(root('reportingController')));
    for (const msg of isQualifiedName(controller)) errs.push(invalid(root('reportingController'), controller, msg));
    if (!e.reportingInstance) errs.push(required(root('reportingInstance')));
    errs.push(...tooLongText('reportingInstance', e.reportingInstance, REPORTING_INSTANCE_LENGTH_LIMIT));
    if (!e.action) errs.push(required(root('action')));
    errs.push(...tooLongText('action', e.action, ACTION_LENGTH_LIMIT));
    if (!e.reason) errs.push(required(root('reason')));
    errs.push(...tooLongText('reason', e.reason, REASON_LENGTH_LIMIT));
    errs.push(...tooLongText('message', e.message, NOTE_LENGTH_LIMIT));
  }
  for (const msg of isDNS1123Subdomain(ns)) errs.push(invalid(root('namespace'), ns, msg));
  return errs;
}

function validateSeries(e: Core): FieldError[] {
  if (!e.series) return [];
  const errs: FieldError[] = [];
  if ((e.series.count ?? 0) < 2) errs.push(invalid(root('series.count'), '', 'should be at least 2'));
  if (isZeroTime(e.series.lastObservedTime)) errs.push(required(root('series.lastObservedTime')));
  return errs;
}

/** Strict checks for events created through events.k8s.io/v1: the deprecated fields must stay empty. */
function strictValidateEvent(e: Core): FieldError[] {
  const errs = validateObjectMeta(e.metadata, { namespaced: true, validateName: nameIsDNSSubdomain });
  errs.push(...validateSeries(e));
  if (isZeroTime(e.eventTime)) errs.push(required(root('eventTime')));
  if (e.type !== 'Normal' && e.type !== 'Warning') errs.push(invalid(root('type'), '', `has invalid value: ${e.type ?? ''}`));
  if (!isZeroTime(e.firstTimestamp)) errs.push(invalid(root('firstTimestamp'), '', 'needs to be unset'));
  if (!isZeroTime(e.lastTimestamp)) errs.push(invalid(root('lastTimestamp'), '', 'needs to be unset'));
  if ((e.count ?? 0) !== 0) errs.push(invalid(root('count'), '', 'needs to be unset'));
  if (e.source?.component || e.source?.host) errs.push(invalid(root('source'), '', 'needs to be unset'));
  return errs;
}

/** core/v1 creation: only the legacy rules, for old clients' sake (not even metadata is checked here). */
export const validateEvent = (e: Core): FieldError[] => legacyValidateEvent(e);
export const validateEventUpdate = (next: Core, _prev: Core): FieldError[] => legacyValidateEvent(next);

export function validateEventsV1Event(e: Frozen<EventsV1Event>): FieldError[] {
  const core = eventsV1ToCore(e);
  return [...legacyValidateEvent(core), ...strictValidateEvent(core)];
}

/** Through events.k8s.io/v1 an event may only grow its series; what it reports is fixed. */
export function validateEventsV1EventUpdate(nextV1: Frozen<EventsV1Event>, prevV1: Frozen<EventsV1Event>): FieldError[] {
  const next = eventsV1ToCore(nextV1);
  const prev = eventsV1ToCore(prevV1);
  const errs = [...legacyValidateEvent(next), ...validateObjectMetaUpdate(next.metadata, prev.metadata)];
  if (!deepEqual(next.series, prev.series)) errs.push(...validateSeries(next));
  const fixed: [string, unknown, unknown][] = [
    ['involvedObject', next.involvedObject, prev.involvedObject],
    ['reason', next.reason ?? '', prev.reason ?? ''],
    ['message', next.message ?? '', prev.message ?? ''],
    ['source', next.source ?? {}, prev.source ?? {}],
    ['firstTimestamp', next.firstTimestamp ?? null, prev.firstTimestamp ?? null],
    ['lastTimestamp', next.lastTimestamp ?? null, prev.lastTimestamp ?? null],
    ['count', next.count ?? 0, prev.count ?? 0],
    ['reason', next.reason ?? '', prev.reason ?? ''],
    ['type', next.type ?? '', prev.type ?? ''],
    ['eventTime', next.eventTime ?? null, prev.eventTime ?? null],
    ['action', next.action ?? '', prev.action ?? ''],
    ['related', next.related ?? null, prev.related ?? null],
    ['reportingController', next.reportingComponent ?? '', prev.reportingComponent ?? ''],
    ['reportingInstance', next.reportingInstance ?? '', prev.reportingInstance ?? ''],
  ];
  for (const [name, a, b] of fixed) errs.push(...validateImmutableField(a, b, root(name)));
  return errs;
}
