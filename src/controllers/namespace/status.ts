// The five conditions a Terminating namespace carries while it drains, with kube's reasons
// and messages. Pure. Kubernetes twin: pkg/controller/namespace/deletion/status_condition_utils.go.
import type { NamespaceCondition } from '../../api/types/namespace.js';

export const CONDITION_TYPES = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const;
export type NamespaceConditionType = (typeof CONDITION_TYPES)[number];

const OK: Record<NamespaceConditionType, { reason: string; message: string }> = {
  NamespaceDeletionDiscoveryFailure: { reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
  NamespaceDeletionGroupVersionParsingFailure: { reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
  NamespaceDeletionContentFailure: { reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
  NamespaceContentRemaining: { reason: 'ContentRemoved', message: 'All content successfully removed' },
  NamespaceFinalizersRemaining: { reason: 'ContentRemoved', message: 'All content successfully removed' },
};

export interface DeletionTotals {
  /** "pods." (resource.group) -> objects left. */
  remainingByResource: Map<string, number>;
  /** finalizer -> objects still carrying it. */
  remainingByFinalizer: Map<string, number>;
}

export interface DeletionFindings {
  discoveryFailures: string[];
  contentErrors: string[];
  totals: DeletionTotals;
}

type Failing = Partial<Record<NamespaceConditionType, { reason: string; message: string }>>;

/** The failing conditions these findings call for; any type not listed is "ok". */
export function failingConditions(f: DeletionFindings): Failing {
  const out: Failing = {};
  if (f.discoveryFailures.length > 0) {
    out.NamespaceDeletionDiscoveryFailure = {
      reason: 'DiscoveryFailed',
      message: `Discovery failed for some groups, ${f.discoveryFailures.length} failing: ${f.discoveryFailures.join(', ')}`,
    };
  }
  if (f.contentErrors.length > 0) {
    const msgs = [...f.contentErrors].sort();
    out.NamespaceDeletionContentFailure = {
      reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${msgs.length} remaining: ${msgs.join(', ')}`,
    };
  }
  // e.g. "Some resources are remaining: pods. has 2 resource instances"
  const resources = [...f.totals.remainingByResource].filter(([, n]) => n > 0).map(([gr, n]) => `${gr} has ${n} resource instances`);
  if (resources.length > 0) {
    out.NamespaceContentRemaining = { reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${resources.sort().join(', ')}` };
  }
  const finalizers = [...f.totals.remainingByFinalizer].filter(([, n]) => n > 0).map(([fin, n]) => `${fin} in ${n} resource instances`);
  if (finalizers.length > 0) {
    // "SomeFinalizerRemain" (sic) is what kube-controller-manager writes.
    out.NamespaceFinalizersRemaining = { reason: 'SomeFinalizerRemain', message: `Some finalizers are remaining: ${finalizers.sort().join(', ')}` };
  }
  return out;
}

/**
 * Merges the wanted conditions into the current list: a missing type is appended, a changed
 * one rewritten (its lastTransitionTime moves only when its status flips). Answers undefined
 * when nothing changed, so that a steady namespace costs no write.
 */
export function mergeConditions(current: readonly NamespaceCondition[], failing: Failing, now: string): NamespaceCondition[] | undefined {
  const next = current.map((c) => ({ ...c }));
  let changed = false;
  for (const type of CONDITION_TYPES) {
    const bad = failing[type];
    const want = { type, status: bad ? ('True' as const) : ('False' as const), ...(bad ?? OK[type]) };
    const old = next.find((c) => c.type === type);
    if (!old) {
      next.push({ type, status: want.status, lastTransitionTime: now, reason: want.reason, message: want.message });
      changed = true;
    } else if (old.status !== want.status || old.reason !== want.reason || old.message !== want.message) {
      if (old.status !== want.status) old.lastTransitionTime = now;
      old.status = want.status;
      old.reason = want.reason;
      old.message = want.message;
      changed = true;
    }
  }
  return changed ? next : undefined;
}
