// Writes a change of a node's taints, read again from the server and retried when the kubelet's
// status writes moved the node on meanwhile (a Conflict on our cached copy).
// Kubernetes twin: AddOrUpdateTaintOnNode / RemoveTaintOffNode (pkg/controller/controller_utils.go),
// which retry on conflict with a fresh Get.
import { produce } from 'immer';
import type { Frozen } from '../../api/types.js';
import type { Node, Taint } from '../../api/types/node.js';
import type { Client } from '../../client/client.js';
import { NODES } from '../../client/resources.js';
import { isConflict } from '../../client/response-error.js';

/** Go's retry.DefaultRetry: five attempts. */
const ATTEMPTS = 5;

/**
 * Applies `change` (the node's new taints, or undefined for none to make) to `node`, then to a
 * fresh copy after each Conflict. Answers the node as written, or as it was when nothing changed.
 */
export async function writeTaints(client: Client, node: Frozen<Node>, change: (node: Frozen<Node>) => Taint[] | undefined): Promise<Frozen<Node>> {
  let current = node;
  for (let attempt = 1; ; attempt++) {
    const taints = change(current);
    if (!taints) return current;
    try {
      return await client.update(NODES, produce(current, (d) => void ((d.spec ??= {}).taints = taints)) as Frozen<Node>);
    } catch (e) {
      if (!isConflict(e) || attempt >= ATTEMPTS) throw e;
      current = await client.get(NODES, '', node.metadata.name ?? '');
    }
  }
}
