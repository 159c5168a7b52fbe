// pods/binding: how a scheduler places a pod. Kubernetes twin: pkg/registry/core/pod/storage
// (BindingREST.assignPod / setPodNodeAndMetadata).
import { produce } from 'immer';
import * as errors from '../../api/errors.js';
import { required } from '../../api/field-errors.js';
import { rfc3339 } from '../../clock/clock.js';
import type { MutableObj } from '../../api/registry/definition.js';
import type { KubeObject } from '../../api/types.js';
import type { ServerContext } from './context.js';

interface Binding extends KubeObject {
  target?: { kind?: string; name?: string; apiVersion?: string };
}

interface PodShape {
  spec: { nodeName?: string };
  status?: { conditions?: { type: string; status: string; lastProbeTime?: string | null; lastTransitionTime?: string }[] };
}

const BINDING = { group: '', resource: 'pods/binding' };

export async function bindPod(ctx: ServerContext, namespace: string, podName: string, binding: Binding): Promise<void> {
  const name = binding.metadata.name ?? podName;
  if (name !== podName) throw errors.badRequest(`the name of the object (${name}) does not match the name on the URL (${podName})`);
  const node = binding.target?.name;
  if (!node) throw errors.invalid({ group: '', kind: 'Binding' }, name, [required('target.name')]);
  const now = ctx.clock.now();
  await ctx.storage.guaranteedUpdate('pods', { namespace, name }, binding.metadata.uid ? { uid: binding.metadata.uid } : undefined, (current) => {
    const pod = current as unknown as PodShape;
    if (current.metadata.deletionTimestamp) {
      throw errors.conflict(BINDING, name, `pod ${name} is being deleted, cannot be assigned to a host`);
    }
    if (pod.spec.nodeName) {
      throw errors.conflict(BINDING, name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
    }
    return produce(current, (draft: MutableObj) => {
      const p = draft as unknown as PodShape;
      p.spec.nodeName = node;
      for (const [k, v] of Object.entries(binding.metadata.annotations ?? {})) (draft.metadata.annotations ??= {})[k] = v;
      p.status ??= {};
      const conditions = (p.status.conditions ??= []);
      const scheduled = conditions.find((c) => c.type === 'PodScheduled');
      if (scheduled) {
        if (scheduled.status !== 'True') scheduled.lastTransitionTime = rfc3339(now);
        scheduled.status = 'True';
        delete (scheduled as Record<string, unknown>).reason;
        delete (scheduled as Record<string, unknown>).message;
      } else {
        conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(now) });
      }
    }) as KubeObject;
  });
}
