// Twin of pkg/scheduler/framework/plugins/imagelocality: prefers nodes that already hold the
// pod's images, weighing each image by its size and by how widely it is spread (an image on
// every node says little about this one).
import type { Pod } from '../../api/types/pod.js';
import { goDiv, MAX_NODE_SCORE, StateKey, type Plugin } from '../framework.js';
import { normalizedImageName, type NodeInfo } from '../node-info.js';

export const NAME = 'ImageLocality';

const MB = 1024 * 1024;
/** Below this the sum counts as nothing (a small image pulls fast anyway). */
export const MIN_THRESHOLD = 23 * MB;
/** Per container; the sum is capped at this times the number of containers. */
export const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** The pod's image names, normalised, init containers first, and how many containers it has. */
interface PodImages {
  readonly pod: Pod;
  readonly names: readonly string[];
  readonly containers: number;
}
const imagesKey = new StateKey<PodImages>(`Score${NAME}`);

function podImages(pod: Pod): PodImages {
  const names: string[] = [];
  for (const list of [pod.spec.initContainers, pod.spec.containers]) {
    for (const c of list ?? []) if (c.image) names.push(normalizedImageName(c.image));
  }
  return { pod, names, containers: (pod.spec.initContainers?.length ?? 0) + (pod.spec.containers?.length ?? 0) };
}

/** size * (nodes having it / all nodes), truncated. */
function sumImageScores(node: NodeInfo, images: PodImages, totalNodes: number): number {
  let sum = 0;
  for (const name of images.names) {
    const st = node.imageStates.get(name);
    if (st) sum += Math.trunc(st.size * (st.numNodes / totalNodes));
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
    // The image names are worked out on the first node and kept for the rest of the cycle (the
    // plugin has no PreScore in kube-scheduler, so it gets none here either).
    let images = state.read(imagesKey);
    if (images?.pod !== pod) state.write(imagesKey, (images = podImages(pod)));
    return imageLocalityScore(sumImageScores(node, images, state.snapshot.nodes.length), images.containers);
  },
};
