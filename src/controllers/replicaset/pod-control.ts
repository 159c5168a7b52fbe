// Creating and deleting a ReplicaSet's pods, with expectations raised before and lowered for
// every write that failed (and so will never be observed), and the events users see.
// Kubernetes twins: manageReplicas and slowStartBatch (pkg/controller/replicaset/replica_set.go),
// RealPodControl and GetPodFromTemplate (pkg/controller/controller_utils.go).
import { StatusError } from '../../api/errors.js';
import type { Frozen } from '../../api/types.js';
import type { Pod } from '../../api/types/pod.js';
import type { ReplicaSet } from '../../api/types/replicaset.js';
import type { Client } from '../../client/client.js';
import type { EventRecorder } from '../../client/event-recorder.js';
import { keyOf } from '../../client/object-key.js';
import { PODS } from '../../client/resources.js';
import { isNotFound } from '../../client/response-error.js';
import { newControllerRef } from '../shared/controller-ref.js';
import type { ReplicaPlan } from './plan.js';
import type { UidTrackingExpectations } from './uid-tracking-expectations.js';

/** The first batch of creations; each later batch doubles while all succeed (Go's SlowStartInitialBatchSize). */
export const SLOW_START_INITIAL_BATCH = 1;

export interface PodControlDeps {
  client: Client;
  recorder: EventRecorder;
  expectations: UidTrackingExpectations;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/**
 * A pod for the set: its template's labels, annotations, finalizers and spec, and a
 * controllerRef. Go deep-copies the template's parts; here they are shared as they are (frozen
 * with the set): the API server copies a request body before it shapes it, and nothing else
 * writes to it.
 */
export function podFromTemplate(rs: Frozen<ReplicaSet>): Frozen<Pod> {
  const t = rs.spec?.template;
  const meta = t?.metadata;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      namespace: rs.metadata.namespace,
      generateName: `${rs.metadata.name}-`,
      ownerReferences: [newControllerRef(rs, 'apps/v1', 'ReplicaSet')],
      ...(meta?.labels && { labels: meta.labels }),
      ...(meta?.annotations && { annotations: meta.annotations }),
      ...(meta?.finalizers && { finalizers: meta.finalizers }),
    },
    spec: t?.spec ?? { containers: [] },
  };
}

const namespaceTerminating = (e: unknown): boolean =>
  e instanceof StatusError && (e.status.details?.causes ?? []).some((c) => c.reason === 'NamespaceTerminating');

/**
 * Runs `count` calls in batches of 1, 2, 4, ... and stops at the first batch with a failure,
 * so a failing quota costs a handful of calls, not hundreds. Answers successes and first error.
 */
export async function slowStartBatch(count: number, initial: number, fn: () => Promise<void>): Promise<{ ok: number; error?: unknown }> {
  let remaining = count;
  let ok = 0;
  for (let size = Math.min(remaining, initial); size > 0; size = Math.min(2 * size, remaining)) {
    const results = await Promise.allSettled(Array.from({ length: size }, fn));
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    ok += results.length - results.filter((r) => r.status === 'rejected').length;
    if (failed) return { ok, error: failed.reason };
    remaining -= size;
  }
  return { ok };
}

async function createPods(key: string, rs: Frozen<ReplicaSet>, count: number, d: PodControlDeps): Promise<unknown> {
  d.expectations.expectCreations(key, count);
  const { ok, error } = await slowStartBatch(count, SLOW_START_INITIAL_BATCH, async () => {
    try {
      const pod = await d.client.create(PODS, podFromTemplate(rs));
      void d.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${pod.metadata.name ?? ''}`);
    } catch (e) {
      // A terminating namespace refuses every create; that is no failure of ours.
      if (namespaceTerminating(e)) return;
      void d.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${messageOf(e)}`);
      throw e;
    }
  });
  // Creations skipped or failed will never be observed: stop waiting for them.
  const skipped = count - ok;
  if (skipped > 0) d.expectations.lowerCreations(key, skipped);
  return error;
}

async function deletePods(key: string, rs: Frozen<ReplicaSet>, pods: readonly Frozen<Pod>[], d: PodControlDeps): Promise<unknown> {
  const podKeys = pods.map((p) => keyOf(p.metadata.namespace ?? '', p.metadata.name ?? ''));
  d.expectations.expectDeletions(key, podKeys);
  const errors: unknown[] = [];
  await Promise.all(
    pods.map(async (pod, i) => {
      try {
        await d.client.delete(PODS, pod.metadata.namespace ?? '', pod.metadata.name ?? '');
        void d.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name ?? ''}`);
      } catch (e) {
        d.expectations.deletionObserved(key, podKeys[i]);
        if (isNotFound(e)) return;
        void d.recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${messageOf(e)}`);
        errors.push(e);
      }
    }),
  );
  return errors[0];
}

/** Applies a plan; answers the first error (undefined when every write went through). */
export async function applyReplicaPlan(key: string, rs: Frozen<ReplicaSet>, plan: ReplicaPlan, d: PodControlDeps): Promise<unknown> {
  if (plan.create > 0) return createPods(key, rs, plan.create, d);
  if (plan.remove.length > 0) return deletePods(key, rs, plan.remove, d);
  return undefined;
}
