// Twin of pkg/scheduler/framework/plugins/imagelocality: prefers nodes that already hold the
// pod's images, weighing each image by its size and by how widely it is spread (an image on
// every node says little about this one).
import type { Pod } from '../../api/types/pod.js';
import { goDiv, MAX_NODE_SCORE, type Plugin } from '../framework.js';
import { normalizedImageName, type NodeInfo } from '../node-info.js';

export const NAME = 'ImageLocality';

const MB = 1024 * 1024;
/** Below this the sum counts as nothing (a small image pulls fast anyway). */
export const MIN_THRESHOLD = 23 * MB;
/** Per container; the sum is capped at this times the number of containers. */
export const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** size * (nodes having it / all nodes), truncated. */
function sumImageScores(node: NodeInfo, pod: Pod, totalNodes: number): number {
  let sum = 0;
  for (const list of [pod.spec.initContainers, pod.spec.containers]) {
    for (const c of list ?? []) {
      const st = c.image ? node.imageStates.get(normalizedImageName(c.image)) : undefined;
      if (st) sum += Math.trunc(st.size * (st.numNodes / totalNodes));
    }
  }
  return sum;
}

/**
 * 100 * (clamp(sum, 23MB, 1000MB * containers) - 23MB) / (1000MB * containers - 23MB).
 * Worked example: one container, image of 500MB on 2 of 4 nodes -> 250MB; (250 - 23) * 100 /
 * (1000 - 23) = 23.2 -> 23.
 */
export function imageLocalityScore(sum: number, numContainers: number): number {
  const max = MAX_CONTAINER_THRESHOLD * numContainers;
  let clamped = sum;
  if (clamped < MIN_THRESHOLD) clamped = MIN_THRESHOLD;
  else if (clamped > max) clamped = max;
  return goDiv(MAX_NODE_SCORE * (clamped - MIN_THRESHOLD), max - MIN_THRESHOLD);
}

export const imageLocality: Plugin = {
  name: NAME,
  score(pod, node, state) {
    const total = state.snapshot.nodes.length;
    const containers = (pod.spec.initContainers?.length ?? 0) + (pod.spec.containers?.length ?? 0);
    return imageLocalityScore(sumImageScores(node, pod, total), containers);
  },
};
