// Node defaults. Kubernetes twin: pkg/apis/core/v1/defaults.go (SetDefaults_NodeStatus).

import type { Node } from '../types/node.js';

/** A node that reports capacity but not allocatable can offer all of it. */
export function defaultNode(node: Node): void {
  const status = node.status;
  if (status?.capacity && !status.allocatable) status.allocatable = { ...status.capacity };
}
