// Empty maps and lists vanish from a stored object, as Go's `omitempty` drops them when
// kube-apiserver decodes a request into its structs and encodes them back: removing the last
// label leaves no `labels: {}` behind. Empty structs stay (`resources: {}`), as in Go. And the
// zero metav1.Time of a non-pointer field comes back as null (omitempty never omits a struct):
// every pod condition shows `lastProbeTime: null`, every pod template `creationTimestamp: null`,
// even when the writer left them out or a strategic merge patch deleted them with null.
import type { Shape } from './dsl.js';
import { APPS, CORE, EVENTS, META } from './names.js';
import { typeNamed, typeOfKind } from './registry.js';

// List fields declared without omitempty in k8s.io/api: kept even when empty.
const KEPT_WHEN_EMPTY = new Set(['io.k8s.api.core.v1.PodSpec.containers', 'io.k8s.api.discovery.v1.EndpointSlice.endpoints']);

// Non-pointer metav1.Time and MicroTime fields in k8s.io/api (`LastProbeTime metav1.Time`),
// which Go writes as null when zero.
const NULL_WHEN_ZERO = new Map<string, readonly string[]>([
  [META + 'ObjectMeta', ['creationTimestamp']],
  [CORE + 'PodCondition', ['lastProbeTime', 'lastTransitionTime']],
  [CORE + 'NodeCondition', ['lastHeartbeatTime', 'lastTransitionTime']],
  [CORE + 'NamespaceCondition', ['lastTransitionTime']],
  [CORE + 'ContainerStateRunning', ['startedAt']],
  [CORE + 'ContainerStateTerminated', ['startedAt', 'finishedAt']],
  [CORE + 'Event', ['firstTimestamp', 'lastTimestamp', 'eventTime']],
  [EVENTS + 'Event', ['deprecatedFirstTimestamp', 'deprecatedLastTimestamp']],
  [APPS + 'DeploymentCondition', ['lastUpdateTime', 'lastTransitionTime']],
  [APPS + 'ReplicaSetCondition', ['lastTransitionTime']],
]);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A frozen part of an update is the stored version's own, carried over unchanged: it was
 * shaped when stored, so the walk leaves it (and cannot have anything to remove in it).
 */
const alreadyStored = (value: unknown): boolean => typeof value === 'object' && value !== null && Object.isFrozen(value);

function visit(shape: Shape, value: unknown): void {
  if (alreadyStored(value)) return;
  if (shape.type === 'array' && Array.isArray(value)) {
    for (const item of value) visit(shape.items, item);
  } else if (shape.type === 'map' && isPlainObject(value)) {
    for (const key in value) visit(shape.values, value[key]);
  } else if (shape.type === 'ref') {
    visitDefinition(shape.ref, value);
  }
}

function visitDefinition(name: string, value: unknown): void {
  const decl = typeNamed(name);
  if (!decl || decl.kind === 'scalar' || !isPlainObject(value)) return;
  // for-in, not Object.entries: this walk runs on every write, and deleting the key in hand is safe.
  for (const key in value) {
    const field = decl.fields[key];
    if (!field) continue;
    const item = value[key];
    const type = field.shape.type;
    const empty = (type === 'map' && isPlainObject(item) && isEmptyRecord(item)) || (type === 'array' && Array.isArray(item) && item.length === 0);
    if (empty && !KEPT_WHEN_EMPTY.has(`${decl.name}.${key}`)) delete value[key];
    else if (type === 'array' || type === 'map' || type === 'ref') visit(field.shape, item);
  }
  const zeroTimes = NULL_WHEN_ZERO.get(decl.name);
  if (zeroTimes) for (const key of zeroTimes) if (value[key] === undefined) value[key] = null;
}

function isEmptyRecord(record: Record<string, unknown>): boolean {
  for (const _ in record) return false;
  return true;
}

/** Removes, in place, the empty maps and lists of a mutable object of the given kind; writes zero times as null. */
export function omitEmpty(group: string, version: string, kind: string, object: unknown): void {
  const decl = typeOfKind(group, version, kind);
  if (decl) visitDefinition(decl.name, object);
}
