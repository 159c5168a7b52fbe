// `kubectl get nodes`: NAME STATUS ROLES AGE VERSION | INTERNAL-IP EXTERNAL-IP OS-IMAGE
// KERNEL-VERSION CONTAINER-RUNTIME. Kubernetes twin: nodeColumnDefinitions, printNode and
// findNodeRoles in pkg/printers/internalversion/printers.go.
import type { Frozen, KubeObject } from '../types.js';
import { ageColumn, ageOf, column, nameColumn, nameOf, wideColumn, type ResourcePrinter, type TableCell } from './table-column.js';

interface NodeView {
  metadata: { labels?: Record<string, string> };
  spec?: { unschedulable?: boolean };
  status?: {
    conditions?: { type: string; status: string }[];
    addresses?: { type: string; address: string }[];
    nodeInfo?: { kubeletVersion?: string; osImage?: string; kernelVersion?: string; containerRuntimeVersion?: string };
  };
}

const ADDRESSES_DESCRIPTION =
  'List of addresses reachable to the node. Queried from cloud provider, if available. More info: ' +
  'https://kubernetes.io/docs/reference/node/node-status/#addresses Note: This field is declared as mergeable, but ' +
  'the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should ' +
  'instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that ' +
  "addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be " +
  "possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API " +
  '(status.hostIP).';

const columns = [
  nameColumn,
  column('Status', 'The status of the node'),
  column('Roles', 'The roles of the node'),
  ageColumn,
  column('Version', 'Kubelet Version reported by the node.'),
  wideColumn('Internal-IP', ADDRESSES_DESCRIPTION),
  wideColumn('External-IP', ADDRESSES_DESCRIPTION),
  wideColumn('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).'),
  wideColumn('Kernel-Version', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64)."),
  wideColumn(
    'Container-Runtime',
    'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
  ),
];

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const LEGACY_ROLE_LABEL = 'kubernetes.io/role';

export const nodePrinter: ResourcePrinter = {
  columns,
  row(obj: KubeObject, now: number): TableCell[] {
    const node = obj as Frozen<NodeView>;
    const info = node.status?.nodeInfo ?? {};
    return [
      nameOf(obj),
      nodeStatus(node),
      nodeRoles(node).join(',') || '<none>',
      ageOf(obj, now),
      info.kubeletVersion ?? '',
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ];
  },
};

/** "Ready", "NotReady", "Unknown" (no Ready condition yet), plus ",SchedulingDisabled" when cordoned. */
function nodeStatus(node: Frozen<NodeView>): string {
  // Only the Ready condition speaks; the last entry wins if a buggy writer duplicated it.
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').at(-1);
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** Sorted, deduplicated roles from node-role.kubernetes.io/<role> keys and kubernetes.io/role values. */
export function nodeRoles(node: Frozen<NodeView>): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(ROLE_PREFIX)) {
      const role = key.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === LEGACY_ROLE_LABEL && value) {
      roles.add(value);
    }
  }
  return [...roles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The first address of that type, "<none>" if the node reports none. */
function nodeAddress(node: Frozen<NodeView>, type: 'InternalIP' | 'ExternalIP'): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}
