// The pod strategy. Kubernetes twin: pkg/registry/core/pod/strategy.go (podStrategy,
// podStatusStrategy, CheckGracefulDelete) and the pod admission plugins.
import * as errors from '../../errors.js';
import { admitPod } from '../../defaults/pod-admission.js';
import { defaultPod } from '../../defaults/pod.js';
import { qosClassOf } from '../../qos.js';
import type { Pod } from '../../types/pod.js';
import { validatePod, validatePodStatusUpdate, validatePodUpdate } from '../../validation/pod.js';
import type { Obj, Strategy } from '../definition.js';
import { typed } from './cast.js';

export const podStrategy: Strategy = {
  ...typed<Pod>({
    defaults: defaultPod,
    prepareForCreate(pod) {
      // A new pod starts Pending whatever the client sent; kubelets own status from here.
      pod.status = { phase: 'Pending', qosClass: qosClassOf(pod.spec ?? {}) };
      const refused = admitPod(pod);
      if (refused.length > 0) throw errors.forbidden({ group: '', resource: 'pods' }, pod.metadata.name ?? '', refused.join(', '));
    },
    validate: validatePod,
    validateUpdate: validatePodUpdate,
    validateStatusUpdate: validatePodStatusUpdate,
  }),
  // Kubelets may write labels and annotations with status; ownerReferences stay (old kubelets broke them).
  statusKeepsMetadata: ['ownerReferences'],
  gracePeriodSeconds(obj: Obj, requested: number | undefined): number {
    const pod = obj as unknown as Pod;
    // Only a kubelet can stop containers: an unscheduled or finished pod goes at once.
    if (!pod.spec?.nodeName) return 0;
    const phase = (pod.status as { phase?: string } | undefined)?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') return 0;
    return requested ?? pod.spec.terminationGracePeriodSeconds ?? 30;
  },
};
