// The 409 an apply gets when it would change fields other managers own.
// Kubernetes twin: managedfields/internal/conflict.go (NewConflictError, getConflictMessage,
// printManager) and apimachinery errors.NewApplyConflict.
//
// Example, one conflict:
//   Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas
// several: "Apply failed with 2 conflicts: conflicts with "a" using v1:\n- .data.x\n- .data.y"
import { StatusError, type StatusCause } from '../../api/errors.js';
import { pathString, type FieldPathTokens } from './field-set.js';

export interface Conflict {
  /** The manager identifier (managed-fields.ts managerIdentifier). */
  readonly managerId: string;
  readonly path: FieldPathTokens;
}

/** How a manager is named in a conflict: "name" [with subresource "s"] [using apiVersion]. */
export function printManager(managerId: string): string {
  let e: { manager?: string; operation?: string; apiVersion?: string; subresource?: string };
  try {
    e = JSON.parse(managerId) as typeof e;
  } catch {
    return JSON.stringify(managerId);
  }
  let text = JSON.stringify(e.manager ?? '');
  if (e.subresource) text += ` with subresource ${JSON.stringify(e.subresource)}`;
  if (e.operation === 'Update') text += ` using ${e.apiVersion ?? ''}`;
  return text;
}

/** Conflicts grouped by manager identifier, managers in sorted order. */
function byManager(conflicts: readonly Conflict[]): Array<[string, FieldPathTokens[]]> {
  const m = new Map<string, FieldPathTokens[]>();
  for (const c of conflicts) m.set(c.managerId, [...(m.get(c.managerId) ?? []), c.path]);
  return [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function conflictMessage(conflicts: readonly Conflict[]): string {
  if (conflicts.length === 1) {
    return `Apply failed with 1 conflict: conflict with ${printManager(conflicts[0].managerId)}: ${pathString(conflicts[0].path)}`;
  }
  const lines: string[] = [];
  for (const [id, paths] of byManager(conflicts)) {
    lines.push(`conflicts with ${printManager(id)}:`);
    for (const p of paths) lines.push(`- ${pathString(p)}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}

/** 409 Conflict with one FieldManagerConflict cause per field. */
export function applyConflictError(conflicts: readonly Conflict[]): StatusError {
  const causes: StatusCause[] = byManager(conflicts).flatMap(([id, paths]) =>
    paths.map((p) => ({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(id)}`, field: pathString(p) })),
  );
  return new StatusError({
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: conflictMessage(conflicts),
    reason: 'Conflict',
    details: { causes },
    code: 409,
  });
}
